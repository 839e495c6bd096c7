-- A district's own PPKS list keeps the order the district wrote it in, and records who published it.
alter table ppks_category add column position integer not null default 0;
update ppks_category set position = cast(code as integer)
where taxonomy_id = '00000000-0000-7000-8000-000000000026';
alter table ppks_taxonomy add column created_by uuid;
-- a district code must map to a category of the national list
create unique index uq_ppks_category_national on ppks_category (code)
    where taxonomy_id = '00000000-0000-7000-8000-000000000026';
