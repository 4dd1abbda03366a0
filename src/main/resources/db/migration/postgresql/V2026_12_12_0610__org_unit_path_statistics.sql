-- A scope's unit set is path LIKE '/1/2/3/%'. With the default statistics (a 100-bucket histogram over a province's
-- 68,129 unit paths) PostgreSQL estimated 7 units for a county that has 473, and planned a county user's reads for 7
-- units' tasks: the list's page 1 read all 111,729 of the county's tasks to sort them for 50 (0.6 s p50 through
-- HTTP), the dashboard's red list hashed every task light state (1.6 s p50). With a 1,000-bucket histogram (a bucket
-- of ~70 units) the estimate is 477 and both walk their ordered index until the page is full (EXPLAIN ANALYZE at 10⁶
-- tasks: 4,090 → 214 ms and 3,058 → 0.8 ms). Small scopes (a township, a village) stay under a bucket and keep the
-- nested loop over their units, which is right for them. ANALYZE now so the first plans use it (68,129 rows: ~0.1 s).
ALTER TABLE unit ALTER COLUMN path SET STATISTICS 1000;
ANALYZE unit;
