-- PPKS taxonomies are data (DOMAIN.md §4): the national list of 26, and districts' own lists mapped to it.
-- A taxonomy has versions; a complaint keeps the version its codes came from.
create table ppks_taxonomy (
    id          uuid             not null,
    region_code text collate "C",           -- null: national; else the district (kabupaten/kota) that owns it
    version     integer          not null,
    name        text             not null,
    active      boolean          not null,
    created_at  timestamptz      not null,
    constraint pk_ppks_taxonomy primary key (id),
    constraint uq_ppks_taxonomy_version unique nulls not distinct (region_code, version)
);
create unique index uq_ppks_taxonomy_active on ppks_taxonomy ((coalesce(region_code, ''))) where active;

create table ppks_category (
    taxonomy_id   uuid    not null,
    code          text    not null,
    label         text    not null,
    national_code text    not null,
    -- children, disability, violence and the like: intake records a consent or legal-basis note
    sensitive     boolean not null,
    constraint pk_ppks_category primary key (taxonomy_id, code),
    constraint fk_ppks_category_taxonomy foreign key (taxonomy_id) references ppks_taxonomy (id)
);

insert into ppks_taxonomy (id, region_code, version, name, active, created_at)
values ('00000000-0000-7000-8000-000000000026', null, 1, 'PPKS nasional (26 jenis)', true, now());
insert into ppks_category (taxonomy_id, code, label, national_code, sensitive)
select '00000000-0000-7000-8000-000000000026', c.code, c.label, c.code, c.sensitive
from (values
    ('1', 'Anak balita terlantar', true), ('2', 'Anak terlantar', true),
    ('3', 'Anak yang berhadapan dengan hukum', true), ('4', 'Anak jalanan', true),
    ('5', 'Anak dengan kedisabilitasan', true), ('6', 'Anak korban tindak kekerasan', true),
    ('7', 'Anak yang memerlukan perlindungan khusus', true), ('8', 'Lanjut usia terlantar', false),
    ('9', 'Penyandang disabilitas', true), ('10', 'Tuna susila', true), ('11', 'Gelandangan', false),
    ('12', 'Pengemis', false), ('13', 'Pemulung', false), ('14', 'Kelompok minoritas', true),
    ('15', 'Bekas warga binaan lembaga pemasyarakatan', true), ('16', 'Orang dengan HIV/AIDS', true),
    ('17', 'Korban penyalahgunaan NAPZA', true), ('18', 'Korban perdagangan orang', true),
    ('19', 'Korban tindak kekerasan', true), ('20', 'Pekerja migran bermasalah sosial', false),
    ('21', 'Korban bencana alam', false), ('22', 'Korban bencana sosial', false),
    ('23', 'Perempuan rawan sosial ekonomi', false), ('24', 'Fakir miskin', false),
    ('25', 'Keluarga bermasalah sosial psikologis', true), ('26', 'Komunitas adat terpencil', false)
) as c (code, label, sensitive);

-- Complaints (pengaduan): who, where, what, about whom; the ticket number is public, the tracking code is
-- kept only as a hash (it is shown once, to the citizen).
create table complaint (
    id                  uuid             not null,
    version             integer          not null,
    ticket_number       text collate "C" not null,
    tracking_code_hash  text collate "C" not null,
    status              text             not null,
    channel             text             not null,
    category            text             not null,
    village_code        text collate "C" not null,
    description         text             not null,
    ppks_taxonomy_id    uuid             not null,
    subject_person_id   uuid,
    subject_nik         text collate "C",
    subject_name        text,
    subject_birth_date  date,
    subject_sex         text,
    reporter_name       text,
    reporter_phone      text,
    consent_note        text,
    created_by          uuid             not null,
    created_at          timestamptz      not null,
    updated_at          timestamptz      not null,
    constraint pk_complaint primary key (id),
    constraint uq_complaint_ticket unique (ticket_number),
    constraint fk_complaint_village foreign key (village_code) references region (code),
    constraint fk_complaint_taxonomy foreign key (ppks_taxonomy_id) references ppks_taxonomy (id),
    constraint ck_complaint_status check (status in ('RECEIVED', 'ASSESSED', 'REFERRED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
    constraint ck_complaint_channel check (channel in ('WALK_IN', 'OUTREACH', 'PHONE', 'COMPLAINT_APP', 'REFERRAL_IN')),
    constraint ck_complaint_category check (category in ('HEALTH', 'EDUCATION', 'CIVIL_REGISTRATION', 'SOCIAL', 'ECONOMY', 'OTHER')),
    constraint ck_complaint_subject check (subject_person_id is not null or subject_name is not null),
    constraint ck_complaint_description check (char_length(description) between 1 and 4000)
);
create index ix_complaint_village on complaint (village_code, status, created_at);

create table complaint_ppks (
    complaint_id uuid not null,
    taxonomy_id  uuid not null,
    code         text not null,
    constraint pk_complaint_ppks primary key (complaint_id, code),
    constraint fk_complaint_ppks_complaint foreign key (complaint_id) references complaint (id),
    constraint fk_complaint_ppks_category foreign key (taxonomy_id, code) references ppks_category (taxonomy_id, code)
);

create table complaint_step (
    id           bigint generated always as identity,
    complaint_id uuid        not null,
    status       text        not null,
    at           timestamptz not null,
    by_user      uuid,
    constraint pk_complaint_step primary key (id),
    constraint fk_complaint_step_complaint foreign key (complaint_id) references complaint (id)
);
create index ix_complaint_step_complaint on complaint_step (complaint_id, at);

-- ticket numbers: one counter per village and year, advanced atomically
create table complaint_ticket_counter (
    village_code text collate "C" not null,
    year         integer          not null,
    last         integer          not null,
    constraint pk_complaint_ticket_counter primary key (village_code, year)
);
