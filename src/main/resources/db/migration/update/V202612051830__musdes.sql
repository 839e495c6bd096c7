-- The village deliberation on the data (musyawarah desa, musdes) or, instead, a signed statement of
-- responsibility (SPTJM), Kepmensos 73/HUK/2024: at least every three months. A musdes has a date, a place
-- and its attendance; either may carry its document (the berita acara, the SPTJM) as an uploaded PDF,
-- encrypted at rest (it names people). The usulan it agreed are listed beside it.
create table musdes (
    id              uuid        not null,
    village_code    text collate "C" not null,
    cycle_id        uuid        not null,
    kind            text        not null,
    held_on         date        not null,
    place           text,
    attendance      integer,
    document_cipher text,
    document_sha256 text,
    document_size   integer,
    created_by      uuid        not null,
    created_at      timestamptz not null,
    constraint pk_musdes primary key (id),
    constraint fk_musdes_cycle foreign key (cycle_id) references update_cycle (id),
    constraint ck_musdes_kind check (kind in ('MUSDES', 'SPTJM')),
    constraint ck_musdes_held check (kind = 'SPTJM' or (place is not null and attendance between 1 and 10000)),
    constraint ck_musdes_place check (place is null or char_length(place) between 1 and 200),
    constraint ck_musdes_document check (document_cipher is null or (document_sha256 is not null
        and document_size between 1 and 5242880))
);
create index ix_musdes_village on musdes (village_code, held_on desc);

create table musdes_usulan (
    musdes_id uuid not null,
    usulan_id uuid not null,
    constraint pk_musdes_usulan primary key (musdes_id, usulan_id),
    constraint fk_musdes_usulan_musdes foreign key (musdes_id) references musdes (id),
    constraint fk_musdes_usulan_usulan foreign key (usulan_id) references usulan (id)
);
create index ix_musdes_usulan_usulan on musdes_usulan (usulan_id);

alter table musdes enable row level security;
create policy musdes_territory on musdes
    using (village_code >= simpul_scope_from() and village_code < simpul_scope_to());
