-- An usulan's evidence (DOMAIN.md §9): photos of the house front and inside, the KK, documents; encrypted at
-- rest, each checked by its content (JPEG, PNG or PDF), at most 5 MB, ten per usulan.
create table usulan_attachment (
    id             uuid             not null,
    usulan_id      uuid             not null,
    village_code   text collate "C" not null,
    kind           text             not null,
    content_type   text             not null,
    byte_size      integer          not null,
    sha256         text             not null,
    content_cipher text             not null,
    uploaded_by    uuid             not null,
    uploaded_at    timestamptz      not null,
    constraint pk_usulan_attachment primary key (id),
    constraint fk_usulan_attachment_usulan foreign key (usulan_id) references usulan (id),
    constraint ck_usulan_attachment_kind check (kind in ('PHOTO_FRONT', 'PHOTO_INSIDE', 'KK', 'DOCUMENT')),
    constraint ck_usulan_attachment_type check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
    constraint ck_usulan_attachment_size check (byte_size between 1 and 5242880)
);
create index ix_usulan_attachment_usulan on usulan_attachment (usulan_id, uploaded_at);

alter table usulan_attachment enable row level security;
create policy usulan_attachment_territory on usulan_attachment
    using (village_code >= simpul_scope_from() and village_code < simpul_scope_to());
