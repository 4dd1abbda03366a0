-- A county campaign carries a city's tasks down: the copy remembers the higher-level task it implements.
ALTER TABLE task ADD COLUMN source_task_id BIGINT REFERENCES task (id);
CREATE INDEX ix_task_source ON task (source_task_id);
