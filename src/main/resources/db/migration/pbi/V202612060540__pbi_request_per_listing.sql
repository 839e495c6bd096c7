-- A person may be removed again by a later decree after being made active: a listing's standing is its own request's
-- (the request names the listing it was made for), or, for a request made before the person was listed, the
-- person's latest request. The published view follows.
create index ix_pbi_reactivation_deactivation on pbi_reactivation (deactivation_id, created_at desc)
    where deactivation_id is not null;

create or replace view pbi_person_state with (security_invoker = true) as
select d.person_id, d.id as deactivation_id, d.decree, d.window_closes_on,
       exists (select 1 from pbi_window_exception e where e.deactivation_id = d.id) as excepted,
       r.id as reactivation_id, r.status as reactivation_status, r.segment as reactivation_segment
from pbi_deactivation d
left join lateral (select r.id, r.status, r.segment from pbi_reactivation r
                   where r.deactivation_id = d.id or (r.deactivation_id is null and r.person_id = d.person_id)
                   order by r.created_at desc, r.id limit 1) r on true
where d.person_id is not null;
