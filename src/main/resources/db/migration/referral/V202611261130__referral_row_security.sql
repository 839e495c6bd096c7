-- Row-level security on referrals (ADR 0008): the application's role sees and writes only referrals of the
-- territory its connection serves (a receiving agency's connection serves everywhere; the referral module
-- limits it to its own agency's referrals).
alter table referral enable row level security;
create policy referral_territory on referral
    using (village_code >= simpul_scope_from() and village_code < simpul_scope_to());
