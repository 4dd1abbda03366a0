CREATE OR REPLACE FUNCTION task_tally_updated() RETURNS trigger AS $$
BEGIN
    INSERT INTO task_tally (campaign_id, category, light, top_level, task_count)
    SELECT campaign_id, category, light, top_level, SUM(delta) FROM (
        SELECT campaign_id, category, light, parent_task_id IS NULL AS top_level, -1 AS delta FROM deleted
        UNION ALL
        SELECT campaign_id, category, light, parent_task_id IS NULL, 1 FROM inserted) changed
    GROUP BY campaign_id, category, light, top_level
    HAVING SUM(delta) <> 0;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql SET search_path FROM CURRENT;
