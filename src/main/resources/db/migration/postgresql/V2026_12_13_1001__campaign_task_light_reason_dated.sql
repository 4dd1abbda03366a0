-- The few reason rows a re-light dated (V2026_12_13_1000), found by a whole run without reading every row.
CREATE INDEX ix_task_light_reason_dated ON task_light_reason (evaluated_on) WHERE evaluated_on IS NOT NULL;
