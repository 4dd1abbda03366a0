-- The cockpit's per-period figures summed over each unit's subtree (the unit's own row and those of every unit below
-- it, by the unit paths at the refresh), written by the same refresh as cockpit_period_figure: a dashboard reads its
-- focus unit's own rows and its children's subtree rows, O(children × periods), whatever the number of villages.
CREATE TABLE cockpit_subtree_figure (
    campaign_id   BIGINT        NOT NULL,
    unit_id       BIGINT        NOT NULL,
    period        VARCHAR(10)   NOT NULL,
    green         INT           NOT NULL,
    yellow        INT           NOT NULL,
    red           INT           NOT NULL,
    done          INT           NOT NULL,
    tasks         INT,
    progress_sum  DECIMAL(14, 2),
    expected      INT           NOT NULL,
    on_time       INT           NOT NULL,
    late          INT           NOT NULL,
    not_in        INT           NOT NULL,
    PRIMARY KEY (campaign_id, unit_id, period)
);

-- The focus unit's own rows (the primary key leads with the period).
CREATE INDEX ix_cockpit_period_figure_unit ON cockpit_period_figure (campaign_id, unit_id);
