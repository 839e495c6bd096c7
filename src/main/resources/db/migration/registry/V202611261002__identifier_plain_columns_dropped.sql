-- The plain NIK and KK columns go, now that every row has its ciphertext and blind index (V202611261001).
alter table household
    alter column kk_index set not null,
    alter column kk_cipher set not null,
    drop constraint uq_household_kk_number,
    drop column kk_number,
    add constraint uq_household_kk_index unique (kk_index);

drop index ix_person_kk_number;

alter table person
    alter column nik_index set not null,
    alter column nik_cipher set not null,
    alter column kk_index set not null,
    alter column kk_cipher set not null,
    drop constraint uq_person_nik,
    drop column nik,
    drop column kk_number,
    add constraint uq_person_nik_index unique (nik_index);

create index ix_person_kk_index on person (kk_index);
