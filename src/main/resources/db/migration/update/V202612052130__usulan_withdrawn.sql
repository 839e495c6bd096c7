-- The village may withdraw an usulan it has not submitted (a duplicate, a family gone before the musdes).
alter table usulan drop constraint ck_usulan_status;
alter table usulan add constraint ck_usulan_status check (status in ('DRAFT', 'AGREED', 'SUBMITTED', 'RETURNED',
    'ENDORSED', 'SENT', 'INCLUDED', 'NOT_INCLUDED', 'EXCLUDED', 'WITHDRAWN'));
