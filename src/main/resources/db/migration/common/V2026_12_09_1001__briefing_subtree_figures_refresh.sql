-- cockpit_subtree_figure starts empty: mark every campaign refreshed before it as stale, so the refresh job (every
-- minute) fills it, instead of dashboards showing no sub-unit figures until the next morning's refresh.
UPDATE cockpit_refresh SET dirty = TRUE WHERE refreshed_at IS NOT NULL;
