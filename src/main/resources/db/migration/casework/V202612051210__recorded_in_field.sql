-- Notes and assessments made on a phone without signal: when the device says they were made, beside the time
-- they reached the server (case_event.at, assessment.submitted_at). Null for what was typed with signal.
alter table case_event add column recorded_in_field_at timestamptz;
alter table assessment add column recorded_in_field_at timestamptz;
