EXPLAIN (ANALYZE, BUFFERS, TIMING OFF)
SELECT t.category, COUNT(*) AS tasks, COALESCE(AVG(t.progress), 0) AS avg_progress,
       SUM(CASE WHEN t.light = 'RED' THEN 1 ELSE 0 END) AS red,
       SUM(CASE WHEN t.light = 'YELLOW' THEN 1 ELSE 0 END) AS yellow,
       SUM(CASE WHEN t.light = 'GREEN' THEN 1 ELSE 0 END) AS green,
       SUM(CASE WHEN t.light = 'DONE' THEN 1 ELSE 0 END) AS done,
       SUM(CASE WHEN t.light IS NULL THEN 1 ELSE 0 END) AS unevaluated
FROM task t JOIN org_unit_path lu ON lu.unit_id = t.lead_unit_id WHERE t.campaign_id = 2
 AND (t.lead_unit_id IN (SELECT s.unit_id FROM org_unit_path s WHERE s.path LIKE '/1/2/3/%')
      OR t.id IN (SELECT cu.task_id FROM task_cooperating_unit cu JOIN org_unit_path cs ON cs.unit_id = cu.unit_id WHERE cs.path LIKE '/1/2/3/%'))
 AND (t.parent_task_id IS NULL OR t.parent_task_id NOT IN (SELECT p.id FROM task p WHERE p.campaign_id = 2
 AND (p.lead_unit_id IN (SELECT s.unit_id FROM org_unit_path s WHERE s.path LIKE '/1/2/3/%')
      OR p.id IN (SELECT cu.task_id FROM task_cooperating_unit cu JOIN org_unit_path cs ON cs.unit_id = cu.unit_id WHERE cs.path LIKE '/1/2/3/%'))))
GROUP BY t.category ORDER BY t.category;
