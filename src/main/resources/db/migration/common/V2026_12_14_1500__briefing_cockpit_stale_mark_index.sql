-- The stale marks by campaign (issue #18, review of V2026_12_14_1305): a refresh deletes one campaign's marks and the
-- job lists the campaigns that have any. Without an index each DELETE read the whole table, so a backlog (marks left
-- while refreshes failed or no node ran the scheduler) made every pass cost campaigns × marks: 7.4 s for 500 campaigns
-- over 101,000 marks on PostgreSQL 15. Appends of the same campaign do not wait on each other for a non-unique index.
CREATE INDEX ix_cockpit_stale_mark_campaign ON cockpit_stale_mark (campaign_id);
