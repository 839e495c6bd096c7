-- A member who leaves a household (died, moved away, another reason) stays on record with the date and
-- the reason: the household shows them as a former member, searches say so, and the history keeps who
-- recorded it. An import that lists the NIK again brings the person back.
alter table person add column left_on date, add column left_reason text;
alter table person add constraint ck_person_left check ((left_on is null) = (left_reason is null)
    and (left_reason is null or left_reason in ('DIED', 'MOVED_AWAY', 'OTHER')));
