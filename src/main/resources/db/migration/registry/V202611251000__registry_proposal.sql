-- Registry proposals (usulan, DOMAIN.md §5): what a field worker found that differs from the registry, e.g.
-- a deep assessment on a home visit that sees an earth floor where the registry says ceramic. They are
-- recorded, never written over the registry: the village deliberation, the operator and Dinsos decide.
create table registry_proposal (
    id             uuid        not null,
    household_id   uuid        not null,
    village_code   text collate "C" not null,
    field          text        not null,
    current_value  text,
    proposed_value text        not null,
    status         text        not null,
    source         text        not null,
    source_id      uuid        not null,
    proposed_by    uuid        not null,
    proposed_at    timestamptz not null,
    constraint pk_registry_proposal primary key (id),
    constraint fk_registry_proposal_household foreign key (household_id) references household (id),
    constraint ck_registry_proposal_status check (status in ('PROPOSED', 'ACCEPTED', 'REJECTED')),
    constraint ck_registry_proposal_source check (source in ('ASSESSMENT')),
    -- one proposal per field per source: a retried submission proposes nothing twice
    constraint uq_registry_proposal_source unique (source_id, household_id, field)
);
create index ix_registry_proposal_village on registry_proposal (village_code, status, proposed_at);
create index ix_registry_proposal_household on registry_proposal (household_id, proposed_at);
