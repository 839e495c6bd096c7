-- Published for the PBI module (DOMAIN.md §10: a chronic condition recorded in an assessment flags a person
-- removed from PBI-JK): the registered persons whose complaint's assessment answered that someone in the family
-- has a chronic or catastrophic illness (the national forms' question chronicIllness, kept by a district's own
-- versions), by the complaint's village. Read with the reader's own rights; nothing else of the assessment.
create index ix_assessment_chronic_illness on assessment (complaint_id) where (answers ->> 'chronicIllness') = 'true';
create view assessed_chronic_illness with (security_invoker = true) as
select distinct s.person_id, s.village_code
from assessment a
join complaint_subject s on s.id = a.complaint_id
where (a.answers ->> 'chronicIllness') = 'true';
revoke insert, update, delete, truncate on assessed_chronic_illness from ${approle};
