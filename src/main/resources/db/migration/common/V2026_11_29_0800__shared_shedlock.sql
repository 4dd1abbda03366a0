-- ShedLock: one row per scheduled job. A node runs a job only while it holds the row (lock_until in the future),
-- so a job runs once per cluster however many app nodes there are. Times are the database's own (usingDbTime).
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
