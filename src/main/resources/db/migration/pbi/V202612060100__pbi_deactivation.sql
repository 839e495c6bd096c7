-- PBI-JK deactivation batches (DOMAIN.md §10): a ministerial decree's per-person list of a district, imported by
-- Dinsos. Each file once (by its SHA-256); each person once per decree (another file with the same rows changes
-- nothing). A person is matched to the registry by the blind index of the NIK, within the district; one the
-- registry does not hold is kept all the same (no village: only the district sees them). The NIK is kept
-- encrypted, its blind index beside it; the reactivation window closes a number of months after the person's own
-- deactivation, the batch's setting.
create table pbi_batch (
    id             uuid             not null,
    regency_code   text collate "C" not null,
    decree         text             not null,
    effective_date date             not null,
    window_months  smallint         not null,
    file_sha256    text             not null,
    file_name      text,
    status         text             not null,
    rows_read      bigint           not null,
    rows_matched   bigint           not null,
    rows_rejected  bigint           not null,
    rows_known     bigint           not null,
    imported_by    uuid             not null,
    imported_at    timestamptz      not null,
    constraint pk_pbi_batch primary key (id),
    constraint uq_pbi_batch_file unique (regency_code, file_sha256),
    constraint ck_pbi_batch_regency check (regency_code ~ '^[0-9]{2}\.[0-9]{2}$'),
    constraint ck_pbi_batch_window check (window_months between 1 and 24),
    constraint ck_pbi_batch_decree check (char_length(decree) between 1 and 100),
    constraint ck_pbi_batch_status check (status in ('COMPLETED'))
);

create table pbi_batch_rejection (
    batch_id uuid   not null,
    line     bigint not null,
    field    text   not null,
    code     text   not null,
    constraint pk_pbi_batch_rejection primary key (batch_id, line, field),
    constraint fk_pbi_batch_rejection_batch foreign key (batch_id) references pbi_batch (id)
);

create table pbi_deactivation (
    id               uuid             not null,
    batch_id         uuid             not null,
    regency_code     text collate "C" not null,
    decree           text             not null,
    village_code     text collate "C",
    nik_index        text collate "C" not null,
    nik_cipher       text             not null,
    name             text             not null,
    deactivated_on   date             not null,
    window_closes_on date             not null,
    -- where the row is seen: its village, or (not in the registry) its district
    place            text collate "C" generated always as (coalesce(village_code, regency_code)) stored,
    person_id        uuid,
    household_id     uuid,
    line             bigint           not null,
    constraint pk_pbi_deactivation primary key (id),
    constraint fk_pbi_deactivation_batch foreign key (batch_id) references pbi_batch (id),
    constraint uq_pbi_deactivation_person unique (regency_code, decree, nik_index),
    constraint ck_pbi_deactivation_place check (village_code is null or village_code like regency_code || '.%'),
    constraint ck_pbi_deactivation_window check (window_closes_on >= deactivated_on)
);
create index ix_pbi_deactivation_place on pbi_deactivation (place, window_closes_on);
create index ix_pbi_deactivation_batch on pbi_deactivation (batch_id);
create index ix_pbi_deactivation_person on pbi_deactivation (person_id) where person_id is not null;

-- Each row is seen inside the territory of its village (or, not in the registry, of its district). A batch's
-- refused rows are reached only through the batch, read first (and COPY takes no table under a row policy).
alter table pbi_batch enable row level security;
create policy pbi_batch_territory on pbi_batch
    using (regency_code >= simpul_scope_from() and regency_code < simpul_scope_to());
alter table pbi_deactivation enable row level security;
create policy pbi_deactivation_territory on pbi_deactivation
    using (place >= simpul_scope_from() and place < simpul_scope_to());
