-- Incremental daily evaluation (issue #18): each counted task's next day to look at it again, computed when it is
-- evaluated (LightRecheck); NULL = a fact changed since (or never computed yet), evaluate at the next run.
ALTER TABLE task_light_state ADD COLUMN recheck_on DATE;
CREATE INDEX ix_task_light_state_recheck ON task_light_state (campaign_id, recheck_on);

-- Per campaign: the campaign's own facts the checks were computed under (thresholds, reporting dates), the day of
-- the last run and of the last full one. A different fingerprint, an earlier day or a stale full run → full run.
CREATE TABLE light_campaign_mark (
    campaign_id   BIGINT      PRIMARY KEY,
    fingerprint   VARCHAR(64) NOT NULL,
    evaluated_on  DATE        NOT NULL,
    full_on       DATE        NOT NULL
);
