-- A person made active again (as PBI-JK or in another segment) must have the family's data updated within two
-- DTSEN periods (reported, not seen in the regulation text: the months are a setting). The follow-up is the
-- village's task until an usulan for the household is proposed.
create table pbi_follow_up (
    reactivation_id uuid             not null,
    person_id       uuid             not null,
    person_name     text             not null,
    household_id    uuid             not null,
    village_code    text collate "C" not null,
    due_on          date             not null,
    created_at      timestamptz      not null,
    usulan_id       uuid,
    done_at         timestamptz,
    constraint pk_pbi_follow_up primary key (reactivation_id),
    constraint fk_pbi_follow_up_request foreign key (reactivation_id) references pbi_reactivation (id)
);
create index ix_pbi_follow_up_open on pbi_follow_up (village_code, due_on) where done_at is null;
create index ix_pbi_follow_up_household on pbi_follow_up (household_id) where done_at is null;
alter table pbi_follow_up enable row level security;
create policy pbi_follow_up_territory on pbi_follow_up
    using (village_code >= simpul_scope_from() and village_code < simpul_scope_to());
