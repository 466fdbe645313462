-- The operation an audit event started, so `padlock audit --operation ID` finds who
-- started it, under which grant, and `padlock ops show ID` leads back to the audit log.
ALTER TABLE audit_events ADD COLUMN operation_id BIGINT;
CREATE INDEX audit_events_by_operation ON audit_events (operation_id);
