-- Published for other modules (the PBI-JK list puts first whoever is being helped with their health now): the
-- registered persons with a health complaint still open, by village. Nothing else of the complaint.
create view open_health_complaint as
select distinct subject_person_id as person_id, village_code from complaint
where category = 'HEALTH' and status not in ('RESOLVED', 'CLOSED') and subject_person_id is not null;
revoke insert, update, delete, truncate on open_health_complaint from ${approle};
