EXPLAIN (ANALYZE, BUFFERS) SELECT r.task_id, t.title, r.unit_id, u.name, r.since_date, r.reasons FROM (
    SELECT p.task_id, s.unit_id, p.since_date, p.reasons
    FROM task_light_period p JOIN task_light_state s ON s.task_id = p.task_id
    WHERE p.campaign_id = 2 AND p.light = 'RED' AND p.until_date IS NULL
AND s.unit_id IN (SELECT v.unit_id FROM org_unit_path v WHERE v.path LIKE '/1/2/3/%')    ORDER BY p.until_date, p.since_date, p.task_id LIMIT 10) r
JOIN campaign_task_ref t ON t.task_id = r.task_id
JOIN org_unit_path u ON u.unit_id = r.unit_id
ORDER BY r.since_date, r.task_id;
