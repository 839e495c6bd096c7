-- A second factor (TOTP, RFC 6238) for the roles that can see or change the most (ADMIN, MANAGER, DPO;
-- Peraturan BSSN 4/2021, issue 6). Enrolment is forced at such a user's next page login; once enrolled, page
-- logins and token requests need the current code, and a code is never accepted twice (last step used).
-- The demo world's users are exempt until they enrol themselves, so the demo stays one step.
alter table app_user add column totp_secret text;
alter table app_user add column totp_enrolled_at timestamptz;
alter table app_user add column totp_last_step bigint;
alter table app_user add column second_factor_exempt boolean not null default false;
