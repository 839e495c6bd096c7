-- The SHA-256 of an uploaded file: an upload sent again with the id its client chose is the same import only
-- when it carries the same bytes.
alter table registry_import add column content_sha256 bytea;
