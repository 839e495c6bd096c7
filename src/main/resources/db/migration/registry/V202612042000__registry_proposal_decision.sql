-- A registry proposal decided by the district manager or the data operator (issue 13): who, when, and the
-- reason of a refusal; an accepted one is applied to the household, with its history.
alter table registry_proposal add column decided_by uuid, add column decided_at timestamptz,
    add column decision_reason text;
