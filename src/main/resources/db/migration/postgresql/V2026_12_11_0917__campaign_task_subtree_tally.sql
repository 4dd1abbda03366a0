-- How many tasks each unit's subtree leads per campaign, category, light and level: a scoped task list's total for
-- the tasks led in the scope (and the lead-unit filter's), read from one unit's rows instead of counting them (issue
-- #18: a county of a city campaign at the province counted its ~112,000 tasks on every page, 0.7 s). Kept like
-- task_tally, by the same statement triggers: each statement on task appends one signed row per changed (campaign,
-- ancestor unit, category, light, level), the ancestors read from the lead unit's path, and never updates a row, so
-- writers take no lock on it. campaign.TaskTally folds the appended rows (flagged, so a fold reads only those), and
-- moves a unit's counts to its new ancestors when it moves. H2 has a view of the same shape instead.
CREATE TABLE task_subtree_tally (
    campaign_id  BIGINT       NOT NULL,
    unit_id      BIGINT       NOT NULL,
    category     VARCHAR(30)  NOT NULL,
    light        VARCHAR(10),
    top_level    BOOLEAN      NOT NULL,
    task_count   BIGINT       NOT NULL,
    appended     BOOLEAN      NOT NULL DEFAULT TRUE
);
CREATE INDEX ix_task_subtree_tally ON task_subtree_tally (campaign_id, unit_id, category, light);
CREATE INDEX ix_task_subtree_tally_appended ON task_subtree_tally (campaign_id, unit_id) WHERE appended;

-- No task change may commit between the fill and the new trigger functions (a node still running during a rolling
-- deploy): writers wait until this migration commits.
LOCK TABLE task IN SHARE MODE;

INSERT INTO task_subtree_tally (campaign_id, unit_id, category, light, top_level, task_count, appended)
SELECT t.campaign_id, CAST(a.unit_id AS BIGINT), t.category, t.light, t.parent_task_id IS NULL, COUNT(*), FALSE
FROM task t JOIN org_unit_path u ON u.unit_id = t.lead_unit_id
CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(unit_id)
GROUP BY t.campaign_id, a.unit_id, t.category, t.light, t.parent_task_id IS NULL;

-- The tally's trigger functions (V2026_12_08_1010) write both tallies: one function call per statement, and an
-- update that changes no key (progress, text, version: most of them) still appends nothing to either.
CREATE OR REPLACE FUNCTION task_tally_inserted() RETURNS trigger AS $$
BEGIN
    INSERT INTO task_tally (campaign_id, category, light, top_level, task_count)
    SELECT campaign_id, category, light, parent_task_id IS NULL, COUNT(*) FROM inserted
    GROUP BY campaign_id, category, light, parent_task_id IS NULL;
    INSERT INTO task_subtree_tally (campaign_id, unit_id, category, light, top_level, task_count)
    SELECT n.campaign_id, CAST(a.unit_id AS BIGINT), n.category, n.light, n.parent_task_id IS NULL, COUNT(*)
    FROM inserted n JOIN org_unit_path u ON u.unit_id = n.lead_unit_id
    CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(unit_id)
    GROUP BY n.campaign_id, a.unit_id, n.category, n.light, n.parent_task_id IS NULL;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql SET search_path FROM CURRENT;

CREATE OR REPLACE FUNCTION task_tally_deleted() RETURNS trigger AS $$
BEGIN
    INSERT INTO task_tally (campaign_id, category, light, top_level, task_count)
    SELECT campaign_id, category, light, parent_task_id IS NULL, -COUNT(*) FROM deleted
    GROUP BY campaign_id, category, light, parent_task_id IS NULL;
    INSERT INTO task_subtree_tally (campaign_id, unit_id, category, light, top_level, task_count)
    SELECT o.campaign_id, CAST(a.unit_id AS BIGINT), o.category, o.light, o.parent_task_id IS NULL, -COUNT(*)
    FROM deleted o JOIN org_unit_path u ON u.unit_id = o.lead_unit_id
    CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(unit_id)
    GROUP BY o.campaign_id, a.unit_id, o.category, o.light, o.parent_task_id IS NULL;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql SET search_path FROM CURRENT;

-- A handover (lead unit changed) moves the task between subtrees; the campaign tally sees no change of its keys.
CREATE OR REPLACE FUNCTION task_tally_updated() RETURNS trigger AS $$
BEGIN
    WITH changed AS (
        SELECT campaign_id, lead_unit_id, category, light, top_level, SUM(delta) AS delta FROM (
            SELECT campaign_id, lead_unit_id, category, light, parent_task_id IS NULL AS top_level, -1 AS delta
            FROM deleted
            UNION ALL
            SELECT campaign_id, lead_unit_id, category, light, parent_task_id IS NULL, 1 FROM inserted) x
        GROUP BY campaign_id, lead_unit_id, category, light, top_level
        HAVING SUM(delta) <> 0),
    tallied AS (
        INSERT INTO task_tally (campaign_id, category, light, top_level, task_count)
        SELECT campaign_id, category, light, top_level, SUM(delta) FROM changed
        GROUP BY campaign_id, category, light, top_level
        HAVING SUM(delta) <> 0)
    INSERT INTO task_subtree_tally (campaign_id, unit_id, category, light, top_level, task_count)
    SELECT c.campaign_id, CAST(a.unit_id AS BIGINT), c.category, c.light, c.top_level, SUM(c.delta)
    FROM changed c JOIN org_unit_path u ON u.unit_id = c.lead_unit_id
    CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(unit_id)
    GROUP BY c.campaign_id, a.unit_id, c.category, c.light, c.top_level
    HAVING SUM(c.delta) <> 0;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql SET search_path FROM CURRENT;
