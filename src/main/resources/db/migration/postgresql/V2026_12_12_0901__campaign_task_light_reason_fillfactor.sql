-- Room on each page for the daily rewrite of a row's reasons, so it stays a HOT update (no new primary-key entry).
ALTER TABLE task_light_reason SET (fillfactor = 50);
