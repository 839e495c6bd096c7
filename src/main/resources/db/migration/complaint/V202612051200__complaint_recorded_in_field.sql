-- A complaint recorded on a phone without signal: when the device says it was made, beside created_at (when it
-- reached the server). Null for a complaint recorded at the desk.
alter table complaint add column recorded_in_field_at timestamptz;
