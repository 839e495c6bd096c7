-- Defence in depth (issue 6, ADR 0008): the application works as a role that owns no table, so PostgreSQL's
-- row-level security holds for it, it cannot change the schema, and it cannot switch the audit trail's guard
-- off. Migrations run as the tables' owner. The role is made here when missing (the embedded database trusts
-- local connections); on a server of its own the administrator creates it with a password beforehand
-- (docs/operations.md) and sets SIMPUL_DATABASE_APP_ROLE when it is not named simpul_app.
do $role$
begin
    if not exists (select from pg_roles where rolname = '${approle}') then
        create role ${approle} login nosuperuser nocreatedb nocreaterole nobypassrls;
    end if;
end
$role$;

grant usage on schema public to ${approle};
grant select, insert, update, delete on all tables in schema public to ${approle};
grant usage, select, update on all sequences in schema public to ${approle};
alter default privileges in schema public grant select, insert, update, delete on tables to ${approle};
alter default privileges in schema public grant usage, select, update on sequences to ${approle};
-- the migration history is the owner's alone
revoke all on flyway_schema_history from ${approle};

-- The territory a connection serves, as the application set it (simpul.territory: a region code, or * for
-- the system's own work), as the lower and upper bound of the region codes it covers. Codes hold digits and
-- dots only, so [code, code || '/') in byte order is the code and everything below it ('/' follows '.'),
-- and a btree index on the column serves the bound. A connection never told has no bounds and sees nothing.
create function simpul_scope_from() returns text language sql stable parallel safe as $f$
    select case current_setting('simpul.territory', true) when '*' then ''
           else nullif(current_setting('simpul.territory', true), '') end
$f$;

create function simpul_scope_to() returns text language sql stable parallel safe as $f$
    select case current_setting('simpul.territory', true) when '*' then '~'
           else nullif(current_setting('simpul.territory', true), '') || '/' end
$f$;
