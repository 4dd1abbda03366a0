-- The day each campaign's lights were last evaluated for (a whole or a daily run): stored reason lines of facts are
-- put into that day's words when read, so the words agree with the lights they explain (TaskReasons). No row yet:
-- today in the application's clock.
CREATE TABLE campaign_light_day (
    campaign_id   BIGINT PRIMARY KEY,
    evaluated_on  DATE   NOT NULL
);
