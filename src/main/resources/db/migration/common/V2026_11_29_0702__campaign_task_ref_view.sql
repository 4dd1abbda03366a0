-- The task columns other modules may read (reports, supervision): the campaign module's published read model,
-- like org_unit_path for units. Nobody else reads the task table itself.
CREATE VIEW campaign_task_ref AS
SELECT id AS task_id, campaign_id, parent_task_id, title, category, lead_unit_id, lead_leader_id, start_date, due_date
FROM task;
