-- How many tasks a campaign has per category, light and level: the task list's total when the whole campaign is in
-- view and no lead unit or keyword narrows it. On H2 (one county) a view counting the tasks is fast enough;
-- PostgreSQL keeps the same shape as a table its triggers maintain (see the postgresql migration of this version).
CREATE VIEW task_tally AS
SELECT campaign_id, category, light, CASE WHEN parent_task_id IS NULL THEN TRUE ELSE FALSE END AS top_level,
       COUNT(*) AS task_count
FROM task
GROUP BY campaign_id, category, light, CASE WHEN parent_task_id IS NULL THEN TRUE ELSE FALSE END;
