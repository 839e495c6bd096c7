-- What other modules may read of a provider now includes the domain it answers (HEALTH, EDUCATION, …): the
-- PBI-JK list puts first a person referred to a health provider (Dinkes, a puskesmas, BPJS Kesehatan).
create or replace view provider_reference with (security_invoker = true) as
select id, code, name, agency_id, category from provider;
