-- The audit trail is append-only: H2 calls a Java trigger that refuses every UPDATE and DELETE, as the
-- PostgreSQL migration's trigger does.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW CALL "org.gongjian.audit.AppendOnlyTrigger";
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW CALL "org.gongjian.audit.AppendOnlyTrigger";
