-- A household a village's desk or volunteer registers (the Puskesos serves it at once) is proposed for DTSEN as
-- an usulan to enter it as registered: its own source, once per household.
alter table usulan drop constraint ck_usulan_source;
alter table usulan add constraint ck_usulan_source check (source in ('MANUAL', 'MUSDES', 'FIELD_VISIT', 'COMPLAINT',
    'ASSESSMENT', 'IMPORT', 'SANGGAH', 'REGISTRATION'));
