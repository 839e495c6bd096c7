-- Referrals (rujukan, DOMAIN.md §3.6–7): a complaint's case sent to a provider of the directory with a due
-- date; the receiving agency accepts, rejects with a reason, or completes with an outcome. Every change is
-- a step. The receiving agency and the case's village are kept on the referral for scoping.
create table referral (
    id               uuid        not null,
    version          integer     not null,
    complaint_id     uuid        not null,
    provider_id      uuid        not null,
    agency_id        uuid        not null,
    village_code     text collate "C" not null,
    status           text        not null,
    reason           text        not null,
    due_date         date        not null,
    outcome          text,
    rejection_reason text,
    sent_by          uuid        not null,
    sent_at          timestamptz not null,
    updated_at       timestamptz not null,
    constraint pk_referral primary key (id),
    constraint fk_referral_complaint foreign key (complaint_id) references complaint (id),
    constraint fk_referral_provider foreign key (provider_id) references provider (id),
    constraint fk_referral_agency foreign key (agency_id) references agency (id),
    constraint ck_referral_status check (status in ('SENT', 'ACCEPTED', 'REJECTED', 'COMPLETED', 'CANCELLED')),
    constraint ck_referral_reason check (char_length(reason) between 1 and 2000),
    constraint ck_referral_rejection check (status <> 'REJECTED' or rejection_reason is not null),
    constraint ck_referral_outcome check (status <> 'COMPLETED' or outcome is not null)
);
create index ix_referral_agency on referral (agency_id, status, due_date);
create index ix_referral_village on referral (village_code, status, due_date);
create index ix_referral_complaint on referral (complaint_id);
-- the overdue scan: open referrals by due date
create index ix_referral_open_due on referral (due_date) where status in ('SENT', 'ACCEPTED');

create table referral_step (
    id          bigint generated always as identity,
    referral_id uuid        not null,
    status      text        not null,
    at          timestamptz not null,
    by_user     uuid,
    note        text,
    constraint pk_referral_step primary key (id),
    constraint fk_referral_step_referral foreign key (referral_id) references referral (id)
);
create index ix_referral_step_referral on referral_step (referral_id, at);
