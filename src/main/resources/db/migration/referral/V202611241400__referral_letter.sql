-- The referral letter (surat rujukan): a public verification code printed on it, which /verifikasi/{code}
-- confirms without personal data; and the letterhead and signatory of the office that sends it, per region
-- (a Puskesos, a sub-district, the district's Dinsos), the most specific one covering the case's village.
alter table referral add column verification_code text collate "C";
create unique index uq_referral_verification_code on referral (verification_code);

create table letterhead (
    region_code     text collate "C" not null,
    office_name     text not null,
    address         text not null,
    signatory_name  text not null,
    signatory_title text not null,
    constraint pk_letterhead primary key (region_code),
    constraint fk_letterhead_region foreign key (region_code) references region (code)
);
