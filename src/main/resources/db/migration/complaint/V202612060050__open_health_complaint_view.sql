-- Published for other modules (the PBI-JK list puts first whoever is being helped with their health now): the
-- registered persons with a health complaint still open, by village. Nothing else of the complaint; read with
-- the reader's own rights, so a complaint outside the reader's territory is not seen through it.
create view open_health_complaint with (security_invoker = true) as
select distinct subject_person_id as person_id, village_code from complaint
where category = 'HEALTH' and status not in ('RESOLVED', 'CLOSED') and subject_person_id is not null;
revoke insert, update, delete, truncate on open_health_complaint from ${approle};
create index ix_complaint_health_subject on complaint (subject_person_id) where category = 'HEALTH';
