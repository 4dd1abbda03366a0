-- Takes back V2026_12_14_1400 (see the postgresql migration of this version: the tally raced handovers there).
DROP VIEW IF EXISTS task_summary_tally;
