-- The outcome the citizen is told on the tracking page (issue 13): the receiving agency's when it completes
-- a referral, the case's when it is closed; the latest one counts.
alter table complaint add column outcome text;
