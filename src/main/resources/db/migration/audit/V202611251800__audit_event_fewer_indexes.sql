-- Recording is on the path of every registry read: an index nothing reads yet only slows it down. Who did
-- what is found through the persons concerned (the GIN index) or the chain; an index by user comes back with
-- the page that needs it.
drop index ix_audit_event_user;
