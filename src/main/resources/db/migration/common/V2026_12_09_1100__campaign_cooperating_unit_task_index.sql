-- A scoped task list (issue #18) reads the tasks a scope's units cooperate on as a set of task ids per unit: with the
-- task id in the index PostgreSQL reads that set from the index alone. It serves everything the (unit_id) index did.
CREATE INDEX ix_task_cooperating_unit_unit_task ON task_cooperating_unit (unit_id, task_id);
DROP INDEX ix_task_cooperating_unit_unit;
