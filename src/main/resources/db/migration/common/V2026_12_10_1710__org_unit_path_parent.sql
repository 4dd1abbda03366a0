-- The unit's parent in the view org offers other modules: a dashboard reads its focus unit's children by parent
-- (ix_unit_parent), not by two path patterns ("one segment below") that PostgreSQL estimated as the whole subtree and
-- answered by reading every unit in id order (issue #18: 0.4–0.6 s per dashboard read at the province's 68,129 units).
CREATE OR REPLACE VIEW org_unit_path AS SELECT id AS unit_id, path, kind, name, parent_id FROM unit;
