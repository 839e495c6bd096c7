-- What a district asks of a reactivation request besides the health facility's letter (DOMAIN.md §10): the village's
-- SKTM is a per-district switch.
create table pbi_district_setting (
    regency_code  text collate "C" not null,
    sktm_required boolean          not null,
    set_by        uuid             not null,
    set_at        timestamptz      not null,
    constraint pk_pbi_district_setting primary key (regency_code),
    constraint ck_pbi_district_setting_regency check (regency_code ~ '^[0-9]{2}\.[0-9]{2}$')
);
