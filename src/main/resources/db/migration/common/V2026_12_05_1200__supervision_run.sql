-- The daily supervision job, one row per completed day (lights, escalation, reminders all done for run_date).
-- On start and every hour from 06:30 the job runs each day after the newest row up to today, in order.
CREATE TABLE supervision_run (
    run_date          DATE        PRIMARY KEY,
    finished_at       TIMESTAMP   NOT NULL,
    trigger_kind      VARCHAR(10) NOT NULL,
    tasks_evaluated   INT         NOT NULL,
    lights_changed    INT         NOT NULL,
    urged             INT         NOT NULL,
    escalated         INT         NOT NULL,
    interviews        INT         NOT NULL,
    reminders         INT         NOT NULL
);
