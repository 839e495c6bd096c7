-- The ministry's result lists (desil, included, not included, excluded with a reason) imported per district:
-- each file once (by its SHA-256), its rows that were refused kept by line. An usulan is found by the blind
-- index of what the registry does not hold yet (a new member's NIK, a new family's KK number); one about a
-- registered person or household through the registry's placement views.
alter table usulan
    add column nik_index text collate "C",
    add column kk_index  text collate "C";
create index ix_usulan_sent_nik on usulan (nik_index) where status = 'SENT' and nik_index is not null;
create index ix_usulan_sent_kk on usulan (kk_index) where status = 'SENT' and kk_index is not null;

create table usulan_result_import (
    id                 uuid             not null,
    regency_code       text collate "C" not null,
    file_sha256        text             not null,
    file_name          text,
    rows_read          bigint           not null,
    rows_rejected      bigint           not null,
    usulan_decided     integer          not null,
    families_entered   integer          not null,
    households_changed bigint           not null,
    imported_by        uuid             not null,
    imported_at        timestamptz      not null,
    constraint pk_usulan_result_import primary key (id),
    constraint uq_usulan_result_import_file unique (regency_code, file_sha256),
    constraint ck_usulan_result_import_regency check (regency_code ~ '^[0-9]{2}\.[0-9]{2}$')
);

create table usulan_result_rejection (
    import_id uuid   not null,
    line      bigint not null,
    field     text   not null,
    code      text   not null,
    constraint pk_usulan_result_rejection primary key (import_id, line, field),
    constraint fk_usulan_result_rejection_import foreign key (import_id) references usulan_result_import (id)
);

alter table usulan_result_import enable row level security;
create policy usulan_result_import_territory on usulan_result_import
    using (regency_code >= simpul_scope_from() and regency_code < simpul_scope_to());
