-- A person's requests, newest first; and the module's own way across its row policy, for what a village's user
-- cannot see but the module must answer: whether a person the village serves is on a district's list (and since
-- when their window is closed), and keeping a listed person's place when they are registered or move. Never
-- returned to a user as it is.
create index ix_pbi_reactivation_person on pbi_reactivation (person_id, created_at desc);
create view pbi_deactivation_any as
select id, regency_code, nik_index, person_id, household_id, village_code, window_closes_on from pbi_deactivation;
