-- Where referrals go (DOMAIN.md §2–3): agencies at a level of government (pusat, provinsi, kabupaten, desa)
-- and the services (programmes) they provide, each serving some regions, with a default number of days
-- to act on a referral. Programme managers are users who belong to an agency.
create table agency (
    id          uuid        not null,
    code        text collate "C" not null,
    name        text        not null,
    level       text        not null,
    -- the agency's seat: null for a national agency
    region_code text collate "C",
    created_at  timestamptz not null,
    constraint pk_agency primary key (id),
    constraint uq_agency_code unique (code),
    constraint ck_agency_level check (level in ('NATIONAL', 'PROVINCE', 'REGENCY', 'VILLAGE')),
    constraint ck_agency_seat check ((level = 'NATIONAL') = (region_code is null)),
    constraint fk_agency_region foreign key (region_code) references region (code)
);

create table provider (
    id               uuid        not null,
    agency_id        uuid        not null,
    code             text collate "C" not null,
    name             text        not null,
    -- the complaint domain it answers (HEALTH, EDUCATION, …)
    category         text        not null,
    -- the registry programme it grants, if any (PKH, PBI-JK, …)
    programme_code   text,
    default_due_days integer     not null,
    -- serves the whole country (no provider_region rows)
    nationwide       boolean     not null,
    active           boolean     not null,
    created_at       timestamptz not null,
    constraint pk_provider primary key (id),
    constraint uq_provider_code unique (code),
    constraint fk_provider_agency foreign key (agency_id) references agency (id),
    constraint ck_provider_category check (category in ('HEALTH', 'EDUCATION', 'CIVIL_REGISTRATION', 'SOCIAL', 'ECONOMY', 'OTHER')),
    constraint ck_provider_due check (default_due_days between 1 and 365)
);
create index ix_provider_agency on provider (agency_id);

-- the regions a provider serves, each with everything inside it
create table provider_region (
    provider_id uuid not null,
    region_code text collate "C" not null,
    constraint pk_provider_region primary key (provider_id, region_code),
    constraint fk_provider_region_provider foreign key (provider_id) references provider (id),
    constraint fk_provider_region_region foreign key (region_code) references region (code)
);
create index ix_provider_region_code on provider_region (region_code);

-- programme managers (role PROGRAM_MANAGER) and the one agency each works for
create table agency_member (
    user_id   uuid not null,
    agency_id uuid not null,
    constraint pk_agency_member primary key (user_id),
    constraint fk_agency_member_agency foreign key (agency_id) references agency (id)
);
create index ix_agency_member_agency on agency_member (agency_id);

-- the national agencies and their programmes, for every district
insert into agency (id, code, name, level, region_code, created_at) values
    ('00000000-0000-7000-8000-00000000a001', 'KEMENSOS', 'Kementerian Sosial RI', 'NATIONAL', null, now()),
    ('00000000-0000-7000-8000-00000000a002', 'BPJS-KESEHATAN', 'BPJS Kesehatan', 'NATIONAL', null, now()),
    ('00000000-0000-7000-8000-00000000a003', 'KEMENDIKDASMEN', 'Kementerian Pendidikan Dasar dan Menengah RI', 'NATIONAL', null, now());
insert into provider (id, agency_id, code, name, category, programme_code, default_due_days, nationwide, active, created_at) values
    ('00000000-0000-7000-8000-00000000b001', '00000000-0000-7000-8000-00000000a001', 'KEMENSOS-PKH',
     'Program Keluarga Harapan (PKH)', 'SOCIAL', 'PKH', 30, true, true, now()),
    ('00000000-0000-7000-8000-00000000b002', '00000000-0000-7000-8000-00000000a001', 'KEMENSOS-SEMBAKO',
     'Program Sembako (BPNT)', 'SOCIAL', 'SEMBAKO', 30, true, true, now()),
    ('00000000-0000-7000-8000-00000000b003', '00000000-0000-7000-8000-00000000a001', 'KEMENSOS-ATENSI',
     'Asistensi Rehabilitasi Sosial (ATENSI)', 'SOCIAL', 'ATENSI', 14, true, true, now()),
    ('00000000-0000-7000-8000-00000000b004', '00000000-0000-7000-8000-00000000a002', 'BPJS-PBI-JK',
     'Pengaktifan kembali PBI Jaminan Kesehatan', 'HEALTH', 'PBI-JK', 14, true, true, now()),
    ('00000000-0000-7000-8000-00000000b005', '00000000-0000-7000-8000-00000000a003', 'PIP',
     'Program Indonesia Pintar (PIP)', 'EDUCATION', 'PIP', 30, true, true, now());
