-- The ministry's or BPJS' answers per NIK (approved, active again, moved to another segment, rejected), imported
-- as a file by Dinsos and applied to the requests waiting for them; and each district's monthly quota of
-- district-paid places (PBI-APBD), which a move to PBI-APBD uses. A request keeps the day it was answered.
alter table pbi_reactivation add column decided_on date;
update pbi_reactivation r set decided_on = (select max(s.at)::date from pbi_reactivation_step s
                                            where s.reactivation_id = r.id and s.status = r.status)
where r.status in ('ACTIVE', 'MOVED_SEGMENT', 'REJECTED');
create index ix_pbi_reactivation_apbd on pbi_reactivation (substr(village_code, 1, 5), decided_on)
    where segment = 'PBI_APBD';

create table pbi_answer_import (
    id            uuid             not null,
    regency_code  text collate "C" not null,
    file_sha256   text             not null,
    file_name     text,
    rows_read     bigint           not null,
    rows_applied  bigint           not null,
    rows_same     bigint           not null,
    rows_rejected bigint           not null,
    imported_by   uuid             not null,
    imported_at   timestamptz      not null,
    constraint pk_pbi_answer_import primary key (id),
    constraint uq_pbi_answer_import_file unique (regency_code, file_sha256),
    constraint ck_pbi_answer_import_regency check (regency_code ~ '^[0-9]{2}\.[0-9]{2}$')
);

create table pbi_answer_rejection (
    import_id uuid   not null,
    line      bigint not null,
    field     text   not null,
    code      text   not null,
    constraint pk_pbi_answer_rejection primary key (import_id, line, field),
    constraint fk_pbi_answer_rejection_import foreign key (import_id) references pbi_answer_import (id)
);

create table pbi_apbd_quota (
    regency_code text collate "C" not null,
    month        date             not null,
    places       integer          not null,
    set_by       uuid             not null,
    set_at       timestamptz      not null,
    constraint pk_pbi_apbd_quota primary key (regency_code, month),
    constraint ck_pbi_apbd_quota_month check (extract(day from month) = 1),
    constraint ck_pbi_apbd_quota_places check (places between 0 and 1000000)
);
