-- Bulk registry imports: one row per uploaded file, and the rows it refused (line, reasons, the raw record).
create table registry_import (
    id                 uuid        not null,
    status             text        not null,
    uploaded_by        uuid        not null,
    territory          text,
    file_name          text        not null,
    byte_size          bigint      not null,
    rows_read          bigint      not null default 0,
    rows_imported      bigint      not null default 0,
    rows_rejected      bigint      not null default 0,
    failure            text,
    created_at         timestamptz not null,
    started_at         timestamptz,
    heartbeat_at       timestamptz,
    finished_at        timestamptz,
    constraint pk_registry_import primary key (id),
    constraint ck_registry_import_status check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'))
);
create index ix_registry_import_status on registry_import (status, created_at);

create table registry_import_rejection (
    import_id uuid   not null,
    line      bigint not null,
    reason    text   not null,
    raw       text,
    constraint pk_registry_import_rejection primary key (import_id, line),
    constraint fk_registry_import_rejection_import foreign key (import_id) references registry_import (id)
);
