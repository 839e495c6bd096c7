-- Published for the pages of other modules (a health complaint about a person removed from PBI-JK offers
-- "Ajukan reaktivasi"; a referral shows where the reactivation stands): per registered person on a list, the
-- decree, the day the window closes, whether a manager opened it again, and the person's latest request. Read
-- with the reader's own rights.
create view pbi_person_state with (security_invoker = true) as
select d.person_id, d.id as deactivation_id, d.decree, d.window_closes_on,
       exists (select 1 from pbi_window_exception e where e.deactivation_id = d.id) as excepted,
       r.id as reactivation_id, r.status as reactivation_status, r.segment as reactivation_segment
from pbi_deactivation d
left join lateral (select r.id, r.status, r.segment from pbi_reactivation r where r.person_id = d.person_id
                   order by r.created_at desc, r.id limit 1) r on true
where d.person_id is not null;
revoke insert, update, delete, truncate on pbi_person_state from ${approle};
