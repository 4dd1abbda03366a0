-- An approval's mark "this campaign's cockpit figures are stale", one row appended per approving transaction (issue
-- #18). It was cockpit_refresh.dirty, one row per campaign: every approval updated that row just before its commit,
-- so concurrent approvals of a campaign waited for each other's commit. An appended row locks nothing another
-- approval needs; a refresh deletes the marks committed before it reads (CockpitRefresh), so a mark committed during
-- a refresh stays for the next one. No key and no index: rows are only appended, and the job deletes them every
-- minute (a table of one minute's approvals, read whole). cockpit_refresh.dirty stays for a unit move.
CREATE TABLE cockpit_stale_mark (
    campaign_id   BIGINT        NOT NULL
);
