-- Spring Modulith's event publication registry (the outbox), in the structure Spring Modulith 2 expects
-- for PostgreSQL: an event published in a transaction is stored with it, each listener's completion is
-- recorded, and incomplete publications are resubmitted (citizen notifications, ADR 0006).
create table if not exists event_publication (
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
