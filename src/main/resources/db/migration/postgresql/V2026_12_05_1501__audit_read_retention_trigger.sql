-- audit_read is append-only, and a row is deleted only after its retention: the database refuses every UPDATE,
-- every DELETE of a younger row, TRUNCATE, and removing the retention policy.
CREATE FUNCTION audit_read_guard() RETURNS trigger AS $$
DECLARE
    keep_days INT;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'audit_read is append-only';
    END IF;
    SELECT retention_days INTO keep_days FROM audit_read_policy WHERE id = 1;
    IF OLD.occurred_at > now() - make_interval(days => COALESCE(keep_days, 180)) THEN
        RAISE EXCEPTION 'audit_read rows are kept % days', COALESCE(keep_days, 180);
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_read_guard
    BEFORE UPDATE OR DELETE ON audit_read
    FOR EACH ROW EXECUTE FUNCTION audit_read_guard();

CREATE FUNCTION audit_read_refuse() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% on % is refused', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_read_no_truncate
    BEFORE TRUNCATE ON audit_read
    FOR EACH STATEMENT EXECUTE FUNCTION audit_read_refuse();

CREATE TRIGGER audit_read_policy_no_delete
    BEFORE DELETE OR TRUNCATE ON audit_read_policy
    FOR EACH STATEMENT EXECUTE FUNCTION audit_read_refuse();
