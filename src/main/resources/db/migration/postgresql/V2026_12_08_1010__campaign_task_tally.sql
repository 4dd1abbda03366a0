-- How many tasks a campaign has per category, light and level: the task list's total when the whole campaign is in
-- view and no lead unit or keyword narrows it (counting 10⁶ rows took 80–830 ms; summing these takes well under one).
-- Triggers keep it for every writer (API, import, supervision's lights, bulk loads): each statement on task appends
-- one signed row per changed (campaign, category, light, level), never updating a row, so concurrent writers take
-- no lock on it and cannot deadlock; campaign.TaskTally folds the appended rows together every minute. A reader
-- sums the rows of its key. H2 has a view of the same shape instead.
CREATE TABLE task_tally (
    campaign_id  BIGINT       NOT NULL,
    category     VARCHAR(30)  NOT NULL,
    light        VARCHAR(10),
    top_level    BOOLEAN      NOT NULL,
    task_count   BIGINT       NOT NULL
);
CREATE INDEX ix_task_tally ON task_tally (campaign_id, category, light);

INSERT INTO task_tally (campaign_id, category, light, top_level, task_count)
SELECT campaign_id, category, light, parent_task_id IS NULL, COUNT(*) FROM task
GROUP BY campaign_id, category, light, parent_task_id IS NULL;

-- SET search_path FROM CURRENT: the functions find task_tally in this schema whoever writes the task.
CREATE FUNCTION task_tally_inserted() RETURNS trigger AS $$
BEGIN
    INSERT INTO task_tally (campaign_id, category, light, top_level, task_count)
    SELECT campaign_id, category, light, parent_task_id IS NULL, COUNT(*) FROM inserted
    GROUP BY campaign_id, category, light, parent_task_id IS NULL;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql SET search_path FROM CURRENT;

CREATE FUNCTION task_tally_deleted() RETURNS trigger AS $$
BEGIN
    INSERT INTO task_tally (campaign_id, category, light, top_level, task_count)
    SELECT campaign_id, category, light, parent_task_id IS NULL, -COUNT(*) FROM deleted
    GROUP BY campaign_id, category, light, parent_task_id IS NULL;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql SET search_path FROM CURRENT;

-- Most updates (progress, text, version) change no key: they net to zero and append nothing.
CREATE FUNCTION task_tally_updated() RETURNS trigger AS $$
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

CREATE TRIGGER task_tally_on_insert AFTER INSERT ON task REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION task_tally_inserted();
CREATE TRIGGER task_tally_on_delete AFTER DELETE ON task REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION task_tally_deleted();
CREATE TRIGGER task_tally_on_update AFTER UPDATE ON task REFERENCING OLD TABLE AS deleted NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION task_tally_updated();
