-- Scope reads ask for a unit's subtree with path LIKE '/1/2/5/%'. Under the servers' C.UTF-8 collation (not "C" to
-- PostgreSQL 15) ix_unit_path cannot answer a LIKE prefix, so each such read scanned every unit: 1 ms at a city's
-- 3,792 units, ≈ 20 ms at a province's 70,000. A pattern-ops index answers it from the prefix (0.07 ms at city,
-- EXPLAIN ANALYZE). Where the pattern is bound and PostgreSQL plans generically it still scans; the reads that matter
-- plan for the actual pattern (shared.CustomPlans, or the scoped task list's literal).
CREATE INDEX ix_unit_path_pattern ON unit (path varchar_pattern_ops);
