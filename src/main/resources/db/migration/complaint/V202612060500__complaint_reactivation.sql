-- Where the PBI-JK reactivation a complaint led to stands (issue 18): kept by the complaint module from the PBI
-- module's events, for the citizen's tracking; a status, the segment when moved, and when; no personal data.
create table complaint_reactivation (
    complaint_id uuid        not null,
    status       text        not null,
    segment      text,
    updated_at   timestamptz not null,
    constraint pk_complaint_reactivation primary key (complaint_id),
    constraint fk_complaint_reactivation_complaint foreign key (complaint_id) references complaint (id)
);

-- Published for the PBI module (a reactivation request names the health complaint that brought it): the health
-- complaints about registered persons, read with the reader's own rights.
create view health_complaint_subject with (security_invoker = true) as
select id, subject_person_id as person_id, village_code, status from complaint
where category = 'HEALTH' and subject_person_id is not null;
revoke insert, update, delete, truncate on health_complaint_subject from ${approle};
