-- The campaign overview's category summary for a scoped user: per campaign, unit, category and light, how many tasks
-- the unit's subtree leads whose parent it does not (no parent, or a parent led outside the subtree), and the sum of
-- their progress. On H2 (one county) a view over the tasks is enough; PostgreSQL keeps the same shape as a table its
-- triggers append to (see the postgresql migration of this version).
CREATE VIEW task_summary_tally AS
SELECT t.campaign_id, a.unit_id, t.category, t.light, COUNT(*) AS task_count, SUM(t.progress) AS progress_sum
FROM task t JOIN org_unit_path u ON u.unit_id = t.lead_unit_id
JOIN org_unit_path a ON u.path LIKE a.path || '%'
LEFT JOIN task p ON p.id = t.parent_task_id
LEFT JOIN org_unit_path pu ON pu.unit_id = p.lead_unit_id
WHERE pu.path IS NULL OR pu.path NOT LIKE a.path || '%'
GROUP BY t.campaign_id, a.unit_id, t.category, t.light;
