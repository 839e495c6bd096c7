-- The case (kasus) a complaint becomes once someone works on it (DOMAIN.md §3): who is assigned to it (a
-- facilitator or a back-office officer of its territory) and a timeline of everything done, notes included.
create table case_file (
    complaint_id uuid        not null,
    assignee_id  uuid,
    opened_at    timestamptz not null,
    version      integer     not null,
    constraint pk_case_file primary key (complaint_id),
    constraint fk_case_file_complaint foreign key (complaint_id) references complaint (id)
);
create index ix_case_file_assignee on case_file (assignee_id);

create table case_event (
    id           bigint generated always as identity,
    complaint_id uuid        not null,
    at           timestamptz not null,
    by_user      uuid        not null,
    kind         text        not null,
    detail       text,
    constraint pk_case_event primary key (id),
    constraint fk_case_event_case foreign key (complaint_id) references case_file (complaint_id),
    constraint ck_case_event_kind check (kind in ('ASSIGNED', 'NOTE')),
    constraint ck_case_event_detail check (kind <> 'NOTE' or char_length(detail) between 1 and 4000)
);
create index ix_case_event_case on case_event (complaint_id, at);
