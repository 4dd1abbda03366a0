-- 领导驾驶舱: the cockpit's own small aggregate per campaign × lead unit × reporting period, refreshed off the request
-- path (after approvals, daily, on first open), so a dashboard reads O(units × periods) rows and never scans tasks.
CREATE TABLE cockpit_period_figure (
    campaign_id   BIGINT        NOT NULL,
    unit_id       BIGINT        NOT NULL,
    period        VARCHAR(10)   NOT NULL,
    green         INT           NOT NULL,
    yellow        INT           NOT NULL,
    red           INT           NOT NULL,
    done          INT           NOT NULL,
    -- tasks the unit leads and the sum of their progress (%), NULL for periods closed before the cockpit kept them
    tasks         INT,
    progress_sum  DECIMAL(14, 2),
    expected      INT           NOT NULL,
    on_time       INT           NOT NULL,
    late          INT           NOT NULL,
    not_in        INT           NOT NULL,
    PRIMARY KEY (campaign_id, period, unit_id)
);

-- When each campaign's figures were last refreshed, and whether an approval has changed them since.
CREATE TABLE cockpit_refresh (
    campaign_id   BIGINT        PRIMARY KEY,
    refreshed_at  TIMESTAMP WITH TIME ZONE,
    dirty         BOOLEAN       NOT NULL
);
