-- Escalation of overdue referrals (DOMAIN.md §3.7): past its due date the supervisor of the case's
-- sub-district is told, after a further period the district manager. One row per referral and level: a
-- scan that runs twice, or on two instances at once, escalates nothing twice.
create table referral_escalation (
    referral_id  uuid        not null,
    level        text        not null,
    escalated_at timestamptz not null,
    constraint pk_referral_escalation primary key (referral_id, level),
    constraint fk_referral_escalation_referral foreign key (referral_id) references referral (id),
    constraint ck_referral_escalation_level check (level in ('SUPERVISOR', 'MANAGER'))
);
