-- Citizen notifications already handed to the gateway, one row per status event: the sender's memory that
-- makes "at least once" delivery (the outbox may resubmit) reach the citizen once.
create table notification_sent (
    event_id     uuid        not null,
    complaint_id uuid        not null,
    status       text        not null,
    outcome      text        not null,
    sent_at      timestamptz not null,
    constraint pk_notification_sent primary key (event_id),
    constraint fk_notification_sent_complaint foreign key (complaint_id) references complaint (id),
    constraint ck_notification_sent_outcome check (outcome in ('SENT', 'NO_PHONE'))
);
