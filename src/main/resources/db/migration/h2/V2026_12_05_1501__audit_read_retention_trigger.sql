-- As on PostgreSQL: audit_read refuses every UPDATE and the DELETE of a row younger than its retention.
CREATE TRIGGER audit_read_guard_update BEFORE UPDATE ON audit_read FOR EACH ROW CALL "org.gongjian.audit.ReadRetentionTrigger";
CREATE TRIGGER audit_read_guard_delete BEFORE DELETE ON audit_read FOR EACH ROW CALL "org.gongjian.audit.ReadRetentionTrigger";
CREATE TRIGGER audit_read_policy_no_delete BEFORE DELETE ON audit_read_policy FOR EACH ROW CALL "org.gongjian.audit.AppendOnlyTrigger";
