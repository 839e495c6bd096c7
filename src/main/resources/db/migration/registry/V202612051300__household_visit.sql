-- A home visit by a field worker (PSM, TKSK), recorded on the phone, often without signal: what was found
-- of the house, a note, where the phone was (when the worker allowed it). The house conditions found never
-- overwrite the registry: those that differ become registry proposals with the visit as their source.
create table household_visit (
    id                   uuid        not null,
    household_id         uuid        not null,
    village_code         text collate "C" not null,
    visited_by           uuid        not null,
    recorded_in_field_at timestamptz,
    received_at          timestamptz not null,
    note                 text,
    conditions           jsonb       not null,
    latitude             numeric(9, 6),
    longitude            numeric(9, 6),
    accuracy_m           integer,
    constraint pk_household_visit primary key (id),
    constraint fk_household_visit_household foreign key (household_id) references household (id),
    constraint ck_household_visit_position check ((latitude is null) = (longitude is null)
        and (latitude is null or latitude between -90 and 90 and longitude between -180 and 180))
);
create index ix_household_visit_household on household_visit (household_id, received_at);

alter table registry_proposal drop constraint ck_registry_proposal_source;
alter table registry_proposal add constraint ck_registry_proposal_source check (source in ('ASSESSMENT', 'VISIT'));
