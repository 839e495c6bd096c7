-- The reactivation letter carries a public verification code (its QR code leads to /verifikasi/pbi/{code},
-- which confirms the letter without personal data). Letters issued before this get a code now.
alter table pbi_reactivation add column verification_code text collate "C";
update pbi_reactivation set verification_code = upper(substr(md5(id::text || random()::text), 1, 10))
where letter_number is not null;
create unique index uq_pbi_reactivation_verification on pbi_reactivation (verification_code)
    where verification_code is not null;
alter table pbi_reactivation add constraint ck_pbi_reactivation_verification
    check ((letter_number is null) = (verification_code is null)
        and (letter_number is null or letter_issued_on is not null));

