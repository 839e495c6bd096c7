-- The application's role may add to the audit trail and seal it, never delete from it (ADR 0007, 0008); the
-- trigger refuses it too, but only the owner could switch the trigger off.
revoke delete, truncate on audit_event from ${approle};
