-- Row-level security on data-subject requests (ADR 0008).
alter table data_subject_request enable row level security;
create policy data_subject_request_territory on data_subject_request
    using (village_code >= simpul_scope_from() and village_code < simpul_scope_to());
