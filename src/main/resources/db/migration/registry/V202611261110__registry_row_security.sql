-- Row-level security on the registry (ADR 0008): the application's role sees and writes only households and
-- persons of the territory its connection serves, even where a query forgets its own condition.
alter table household enable row level security;
create policy household_territory on household
    using (village_code >= simpul_scope_from() and village_code < simpul_scope_to());

alter table person enable row level security;
create policy person_territory on person
    using (village_code >= simpul_scope_from() and village_code < simpul_scope_to());

-- What must be known across the territory line, and nothing more: whether a NIK or KK number (by its blind
-- index) is registered, and where; whether a person is under a restriction of processing. Views owned by
-- the tables' owner, so the policies above do not filter them.
create view person_placement as
select id, household_id, nik_index, kk_index, village_code, restricted_since from person;

create view household_placement as
select id, kk_index, village_code from household;

-- The name search's way in (PersonSearch): the same territory bound as the policy, written into the view,
-- so that the planner may use the name index (a policy lets only leakproof conditions reach an index, and
-- array containment is not one). Every query through it is bound like one on the table.
create view person_in_scope as
select * from person where village_code >= simpul_scope_from() and village_code < simpul_scope_to();
