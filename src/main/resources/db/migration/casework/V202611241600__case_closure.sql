-- A case closes with an outcome and may be reopened with a reason; both are on its timeline.
alter table case_file add column closed_at timestamptz;
alter table case_file add column outcome text;
alter table case_event drop constraint ck_case_event_kind;
alter table case_event add constraint ck_case_event_kind check (kind in ('ASSIGNED', 'NOTE', 'CLOSED', 'REOPENED'));
