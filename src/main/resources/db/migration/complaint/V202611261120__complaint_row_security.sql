-- Row-level security on complaints (ADR 0008): the application's role sees and writes only complaints of
-- the territory its connection serves.
alter table complaint enable row level security;
create policy complaint_territory on complaint
    using (village_code >= simpul_scope_from() and village_code < simpul_scope_to());
