-- Tasks per light and category in each unit's subtree (its own light_count rows and those of every unit below it).
-- On H2 (one county, the demo) a view over light_count is enough; PostgreSQL keeps the same shape as a table its
-- triggers append to (see the postgresql migration of this version).
CREATE VIEW light_rollup AS
SELECT c.campaign_id, a.unit_id, c.category, c.light, SUM(c.task_count) AS task_count
FROM light_count c JOIN org_unit_path u ON u.unit_id = c.unit_id
JOIN org_unit_path a ON u.path LIKE a.path || '%'
GROUP BY c.campaign_id, a.unit_id, c.category, c.light;
