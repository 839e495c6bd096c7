-- What other modules may read of a complaint (the referral's ticket, category and village), published as a
-- view so that no other module names the complaint table. security_invoker: the reader's row-level security
-- applies as on the table itself.
create view complaint_reference with (security_invoker = true) as
select id, ticket_number, category, village_code, status, created_at from complaint;

revoke insert, update, delete, truncate on complaint_reference from ${approle};
