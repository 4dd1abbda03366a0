-- The task list pages by (category, id) within a campaign: this index serves the ORDER BY ... LIMIT directly.
CREATE INDEX ix_task_campaign_category_id ON task (campaign_id, category, id);
