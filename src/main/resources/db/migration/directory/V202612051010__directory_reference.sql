-- What other modules may read of the directory (a referral's provider and receiving agency by name),
-- published as views so that no other module names the directory's tables.
create view provider_reference with (security_invoker = true) as
select id, code, name, agency_id from provider;

create view agency_reference with (security_invoker = true) as
select id, name from agency;

revoke insert, update, delete, truncate on provider_reference, agency_reference from ${approle};
