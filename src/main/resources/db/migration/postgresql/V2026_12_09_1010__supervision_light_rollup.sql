-- Tasks per light and category in each unit's subtree (the unit's own light_count rows and those of every unit below
-- it): the dashboard of a city or township reads its children's rows, O(children × categories × lights), instead of
-- every village's counts. light_count is written in the approving transaction, so this roll-up must not update shared
-- ancestor rows (every approval in a county would queue on one row lock): triggers on light_count append one signed
-- row per changed (campaign, ancestor unit, category, light), ancestors read from the lead unit's path in
-- org_unit_path; supervision.LightRollUp folds the appended rows every minute and rebuilds the table when a unit
-- moves. A reader sums the rows of its key. H2 has a view of the same shape instead.
-- No light_count change may commit between the first fill below and the triggers (a node still running during a
-- rolling deploy): writers wait until this migration commits.
LOCK TABLE light_count IN SHARE MODE;

CREATE TABLE light_rollup (
    campaign_id  BIGINT       NOT NULL,
    unit_id      BIGINT       NOT NULL,
    category     VARCHAR(30)  NOT NULL,
    light        VARCHAR(10)  NOT NULL,
    task_count   BIGINT       NOT NULL
);
CREATE INDEX ix_light_rollup ON light_rollup (campaign_id, unit_id);

INSERT INTO light_rollup (campaign_id, unit_id, category, light, task_count)
SELECT c.campaign_id, CAST(a.unit_id AS BIGINT), c.category, c.light, SUM(c.task_count)
FROM light_count c JOIN org_unit_path u ON u.unit_id = c.unit_id
CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(unit_id)
GROUP BY c.campaign_id, a.unit_id, c.category, c.light HAVING SUM(c.task_count) <> 0;

-- SET search_path FROM CURRENT: the function finds its tables in this schema whoever writes light_count.
CREATE FUNCTION light_rollup_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO light_rollup (campaign_id, unit_id, category, light, task_count)
        SELECT n.campaign_id, CAST(a.unit_id AS BIGINT), n.category, n.light, SUM(n.task_count)
        FROM inserted n JOIN org_unit_path u ON u.unit_id = n.unit_id
        CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(unit_id)
        GROUP BY n.campaign_id, a.unit_id, n.category, n.light HAVING SUM(n.task_count) <> 0;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO light_rollup (campaign_id, unit_id, category, light, task_count)
        SELECT o.campaign_id, CAST(a.unit_id AS BIGINT), o.category, o.light, -SUM(o.task_count)
        FROM deleted o JOIN org_unit_path u ON u.unit_id = o.unit_id
        CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(unit_id)
        GROUP BY o.campaign_id, a.unit_id, o.category, o.light HAVING SUM(o.task_count) <> 0;
    ELSE
        -- LightStore's UPDATE adds a delta to task_count; a row whose count does not change appends nothing
        INSERT INTO light_rollup (campaign_id, unit_id, category, light, task_count)
        SELECT x.campaign_id, CAST(a.unit_id AS BIGINT), x.category, x.light, SUM(x.delta) FROM (
            SELECT campaign_id, unit_id, category, light, -task_count AS delta FROM deleted
            UNION ALL
            SELECT campaign_id, unit_id, category, light, task_count FROM inserted) x
        JOIN org_unit_path u ON u.unit_id = x.unit_id
        CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(unit_id)
        GROUP BY x.campaign_id, a.unit_id, x.category, x.light HAVING SUM(x.delta) <> 0;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql SET search_path FROM CURRENT;

CREATE TRIGGER light_rollup_on_insert AFTER INSERT ON light_count REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION light_rollup_changed();
CREATE TRIGGER light_rollup_on_delete AFTER DELETE ON light_count REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION light_rollup_changed();
CREATE TRIGGER light_rollup_on_update AFTER UPDATE ON light_count REFERENCING OLD TABLE AS deleted NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION light_rollup_changed();
