-- Reactivation requests (DOMAIN.md §10): one open request per person at a time, its steps, its documents (the
-- health facility's letter, the village's SKTM, KTP, KK: encrypted), a manager's exception for a window that has
-- closed, and each district's yearly series of reactivation letter numbers.
create table pbi_reactivation (
    id               uuid             not null,
    person_id        uuid             not null,
    -- the name as the request recorded it, for the worklists (the registry holds the person)
    person_name      text             not null,
    household_id     uuid             not null,
    village_code     text collate "C" not null,
    deactivation_id  uuid,
    complaint_id     uuid,
    category         text             not null,
    status           text             not null,
    letter_number    text,
    letter_issued_on date,
    segment          text,
    reason           text,
    created_by       uuid             not null,
    created_at       timestamptz      not null,
    updated_at       timestamptz      not null,
    version          integer          not null,
    constraint pk_pbi_reactivation primary key (id),
    constraint fk_pbi_reactivation_deactivation foreign key (deactivation_id) references pbi_deactivation (id),
    constraint ck_pbi_reactivation_category check (category in ('CHRONIC', 'CATASTROPHIC', 'EMERGENCY', 'MATERNITY',
        'OTHER')),
    constraint ck_pbi_reactivation_status check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'VERIFIED',
        'LETTER_ISSUED', 'ENTERED', 'APPROVED', 'ACTIVE', 'MOVED_SEGMENT', 'REJECTED', 'WITHDRAWN')),
    constraint ck_pbi_reactivation_segment check (segment is null or segment in ('PBPU', 'PBI_APBD')),
    constraint ck_pbi_reactivation_moved check (status <> 'MOVED_SEGMENT' or segment is not null),
    constraint ck_pbi_reactivation_rejected check (status not in ('REJECTED', 'RETURNED') or reason is not null),
    constraint ck_pbi_reactivation_letter check (status not in ('LETTER_ISSUED', 'ENTERED', 'APPROVED', 'ACTIVE',
        'MOVED_SEGMENT') or letter_number is not null)
);
-- a person has one request under way at a time
create unique index uq_pbi_reactivation_open on pbi_reactivation (person_id)
    where status not in ('ACTIVE', 'MOVED_SEGMENT', 'REJECTED', 'WITHDRAWN');
create index ix_pbi_reactivation_village on pbi_reactivation (village_code, status);
create unique index uq_pbi_reactivation_letter on pbi_reactivation (letter_number) where letter_number is not null;

create table pbi_reactivation_step (
    id              bigint generated always as identity,
    reactivation_id uuid        not null,
    status          text        not null,
    at              timestamptz not null,
    by_user         uuid,
    note            text,
    constraint pk_pbi_reactivation_step primary key (id),
    constraint fk_pbi_reactivation_step_request foreign key (reactivation_id) references pbi_reactivation (id)
);
create index ix_pbi_reactivation_step on pbi_reactivation_step (reactivation_id, id);

create table pbi_document (
    id              uuid             not null,
    reactivation_id uuid             not null,
    village_code    text collate "C" not null,
    kind            text             not null,
    content_type    text             not null,
    byte_size       integer          not null,
    sha256          text             not null,
    content_cipher  text             not null,
    uploaded_by     uuid             not null,
    uploaded_at     timestamptz      not null,
    constraint pk_pbi_document primary key (id),
    constraint fk_pbi_document_request foreign key (reactivation_id) references pbi_reactivation (id),
    constraint ck_pbi_document_kind check (kind in ('HEALTH_LETTER', 'SKTM', 'KTP', 'KK', 'OTHER')),
    constraint ck_pbi_document_size check (byte_size between 1 and 5242880)
);
create index ix_pbi_document_request on pbi_document (reactivation_id);

-- a manager's decision that a person may still ask after their window closed, with the reason
create table pbi_window_exception (
    deactivation_id uuid        not null,
    reason          text        not null,
    by_user         uuid        not null,
    at              timestamptz not null,
    constraint pk_pbi_window_exception primary key (deactivation_id),
    constraint fk_pbi_window_exception_deactivation foreign key (deactivation_id) references pbi_deactivation (id),
    constraint ck_pbi_window_exception_reason check (char_length(reason) between 2 and 2000)
);

-- each district's letters are numbered per year
create table pbi_letter_series (
    regency_code text collate "C" not null,
    year         integer          not null,
    last_number  integer          not null,
    constraint pk_pbi_letter_series primary key (regency_code, year)
);

alter table pbi_reactivation enable row level security;
create policy pbi_reactivation_territory on pbi_reactivation
    using (village_code >= simpul_scope_from() and village_code < simpul_scope_to());
alter table pbi_document enable row level security;
create policy pbi_document_territory on pbi_document
    using (village_code >= simpul_scope_from() and village_code < simpul_scope_to());
