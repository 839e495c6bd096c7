-- The foreign key from notification_sent to complaint had no index: every deleted complaint (a load test's
-- baseline rows, a purge) scanned the whole table, minutes for thirty thousand rows. Found by the case-flow
-- load test (docs/benchmarks.md).
create index ix_notification_sent_complaint on notification_sent (complaint_id);
