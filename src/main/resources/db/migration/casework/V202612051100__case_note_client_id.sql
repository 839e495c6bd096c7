-- A note written on a device carries the id the device gave it: sending it again cannot add it twice.
alter table case_event add column client_id uuid;
alter table case_event add constraint uq_case_event_client_id unique (client_id);
