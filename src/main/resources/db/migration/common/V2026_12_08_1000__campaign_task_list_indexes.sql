-- The task list's filters at 10⁶ tasks (issue #18). A lead unit's page (leadUnitId, which takes the unit's subtree)
-- reads each unit's tasks already in list order (category, id) and counts them from the index alone; light +
-- category reads its page and count from one range of the second index instead of every task of the category.
CREATE INDEX ix_task_campaign_lead_unit ON task (campaign_id, lead_unit_id, category, id);
CREATE INDEX ix_task_campaign_category_light ON task (campaign_id, category, light, id);
