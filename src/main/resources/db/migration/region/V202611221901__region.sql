-- Kemendagri regions: 38 provinces, 514 regencies, 7,285 districts, 83,762 villages (idn-area-data, ODbL).
-- One table for all four levels; the level follows from the code's depth. Rows are loaded by the Java
-- migration V202611221902 with COPY.
create table region (
    code        text not null,
    parent_code text,
    name        text not null,
    level       text not null generated always as (
        case array_length(string_to_array(code, '.'), 1)
            when 1 then 'PROVINCE' when 2 then 'REGENCY' when 3 then 'DISTRICT' else 'VILLAGE' end) stored,
    constraint pk_region primary key (code),
    constraint ck_region_code check (code ~ '^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$')
);
