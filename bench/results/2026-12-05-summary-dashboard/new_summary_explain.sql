EXPLAIN (ANALYZE, BUFFERS, TIMING OFF)
SELECT s.category, s.light, SUM(s.task_count) AS tasks, SUM(s.progress) AS progress FROM (
    SELECT category, light, task_count, progress_sum AS progress FROM task_summary_tally
    WHERE campaign_id = 2 AND unit_id = 3
    UNION ALL
    SELECT t.category, t.light, 1, t.progress FROM task t WHERE t.campaign_id = 2 AND t.lead_unit_id IN (SELECT o.unit_id FROM org_unit_path o WHERE o.path NOT LIKE '/1/2/3/%')
AND t.id = ANY(ARRAY(SELECT cu.task_id FROM task_cooperating_unit cu
             JOIN org_unit_path cs ON cs.unit_id = cu.unit_id WHERE cs.path LIKE '/1/2/3/%'))
    AND NOT EXISTS (SELECT 1 FROM task p WHERE p.id = t.parent_task_id
        AND (p.lead_unit_id IN (SELECT ls.unit_id FROM org_unit_path ls WHERE ls.path LIKE '/1/2/3/%')
             OR EXISTS (SELECT 1 FROM task_cooperating_unit pc JOIN org_unit_path ps ON ps.unit_id = pc.unit_id
                        WHERE pc.task_id = p.id AND ps.path LIKE '/1/2/3/%')))
    UNION ALL
    SELECT k.category, k.light, -1, -k.progress FROM task k
    WHERE k.lead_unit_id IN (SELECT ls.unit_id FROM org_unit_path ls WHERE ls.path LIKE '/1/2/3/%')
    AND k.parent_task_id = ANY(ARRAY(SELECT t.id FROM task t WHERE t.campaign_id = 2 AND t.lead_unit_id IN (SELECT o.unit_id FROM org_unit_path o WHERE o.path NOT LIKE '/1/2/3/%')
AND t.id = ANY(ARRAY(SELECT cu.task_id FROM task_cooperating_unit cu
             JOIN org_unit_path cs ON cs.unit_id = cu.unit_id WHERE cs.path LIKE '/1/2/3/%'))))
) s GROUP BY s.category, s.light ORDER BY s.category;
