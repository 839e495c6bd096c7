-- A page form posted after its session ended (issue 13): kept for its owner for a short time, encrypted (it
-- may hold NIKs and names), so that after logging in again they find what they typed.
create table form_draft (
    id         uuid        not null,
    owner_id   uuid        not null,
    path       text        not null,
    fields     text        not null,
    created_at timestamptz not null,
    constraint pk_form_draft primary key (id),
    constraint fk_form_draft_owner foreign key (owner_id) references app_user (id) on delete cascade,
    constraint ck_form_draft_path check (path like '/%' and path not like '//%')
);
create index ix_form_draft_created on form_draft (created_at);
