-- Photos taken with the field app (a house on a visit or a deep assessment): uploaded in chunks that resume
-- where a lost connection left them, each chunk encrypted at rest in the photo directory (ADR 0011); here
-- what the photo belongs to, whose territory it is in, and how much has arrived.
create table field_photo (
    id           uuid        not null,
    record_id    uuid        not null,
    kind         text        not null,
    village_code text collate "C" not null,
    taken_by     uuid        not null,
    size         bigint      not null,
    sha256       text        not null,
    received     bigint      not null,
    created_at   timestamptz not null,
    completed_at timestamptz,
    constraint pk_field_photo primary key (id),
    constraint ck_field_photo_size check (size > 0 and received between 0 and size),
    constraint ck_field_photo_sha256 check (sha256 ~ '^[0-9a-f]{64}$')
);
create index ix_field_photo_record on field_photo (record_id);
