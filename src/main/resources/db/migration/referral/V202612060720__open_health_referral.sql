-- Published for the PBI module (DOMAIN.md §10: a referral to Dinkes or BPJS flags a person removed from PBI-JK):
-- the registered persons with a referral to a health provider still open (sent or accepted), by the referral's
-- village. Read with the reader's own rights; nothing else of the referral.
create view open_health_referral with (security_invoker = true) as
select s.person_id, r.village_code
from referral r
join provider_reference p on p.id = r.provider_id
join complaint_subject s on s.id = r.complaint_id
where r.status in ('SENT', 'ACCEPTED') and p.category = 'HEALTH';
revoke insert, update, delete, truncate on open_health_referral from ${approle};
