EXPLAIN (ANALYZE, BUFFERS) SELECT t.id, t.campaign_id, t.parent_task_id, t.title, t.category, t.lead_unit_id, lu.name AS lead_unit_name,
       lp.name AS leader_name, t.lead_leader_id, t.weight, t.start_date, t.due_date, t.light, t.progress,
       t.description, t.version, t.light_reasons,
       (SELECT COUNT(*) FROM task c WHERE c.parent_task_id = t.id) AS subtask_count
FROM ((SELECT t.* FROM task t WHERE t.campaign_id = 2 AND t.lead_unit_id IN (SELECT s.unit_id FROM org_unit_path s WHERE s.path LIKE '/1/2/3/%') ORDER BY t.category, t.id LIMIT 50)
 UNION ALL (SELECT t.* FROM task t WHERE t.campaign_id = 2 AND t.lead_unit_id IN (SELECT o.unit_id FROM org_unit_path o WHERE o.path NOT LIKE '/1/2/3/%')
AND t.id IN (SELECT cu.task_id FROM task_cooperating_unit cu
             JOIN org_unit_path cs ON cs.unit_id = cu.unit_id WHERE cs.path LIKE '/1/2/3/%') ORDER BY t.category, t.id LIMIT 50)) t
JOIN org_unit_path lu ON lu.unit_id = t.lead_unit_id
LEFT JOIN org_person lp ON lp.person_id = t.lead_leader_id
 ORDER BY t.category, t.id LIMIT 50 OFFSET 0;
