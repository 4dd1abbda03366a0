-- How many tasks each unit's subtree leads per campaign, category, light and level (the unit's own and every unit's
-- below it): a scoped task list's total for the tasks led in the scope. On H2 (one county) a view counting the tasks
-- is enough; PostgreSQL keeps the same shape as a table its triggers append to (see the postgresql migration of this
-- version).
CREATE VIEW task_subtree_tally AS
SELECT t.campaign_id, a.unit_id, t.category, t.light,
       CASE WHEN t.parent_task_id IS NULL THEN TRUE ELSE FALSE END AS top_level, COUNT(*) AS task_count
FROM task t JOIN org_unit_path u ON u.unit_id = t.lead_unit_id
JOIN org_unit_path a ON u.path LIKE a.path || '%'
GROUP BY t.campaign_id, a.unit_id, t.category, t.light, CASE WHEN t.parent_task_id IS NULL THEN TRUE ELSE FALSE END;
