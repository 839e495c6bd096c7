-- Published for the PBI module (DOMAIN.md §10: a chronic condition recorded in an assessment flags a person
-- removed from PBI-JK): the registered persons whose complaint's latest assessment that asked answered that someone
-- in the family has a chronic or catastrophic illness (the national forms' question chronicIllness, kept by a
-- district's own versions), by the complaint's village. A later assessment that says no takes it back. Read with
-- the reader's own rights; nothing else of the assessment.
create view assessed_chronic_illness with (security_invoker = true) as
select a.person_id, a.village_code
from (select distinct on (a.complaint_id) s.person_id, s.village_code, a.answers ->> 'chronicIllness' as chronic
      from assessment a
      join complaint_subject s on s.id = a.complaint_id
      where a.answers ? 'chronicIllness'
      order by a.complaint_id, a.submitted_at desc, a.id desc) a
where a.chronic = 'true';
revoke insert, update, delete, truncate on assessed_chronic_illness from ${approle};
