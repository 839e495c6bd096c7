-- Recommendation and decision (rekomendasi dan penetapan layanan, DOMAIN.md §3.5): the back office recommends
-- a referral (RECOMMENDED); a supervisor or manager of the case's territory decides: it is sent (SENT, the
-- due date starts and the letter exists) or declined with a reason (DECLINED). A referral started by a
-- supervisor or manager is decided by them at once. The receiving agency sees nothing before it is sent.
alter table referral drop constraint ck_referral_status;
alter table referral add constraint ck_referral_status
    check (status in ('RECOMMENDED', 'DECLINED', 'SENT', 'ACCEPTED', 'REJECTED', 'COMPLETED', 'CANCELLED'));
alter table referral alter column due_date drop not null;
alter table referral alter column sent_at drop not null;
alter table referral alter column sent_by drop not null;
alter table referral add column recommended_by uuid;
alter table referral add column recommended_at timestamptz;
alter table referral add column decline_reason text;
update referral set recommended_by = sent_by, recommended_at = sent_at;
alter table referral alter column recommended_by set not null;
alter table referral alter column recommended_at set not null;
-- sent referrals have a sender, a time and a due date; recommendations and their declines may not yet
alter table referral add constraint ck_referral_sent
    check (status in ('RECOMMENDED', 'DECLINED', 'CANCELLED')
           or (sent_at is not null and sent_by is not null and due_date is not null));
alter table referral add constraint ck_referral_declined check (status <> 'DECLINED' or decline_reason is not null);
create index ix_referral_recommended on referral (village_code, recommended_at) where status = 'RECOMMENDED';
