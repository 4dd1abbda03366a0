-- H2 has no procedural triggers without Java classes; the embedded database relies on the code path,
-- which only ever inserts into audit_event. PostgreSQL (production) enforces append-only with a trigger.
SELECT 1;
