-- The Koordinator Puskesos (often the village secretary): decides village-level services and agrees the
-- village's registry updates (usulan) at the village deliberation.
alter table app_user drop constraint ck_app_user_role;
alter table app_user add constraint ck_app_user_role check (role in ('ADMIN', 'MANAGER', 'SUPERVISOR', 'BACK_OFFICE',
    'FRONT_OFFICE', 'FACILITATOR', 'PROGRAM_MANAGER', 'DATA_OPERATOR', 'COORDINATOR', 'DPO', 'VIEWER'));
