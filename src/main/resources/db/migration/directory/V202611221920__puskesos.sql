-- Puskesos units: run by a village or a sub-district, located by its region code.
create table puskesos (
    id          uuid        not null,
    name        text        not null,
    region_code text        not null,
    level       text        not null,
    status      text        not null,
    created_at  timestamptz not null,
    constraint pk_puskesos primary key (id),
    constraint ck_puskesos_level check (level in ('VILLAGE', 'DISTRICT')),
    constraint ck_puskesos_status check (status in ('PLANNED', 'ACTIVE', 'CLOSED'))
);
create index ix_puskesos_region on puskesos (region_code text_pattern_ops);
