-- open_health_complaint is read with the reader's own rights, so a complaint outside the reader's territory is
-- not seen through it; an index for the PBI-JK list's look-up by person.
alter view open_health_complaint set (security_invoker = true);
create index ix_complaint_health_subject on complaint (subject_person_id) where category = 'HEALTH';
