-- Whether the reporter agreed that their phone number be given to the agency a referral goes to (issue 13):
-- the agency sees it only then.
alter table complaint add column reporter_phone_shared boolean not null default false;
