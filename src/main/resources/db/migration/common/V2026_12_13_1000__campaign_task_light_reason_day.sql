-- The day a task's reasons were last evaluated for by a re-light of its chain (an approval, an edit) when that is
-- later than its campaign's day (campaign_light_day): its light is that day's, so its words must be too. Read as the
-- later of the two; NULL: the campaign's day.
ALTER TABLE task_light_reason ADD COLUMN evaluated_on DATE;
