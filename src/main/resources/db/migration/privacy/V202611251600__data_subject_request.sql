-- Data-subject requests (UU PDP Pasal 30, 32, 41): access, correction or restriction asked by a person, received
-- by the data protection officer, to be answered within 3 × 24 hours (due_at); closed as done or refused with
-- the outcome. Kept with the village of the person's household for the officer's territory.
create table data_subject_request (
    id           uuid        not null,
    person_id    uuid        not null,
    village_code text collate "C" not null,
    kind         text        not null,
    details      text,
    status       text        not null,
    received_at  timestamptz not null,
    due_at       timestamptz not null,
    received_by  uuid        not null,
    outcome      text,
    closed_at    timestamptz,
    closed_by    uuid,
    constraint pk_data_subject_request primary key (id),
    constraint fk_data_subject_request_person foreign key (person_id) references person (id),
    constraint ck_data_subject_request_kind check (kind in ('ACCESS', 'CORRECTION', 'RESTRICTION')),
    constraint ck_data_subject_request_status check (status in ('OPEN', 'DONE', 'REFUSED')),
    constraint ck_data_subject_request_closed check ((status = 'OPEN') = (closed_at is null)
        and (status = 'OPEN' or outcome is not null))
);
create index ix_data_subject_request_open on data_subject_request (village_code, due_at) where status = 'OPEN';
create index ix_data_subject_request_person on data_subject_request (person_id, received_at);
