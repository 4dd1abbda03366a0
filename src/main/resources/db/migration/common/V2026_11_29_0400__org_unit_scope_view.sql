-- A read-only view the org module offers other modules for data-scope joins (unit id → path), so they never
-- depend on the unit table's other columns.
CREATE VIEW org_unit_path AS SELECT id AS unit_id, path, kind, name FROM unit;

-- Cadres with their current position, for other modules' lists (lead leader names).
CREATE VIEW org_person AS
SELECT p.id AS person_id, p.name, pp.unit_id, pp.title
FROM person p JOIN person_position pp ON pp.person_id = p.id AND pp.ended_on IS NULL;
