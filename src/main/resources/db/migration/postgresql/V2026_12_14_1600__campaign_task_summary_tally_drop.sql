-- Takes back V2026_12_14_1400 (the category summary's tally, issue #18), reviewed and found wrong under concurrency:
-- a subtask's row counts under its parent's lead unit, so a parent handed over while another transaction writes one
-- of its subtasks (a light slice, an edit, a decomposition) left the tally different from a recount for good — each
-- trigger saw the other's row as it was before. Its update trigger's cached plan also depended on the first
-- statement a connection ran (a whole-table scan per handover, or +190 ms per 1,000-row light slice). The summary is
-- counted from the tasks again until a tally that handovers cannot race is built.
DROP TRIGGER IF EXISTS task_summary_tally_on_insert ON task;
DROP TRIGGER IF EXISTS task_summary_tally_on_delete ON task;
DROP TRIGGER IF EXISTS task_summary_tally_on_update ON task;
DROP FUNCTION IF EXISTS task_summary_tally_inserted();
DROP FUNCTION IF EXISTS task_summary_tally_deleted();
DROP FUNCTION IF EXISTS task_summary_tally_updated();
DROP FUNCTION IF EXISTS task_summary_units(VARCHAR, VARCHAR);
DROP TABLE IF EXISTS task_summary_tally;
