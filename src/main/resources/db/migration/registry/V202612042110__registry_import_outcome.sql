-- What an import did with the rows it took (issue 14): persons created, persons whose record changed, and
-- rows that matched the registry already (a re-import of the same file changes nothing and says so).
alter table registry_import add column rows_created bigint not null default 0;
alter table registry_import add column rows_changed bigint not null default 0;
alter table registry_import add column rows_unchanged bigint not null default 0;
