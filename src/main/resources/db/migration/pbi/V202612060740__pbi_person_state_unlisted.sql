-- pbi_person_state also holds the persons asked for without being on a list (someone not in DTSEN in urgent need,
-- a baby of a PBI mother: DOMAIN.md §10), with no decree and no window, so that a health complaint or a referral
-- about them shows where their request stands. A listing's standing stays its own request's, or, for a request
-- made before the person was listed, the person's latest (V202612060540), looked up as two index look-ups.
create or replace view pbi_person_state with (security_invoker = true) as
select d.person_id, d.id as deactivation_id, d.decree, d.window_closes_on,
       exists (select 1 from pbi_window_exception e where e.deactivation_id = d.id) as excepted,
       coalesce(own.id, earlier.id) as reactivation_id, coalesce(own.status, earlier.status) as reactivation_status,
       coalesce(own.segment, earlier.segment) as reactivation_segment
from pbi_deactivation d
left join lateral (select r.id, r.status, r.segment from pbi_reactivation r where r.deactivation_id = d.id
                   order by r.created_at desc, r.id limit 1) own on true
left join lateral (select r.id, r.status, r.segment from pbi_reactivation r
                   where own.id is null and r.deactivation_id is null and r.person_id = d.person_id
                   order by r.created_at desc, r.id limit 1) earlier on true
where d.person_id is not null
union all
select r.person_id, null, null, null, false, r.id, r.status, r.segment
from (select distinct on (r.person_id) r.person_id, r.id, r.status, r.segment from pbi_reactivation r
      order by r.person_id, r.created_at desc, r.id) r
where not exists (select 1 from pbi_deactivation d where d.person_id = r.person_id);
