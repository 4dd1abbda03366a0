-- The campaign overview's category summary for a scoped user, kept instead of read from the campaign's tasks (issue
-- #18: a county of a city campaign read every task, 397–874 ms). Per campaign, unit, category and light: how many
-- tasks the unit's subtree leads whose parent it does not (no parent, or a parent led outside the subtree), and the
-- sum of their progress. A task led by u under a parent led by p counts for the units on u's path that are not on
-- p's (task_summary_units). Kept like task_subtree_tally: statement triggers append signed rows, never update one,
-- campaign.SummaryTally folds them every minute and moves them when a unit moves. Unlike the counts, progress moves
-- with every approved report, so a progress change appends a row per such unit (most tasks: one or two). H2 has a
-- view of the same shape instead.
CREATE TABLE task_summary_tally (
    campaign_id   BIGINT       NOT NULL,
    unit_id       BIGINT       NOT NULL,
    category      VARCHAR(30)  NOT NULL,
    light         VARCHAR(10),
    task_count    BIGINT       NOT NULL,
    progress_sum  NUMERIC      NOT NULL,
    appended      BOOLEAN      NOT NULL DEFAULT TRUE
);
CREATE INDEX ix_task_summary_tally ON task_summary_tally (campaign_id, unit_id, category, light);
CREATE INDEX ix_task_summary_tally_appended ON task_summary_tally (campaign_id, unit_id) WHERE appended;

-- The units a task counts for: those on its lead unit's path that are not on its parent's lead unit's path (all of
-- them for a task without a parent). Paths are unit ids between slashes, so a segment is on a path when
-- '/<id>/' is in it.
CREATE FUNCTION task_summary_units(lead_path VARCHAR, parent_path VARCHAR) RETURNS SETOF BIGINT AS $$
    SELECT CAST(a.unit_id AS BIGINT) FROM unnest(string_to_array(trim(BOTH '/' FROM lead_path), '/')) AS a(unit_id)
    WHERE parent_path IS NULL OR position('/' || a.unit_id || '/' IN parent_path) = 0
$$ LANGUAGE sql IMMUTABLE;

-- No task change may commit between the fill and the triggers: writers wait until this migration commits.
LOCK TABLE task IN SHARE MODE;

INSERT INTO task_summary_tally (campaign_id, unit_id, category, light, task_count, progress_sum, appended)
SELECT t.campaign_id, a.unit_id, t.category, t.light, COUNT(*), SUM(t.progress), FALSE
FROM task t JOIN org_unit_path u ON u.unit_id = t.lead_unit_id
LEFT JOIN task p ON p.id = t.parent_task_id LEFT JOIN org_unit_path pu ON pu.unit_id = p.lead_unit_id
CROSS JOIN LATERAL task_summary_units(u.path, pu.path) AS a(unit_id)
GROUP BY t.campaign_id, a.unit_id, t.category, t.light;

-- The parent's lead unit is read from task after the statement: a parent inserted by the same statement is there.
CREATE FUNCTION task_summary_tally_inserted() RETURNS trigger AS $$
BEGIN
    INSERT INTO task_summary_tally (campaign_id, unit_id, category, light, task_count, progress_sum)
    SELECT n.campaign_id, a.unit_id, n.category, n.light, COUNT(*), SUM(n.progress)
    FROM inserted n JOIN org_unit_path u ON u.unit_id = n.lead_unit_id
    LEFT JOIN task p ON p.id = n.parent_task_id LEFT JOIN org_unit_path pu ON pu.unit_id = p.lead_unit_id
    CROSS JOIN LATERAL task_summary_units(u.path, pu.path) AS a(unit_id)
    GROUP BY n.campaign_id, a.unit_id, n.category, n.light;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql SET search_path FROM CURRENT;

-- A parent deleted by the same statement is no longer in task: its lead unit is read from the deleted rows.
CREATE FUNCTION task_summary_tally_deleted() RETURNS trigger AS $$
BEGIN
    INSERT INTO task_summary_tally (campaign_id, unit_id, category, light, task_count, progress_sum)
    SELECT o.campaign_id, a.unit_id, o.category, o.light, -COUNT(*), -SUM(o.progress)
    FROM deleted o JOIN org_unit_path u ON u.unit_id = o.lead_unit_id
    LEFT JOIN deleted dp ON dp.id = o.parent_task_id LEFT JOIN task p ON p.id = o.parent_task_id
    LEFT JOIN org_unit_path pu ON pu.unit_id = COALESCE(dp.lead_unit_id, p.lead_unit_id)
    CROSS JOIN LATERAL task_summary_units(u.path, pu.path) AS a(unit_id)
    GROUP BY o.campaign_id, a.unit_id, o.category, o.light;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql SET search_path FROM CURRENT;

-- Only rows whose kept fields changed are read further (a text or version change appends nothing). Each such task
-- leaves as it was — under its parent's lead unit as it was, from the deleted rows when the statement changed the
-- parent too — and joins as it is. A handed-over task's children that the statement left alone move with it: their
-- parent's lead unit changed.
CREATE FUNCTION task_summary_tally_updated() RETURNS trigger AS $$
BEGIN
    WITH changed AS (
        SELECT d.id, d.lead_unit_id <> n.lead_unit_id AS handed_over,
               d.campaign_id AS old_campaign, d.lead_unit_id AS old_lead, d.parent_task_id AS old_parent,
               d.category AS old_category, d.light AS old_light, d.progress AS old_progress,
               n.campaign_id, n.lead_unit_id, n.parent_task_id, n.category, n.light, n.progress
        FROM deleted d JOIN inserted n ON n.id = d.id
        WHERE (d.campaign_id, d.lead_unit_id, d.parent_task_id, d.category, d.light, d.progress)
              IS DISTINCT FROM (n.campaign_id, n.lead_unit_id, n.parent_task_id, n.category, n.light, n.progress)),
    signed AS (
        SELECT old_campaign AS campaign_id, old_lead AS lead_unit_id, old_parent AS parent_task_id,
               old_category AS category, old_light AS light, -1 AS delta, -old_progress AS progress, TRUE AS before
        FROM changed
        UNION ALL
        SELECT campaign_id, lead_unit_id, parent_task_id, category, light, 1, progress, FALSE FROM changed
        UNION ALL
        SELECT k.campaign_id, k.lead_unit_id, k.parent_task_id, k.category, k.light, s.delta, s.delta * k.progress, s.before
        FROM changed c JOIN task k ON k.parent_task_id = c.id
        CROSS JOIN (VALUES (-1, TRUE), (1, FALSE)) AS s(delta, before)
        WHERE c.handed_over AND k.id NOT IN (SELECT id FROM changed))
    INSERT INTO task_summary_tally (campaign_id, unit_id, category, light, task_count, progress_sum)
    SELECT s.campaign_id, a.unit_id, s.category, s.light, SUM(s.delta), SUM(s.progress)
    FROM signed s JOIN org_unit_path u ON u.unit_id = s.lead_unit_id
    LEFT JOIN deleted dp ON s.before AND dp.id = s.parent_task_id LEFT JOIN task p ON p.id = s.parent_task_id
    LEFT JOIN org_unit_path pu ON pu.unit_id = COALESCE(dp.lead_unit_id, p.lead_unit_id)
    CROSS JOIN LATERAL task_summary_units(u.path, pu.path) AS a(unit_id)
    GROUP BY s.campaign_id, a.unit_id, s.category, s.light
    HAVING SUM(s.delta) <> 0 OR SUM(s.progress) <> 0;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql SET search_path FROM CURRENT;

CREATE TRIGGER task_summary_tally_on_insert AFTER INSERT ON task REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION task_summary_tally_inserted();
CREATE TRIGGER task_summary_tally_on_delete AFTER DELETE ON task REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION task_summary_tally_deleted();
CREATE TRIGGER task_summary_tally_on_update AFTER UPDATE ON task REFERENCING OLD TABLE AS deleted NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION task_summary_tally_updated();
