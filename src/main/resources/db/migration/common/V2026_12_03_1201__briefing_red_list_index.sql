-- For the cockpit's red list (supervision.SupervisionFigures.longestRed): a campaign's open periods of one light in
-- the order they began, so the ten longest-red tasks are read from the front of an index, not sorted from all.
CREATE INDEX ix_task_light_period_open ON task_light_period (campaign_id, light, until_date, since_date, task_id);
