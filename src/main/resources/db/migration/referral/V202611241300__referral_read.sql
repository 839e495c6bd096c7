-- Need-to-know (issue 5, UU PDP): every read of a referral by the receiving agency is recorded, whether the
-- referral was opened or listed, so that the district can see who at the agency saw which case and when.
create table referral_read (
    id          bigint generated always as identity,
    referral_id uuid        not null,
    user_id     uuid        not null,
    at          timestamptz not null,
    via         text        not null,
    constraint pk_referral_read primary key (id),
    constraint fk_referral_read_referral foreign key (referral_id) references referral (id),
    constraint ck_referral_read_via check (via in ('DETAIL', 'LIST'))
);
create index ix_referral_read_referral on referral_read (referral_id, at);
