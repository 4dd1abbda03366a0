#!/usr/bin/env bash
# Prints the category summary statement for campaign $2 and scope pattern $3 ('/1/2/3/%'): $1 = old (TaskStore.summary
# at main 4f6c99b) or new (this branch, PostgreSQL form), as the app sends them with the campaign inlined.
v=$1 c=$2 p=$3
cat <<SQL
SELECT t.category, COUNT(*) AS tasks, COALESCE(AVG(t.progress), 0) AS avg_progress,
       SUM(CASE WHEN t.light = 'RED' THEN 1 ELSE 0 END) AS red,
       SUM(CASE WHEN t.light = 'YELLOW' THEN 1 ELSE 0 END) AS yellow,
       SUM(CASE WHEN t.light = 'GREEN' THEN 1 ELSE 0 END) AS green,
       SUM(CASE WHEN t.light = 'DONE' THEN 1 ELSE 0 END) AS done,
       SUM(CASE WHEN t.light IS NULL THEN 1 ELSE 0 END) AS unevaluated
SQL
parent="
 AND NOT EXISTS (SELECT 1 FROM task p WHERE p.id = t.parent_task_id AND p.campaign_id = t.campaign_id
                 AND (p.lead_unit_id IN (SELECT ps.unit_id FROM org_unit_path ps WHERE ps.path LIKE '$p')
                      OR p.id IN (SELECT pc.task_id FROM task_cooperating_unit pc
                                  JOIN org_unit_path pcs ON pcs.unit_id = pc.unit_id WHERE pcs.path LIKE '$p')))"
led=" AND t.lead_unit_id IN (SELECT s.unit_id FROM org_unit_path s WHERE s.path LIKE '$p')"
coop=" AND t.lead_unit_id IN (SELECT o.unit_id FROM org_unit_path o WHERE o.path NOT LIKE '$p')
 AND t.id = ANY(ARRAY(SELECT cu.task_id FROM task_cooperating_unit cu
                      JOIN org_unit_path cs ON cs.unit_id = cu.unit_id WHERE cs.path LIKE '$p'))"
cols="SELECT t.category, t.light, t.progress FROM task t WHERE t.campaign_id = $c"
if [ "$v" = old ]; then cat <<SQL
FROM task t JOIN org_unit_path lu ON lu.unit_id = t.lead_unit_id WHERE t.campaign_id = $c
 AND (t.lead_unit_id IN (SELECT s.unit_id FROM org_unit_path s WHERE s.path LIKE '$p')
      OR t.id IN (SELECT cu.task_id FROM task_cooperating_unit cu JOIN org_unit_path cs ON cs.unit_id = cu.unit_id WHERE cs.path LIKE '$p'))
 AND (t.parent_task_id IS NULL OR t.parent_task_id NOT IN (SELECT p.id FROM task p WHERE p.campaign_id = $c
 AND (p.lead_unit_id IN (SELECT s.unit_id FROM org_unit_path s WHERE s.path LIKE '$p')
      OR p.id IN (SELECT cu.task_id FROM task_cooperating_unit cu JOIN org_unit_path cs ON cs.unit_id = cu.unit_id WHERE cs.path LIKE '$p'))))
GROUP BY t.category ORDER BY t.category;
SQL
else cat <<SQL
FROM ($cols$led AND t.parent_task_id IS NULL
 UNION ALL $cols$led AND t.parent_task_id IS NOT NULL$parent
 UNION ALL $cols$coop AND t.parent_task_id IS NULL
 UNION ALL $cols$coop AND t.parent_task_id IS NOT NULL$parent) t
GROUP BY t.category ORDER BY t.category;
SQL
fi
