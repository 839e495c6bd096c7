-- Published for other modules (a referral to a health provider, an assessment that recorded a chronic illness,
-- put a person first on the PBI-JK list): the registered person a complaint is about, its village, domain and
-- status. Read with the reader's own rights. Nothing else of the complaint.
create view complaint_subject with (security_invoker = true) as
select id, subject_person_id as person_id, village_code, category, status from complaint
where subject_person_id is not null;
revoke insert, update, delete, truncate on complaint_subject from ${approle};
