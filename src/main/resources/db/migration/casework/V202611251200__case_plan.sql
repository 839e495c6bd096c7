-- The case plan (rencana penanganan): what will be done for the family, by whom and when, kept on the case
-- and changed against the version read (If-Match). Assessments and plan changes are on the timeline.
alter table case_file add column plan text;
alter table case_file add constraint ck_case_file_plan check (plan is null or char_length(plan) between 1 and 4000);
alter table case_event drop constraint ck_case_event_kind;
alter table case_event add constraint ck_case_event_kind
    check (kind in ('ASSESSED', 'PLANNED', 'ASSIGNED', 'NOTE', 'CLOSED', 'REOPENED'));
