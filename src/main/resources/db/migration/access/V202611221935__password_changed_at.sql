-- When a user's password last changed: page sessions opened before it end (SessionGuardFilter).
alter table app_user add column password_changed_at timestamptz;
update app_user set password_changed_at = created_at;
alter table app_user alter column password_changed_at set not null;
-- Administrators work for the whole country: a regional administrator would be managed by a manager.
alter table app_user add constraint ck_app_user_admin_national check (role <> 'ADMIN' or region_code is null);
