-- Idempotency-Key ledger for API POSTs: written in the same transaction as the request's own writes.
-- status is null while the first request runs; only successful answers are kept.
create table idempotent_request (
    caller          text        not null,
    idempotency_key uuid        not null,
    request_hash    bytea       not null,
    status          integer,
    content_type    text,
    location        text,
    etag            text,
    body            bytea,
    created_at      timestamptz not null,
    constraint pk_idempotent_request primary key (caller, idempotency_key)
);
create index ix_idempotent_request_created on idempotent_request (created_at);
