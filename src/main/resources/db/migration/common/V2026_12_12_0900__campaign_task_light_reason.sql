-- 亮灯理由 out of the wide task row (issue #18). The reasons of a task behind plan quote the day's planned value and an
-- overdue milestone its day count, so a daily run rewrites them for a third of a campaign while the light stays: as a
-- column of task each such rewrite was a new version of the whole row, an entry in each of its indexes and a run of
-- the tally triggers. Here one narrow row per evaluated task (no other index, no trigger); the task keeps its light,
-- written only when the light changes. Tasks are never deleted, so no cascade is needed.
CREATE TABLE task_light_reason (
    task_id BIGINT        PRIMARY KEY,
    reasons VARCHAR(4000) NOT NULL
);

INSERT INTO task_light_reason (task_id, reasons) SELECT id, light_reasons FROM task WHERE light_reasons IS NOT NULL;

ALTER TABLE task DROP COLUMN light_reasons;
