-- Keeping the registry current (DOMAIN.md §9). A district's calendar of update cycles: the monthly village
-- window (entry, musdes and cut-off days of the month) and the quarterly ranking months, as data its
-- manager edits; a district without one uses the defaults written here. The cycles themselves, one per
-- district and month, are made as they are first needed.
create table update_calendar (
    regency_code   text collate "C" not null,
    version        integer     not null,
    entry_day      integer     not null,
    musdes_day     integer     not null,
    cut_off_day    integer     not null,
    ranking_months text        not null,
    sanggah_days   integer     not null,
    musdes_months  integer     not null,
    updated_by     uuid        not null,
    updated_at     timestamptz not null,
    constraint pk_update_calendar primary key (regency_code),
    constraint ck_update_calendar_days check (entry_day between 1 and 28 and musdes_day between entry_day and 28
        and cut_off_day between musdes_day and 28),
    constraint ck_update_calendar_ranking check (ranking_months ~ '^(1[0-2]|[1-9])(,(1[0-2]|[1-9]))*$'),
    constraint ck_update_calendar_sanggah check (sanggah_days between 1 and 90),
    constraint ck_update_calendar_musdes check (musdes_months between 1 and 12)
);

create table update_cycle (
    id            uuid        not null,
    regency_code  text collate "C" not null,
    period        text        not null,
    entry_until   date        not null,
    musdes_until  date        not null,
    cut_off       date        not null,
    ranking       boolean     not null,
    created_at    timestamptz not null,
    constraint pk_update_cycle primary key (id),
    constraint uq_update_cycle_period unique (regency_code, period),
    constraint ck_update_cycle_period check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    constraint ck_update_cycle_dates check (entry_until <= musdes_until and musdes_until <= cut_off)
);

-- An usulan: a proposal to change the registry (enter, change, remove, propose for a programme) or a
-- neighbour's objection (sanggah), on its way from the village to Dinsos, the ministry and back. What it
-- changes (from what, to what) is personal data: kept encrypted (changes_cipher, FieldCipher), with the
-- blind indexes of the NIKs it names beside it for the integrity checks.
create table usulan (
    id              uuid        not null,
    version         integer     not null,
    kind            text        not null,
    status          text        not null,
    village_code    text collate "C" not null,
    cycle_id        uuid        not null,
    household_id    uuid,
    person_id       uuid,
    reason          text        not null,
    changes_cipher  text        not null,
    source          text        not null,
    source_id       uuid,
    return_reason   text,
    result_desil    integer,
    result_code     text,
    result_reason   text,
    moved_from      uuid,
    created_by      uuid        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint pk_usulan primary key (id),
    constraint fk_usulan_cycle foreign key (cycle_id) references update_cycle (id),
    constraint ck_usulan_kind check (kind in ('ENTER', 'CHANGE', 'REMOVE', 'PROGRAMME', 'SANGGAH')),
    constraint ck_usulan_status check (status in ('DRAFT', 'AGREED', 'SUBMITTED', 'RETURNED', 'ENDORSED', 'SENT',
        'INCLUDED', 'NOT_INCLUDED', 'EXCLUDED')),
    constraint ck_usulan_source check (source in ('MANUAL', 'MUSDES', 'FIELD_VISIT', 'COMPLAINT', 'ASSESSMENT',
        'IMPORT', 'SANGGAH')),
    constraint ck_usulan_reason check (char_length(reason) between 1 and 2000),
    constraint ck_usulan_returned check (status <> 'RETURNED' or return_reason is not null),
    constraint ck_usulan_desil check (result_desil between 1 and 10)
);
-- what one source (a complaint, an assessment, a home visit) proposed: once
create unique index uq_usulan_source on usulan (source, source_id) where source_id is not null;
create index ix_usulan_village on usulan (village_code, status);
create index ix_usulan_cycle on usulan (cycle_id, status);
create index ix_usulan_household on usulan (household_id) where household_id is not null;
create index ix_usulan_person on usulan (person_id) where person_id is not null;

create table usulan_step (
    id         bigint generated always as identity,
    usulan_id  uuid        not null,
    status     text        not null,
    at         timestamptz not null,
    by_user    uuid,
    note       text,
    constraint pk_usulan_step primary key (id),
    constraint fk_usulan_step_usulan foreign key (usulan_id) references usulan (id)
);
create index ix_usulan_step_usulan on usulan_step (usulan_id, at);

-- Row-level security (ADR 0008): the application's role sees and writes only usulan of the territory its
-- connection serves.
alter table usulan enable row level security;
create policy usulan_territory on usulan
    using (village_code >= simpul_scope_from() and village_code < simpul_scope_to());
