-- The social registry: households (rumah tangga) with their members, programme memberships and the history
-- of every change. A KK family is kept through each person's kk_number (a household's kk_number is its
-- head's card); a household may hold members of several cards, and a card may be split over households.
create extension if not exists pg_trgm;

create table programme (
    code   text    not null,
    name   text    not null,
    level  text    not null,
    target text    not null,
    active boolean not null default true,
    constraint pk_programme primary key (code),
    constraint ck_programme_level check (level in ('NATIONAL', 'PROVINCE', 'REGENCY', 'VILLAGE')),
    constraint ck_programme_target check (target in ('PERSON', 'HOUSEHOLD'))
);

insert into programme (code, name, level, target) values
    ('PKH', 'Program Keluarga Harapan', 'NATIONAL', 'HOUSEHOLD'),
    ('SEMBAKO', 'Program Sembako (BPNT)', 'NATIONAL', 'HOUSEHOLD'),
    ('PBI-JK', 'Penerima Bantuan Iuran Jaminan Kesehatan', 'NATIONAL', 'PERSON'),
    ('PBI-APBD', 'PBI Jaminan Kesehatan dari APBD', 'REGENCY', 'PERSON'),
    ('PIP', 'Program Indonesia Pintar', 'NATIONAL', 'PERSON'),
    ('RTLH', 'Rehabilitasi Rumah Tidak Layak Huni', 'REGENCY', 'HOUSEHOLD'),
    ('ATENSI', 'Asistensi Rehabilitasi Sosial', 'NATIONAL', 'PERSON'),
    ('BLT-DD', 'Bantuan Langsung Tunai Dana Desa', 'VILLAGE', 'HOUSEHOLD');

create table household (
    id             uuid             not null,
    version        integer          not null,
    kk_number      text collate "C" not null,
    village_code   text collate "C" not null,
    rt             text,
    rw             text,
    address        text,
    welfare_decile smallint,
    roof           text,
    wall           text,
    floor          text,
    floor_area_m2  numeric(7, 1),
    electricity    text,
    latrine        text,
    drinking_water text,
    created_at     timestamptz      not null,
    updated_at     timestamptz      not null,
    constraint pk_household primary key (id),
    constraint uq_household_kk_number unique (kk_number),
    constraint ck_household_decile check (welfare_decile between 1 and 10),
    constraint ck_household_floor_area check (floor_area_m2 > 0)
);
create index ix_household_village on household (village_code);

create table person (
    id             uuid             not null,
    household_id   uuid             not null,
    position       smallint         not null,
    nik            text collate "C" not null,
    kk_number      text collate "C" not null,
    name           text             not null,
    name_key       text             not null,
    phonetic_key   text             not null,
    birth_place    text,
    birth_date     date             not null,
    sex            text             not null,
    relationship   text             not null,
    disability     text,
    education      text,
    occupation     text,
    marital_status text,
    constraint pk_person primary key (id),
    constraint uq_person_nik unique (nik),
    constraint fk_person_household foreign key (household_id) references household (id),
    constraint ck_person_sex check (sex in ('M', 'F'))
);
create index ix_person_household on person (household_id, position);
create index ix_person_kk_number on person (kk_number);
create index ix_person_name_trgm on person using gin (name_key gin_trgm_ops);
create index ix_person_phonetic on person (phonetic_key);
create index ix_person_birth_date on person (birth_date);

create table programme_membership (
    id             uuid        not null,
    programme_code text        not null,
    person_id      uuid,
    household_id   uuid,
    status         text        not null,
    since          date,
    until          date,
    source         text        not null,
    recorded_at    timestamptz not null,
    constraint pk_programme_membership primary key (id),
    constraint fk_programme_membership_programme foreign key (programme_code) references programme (code),
    constraint fk_programme_membership_person foreign key (person_id) references person (id),
    constraint fk_programme_membership_household foreign key (household_id) references household (id),
    constraint ck_programme_membership_owner check ((person_id is null) <> (household_id is null)),
    constraint ck_programme_membership_status check (status in ('ACTIVE', 'INACTIVE', 'DEACTIVATED'))
);
create index ix_programme_membership_person on programme_membership (person_id);
create index ix_programme_membership_household on programme_membership (household_id);

-- Every change to the registry: who, when, from which source, what (field: [before, after]).
create table registry_change (
    id           bigint generated always as identity,
    household_id uuid        not null,
    person_id    uuid,
    changed_at   timestamptz not null,
    changed_by   uuid,
    source       text        not null,
    action       text        not null,
    changes      jsonb       not null,
    constraint pk_registry_change primary key (id)
);
create index ix_registry_change_household on registry_change (household_id, changed_at);
create index ix_registry_change_person on registry_change (person_id, changed_at);
