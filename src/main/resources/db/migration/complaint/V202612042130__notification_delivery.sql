-- The built-in log "gateway"'s own record of the messages it delivered, by Idempotency-Key (issue 14): a
-- message handed over again after a crash (the outbox delivers at least once) is dropped, as ADR 0006 asks of
-- every gateway. Written in a transaction of its own, committed before the sender returns.
create table notification_delivery (
    id           uuid        not null,
    delivered_at timestamptz not null,
    constraint pk_notification_delivery primary key (id)
);
