-- The cockpit's red list of a township or village (SupervisionFigures.longestRed): the scope's tasks found from its
-- lead units (index only) and their open periods looked up by task, instead of a scan of every task's light state.
CREATE INDEX ix_task_light_state_unit ON task_light_state (campaign_id, unit_id, task_id);
