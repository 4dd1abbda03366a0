package org.gongjian.briefing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the cockpit's own per-period figures and the unit view org publishes (org_unit_path). */
@Repository
class CockpitStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private volatile @Nullable Boolean postgres;

    CockpitStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(batch.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>)
                    c -> c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
            postgres = known;
        }
        return known;
    }

    /** The focus unit's direct children (one path segment below it), with whether each has units below. */
    List<UnitRollUp.Child> children(String focusPath) {
        return jdbc.sql("""
                SELECT u.unit_id, u.name, u.path,
                       CASE WHEN EXISTS (SELECT 1 FROM org_unit_path d WHERE d.path LIKE u.path || '_%') THEN 1 ELSE 0 END
                FROM org_unit_path u
                WHERE u.path LIKE :below AND u.path NOT LIKE :deeper ORDER BY LENGTH(u.path), u.path""")
                .param("below", focusPath + "_%/").param("deeper", focusPath + "%/%/")
                .query((rs, n) -> new UnitRollUp.Child(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1))
                .list();
    }

    /** One stored row: a lead unit's figures for a period. */
    record Figure(long unitId, String unitPath, String period, int green, int yellow, int red, int done,
                  @Nullable Integer tasks, @Nullable BigDecimal progressSum, int expected, int onTime, int late, int notIn) {}

    /**
     * Every period's figures inside the subtree, rolled up in SQL to the focus unit's children ({@code unitPath} = the
     * focus path or a child's path): O(children × periods) rows, whatever the number of villages or tasks.
     */
    List<Figure> figures(long campaignId, String focusPath) {
        if (postgres()) {
            // After five runs PostgreSQL may keep a generic plan, which guesses 0.5 % of units for the LIKE and,
            // while the figures' statistics are older than their last refresh, a handful of rows per campaign: a
            // nested loop over every unit (2.9 s at city scale, 3,792 units × 12 periods, against 35–96 ms for the
            // plan made for the actual scope). Plan this read for its parameters, in this transaction only.
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        }
        return jdbc.sql("""
                SELECT x.branch, x.period, SUM(x.green), SUM(x.yellow), SUM(x.red), SUM(x.done), SUM(x.tasks),
                       SUM(x.progress_sum), SUM(x.expected), SUM(x.on_time), SUM(x.late), SUM(x.not_in) FROM (
                    SELECT SUBSTRING(u.path FROM 1 FOR :len + POSITION('/' IN SUBSTRING(u.path FROM :len + 1))) AS branch,
                           f.period, f.green, f.yellow, f.red, f.done, f.tasks, f.progress_sum, f.expected, f.on_time,
                           f.late, f.not_in
                    FROM cockpit_period_figure f JOIN org_unit_path u ON u.unit_id = f.unit_id
                    WHERE f.campaign_id = :campaign AND u.path LIKE :scope) x
                GROUP BY x.branch, x.period""")
                .param("campaign", campaignId).param("scope", focusPath + "%").param("len", focusPath.length())
                .query((rs, n) -> new Figure(0, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getObject(7) == null ? null : rs.getInt(7), rs.getBigDecimal(8),
                        rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12)))
                .list();
    }

    /** Progress kept from earlier refreshes, per "period|unit" (a closed period keeps what was measured during it). */
    Map<String, Figure> stored(long campaignId) {
        Map<String, Figure> map = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM cockpit_period_figure WHERE campaign_id = :campaign AND tasks IS NOT NULL")
                .param("campaign", campaignId)
                .query((rs, n) -> new Figure(rs.getLong("unit_id"), "", rs.getString("period"), 0, 0, 0, 0,
                        rs.getInt("tasks"), rs.getBigDecimal("progress_sum"), 0, 0, 0, 0))
                .list().forEach(f -> map.put(f.period() + "|" + f.unitId(), f));
        return map;
    }

    /** Replaces the campaign's rows (one transaction with the reads that made them). */
    void replace(long campaignId, List<Figure> figures, Instant at) {
        jdbc.sql("DELETE FROM cockpit_period_figure WHERE campaign_id = :campaign").param("campaign", campaignId).update();
        batch.batchUpdate("""
                INSERT INTO cockpit_period_figure (campaign_id, unit_id, period, green, yellow, red, done, tasks,
                    progress_sum, expected, on_time, late, not_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                figures.stream().map(f -> new Object[] {campaignId, f.unitId(), f.period(), f.green(), f.yellow(), f.red(),
                        f.done(), f.tasks(), f.progressSum(), f.expected(), f.onTime(), f.late(), f.notIn()}).toList());
        if (jdbc.sql("UPDATE cockpit_refresh SET refreshed_at = :at, dirty = FALSE WHERE campaign_id = :campaign")
                .param("at", Timestamp.from(at)).param("campaign", campaignId).update() == 0) {
            jdbc.sql("INSERT INTO cockpit_refresh (campaign_id, refreshed_at, dirty) VALUES (:campaign, :at, FALSE)")
                    .param("campaign", campaignId).param("at", Timestamp.from(at)).update();
        }
    }

    /**
     * Takes the campaign's refresh lock — its cockpit_refresh row, created if missing, locked until the transaction
     * ends — so that refreshes of one campaign (several first dashboards at once, the job) run one after the other
     * instead of deleting and inserting the same figures' keys together (a 409 to a reader before).
     * @return whether the campaign has been refreshed before, as seen once the lock is held
     */
    boolean lockForRefresh(long campaignId) {
        jdbc.sql("""
                INSERT INTO cockpit_refresh (campaign_id, refreshed_at, dirty) VALUES (:campaign, NULL, FALSE)
                ON CONFLICT DO NOTHING""").param("campaign", campaignId).update();
        return jdbc.sql("SELECT refreshed_at FROM cockpit_refresh WHERE campaign_id = :campaign FOR UPDATE")
                .param("campaign", campaignId).query(rs -> {
                    return rs.next() && rs.getTimestamp(1) != null;
                });
    }

    boolean everRefreshed(long campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM cockpit_refresh WHERE campaign_id = :campaign AND refreshed_at IS NOT NULL")
                .param("campaign", campaignId).query(Long.class).single() > 0;
    }

    /** Marks the campaign's figures stale (see {@link CockpitRefresh#markDirtyAtCommit} for when). */
    void markDirty(long campaignId) {
        if (jdbc.sql("UPDATE cockpit_refresh SET dirty = TRUE WHERE campaign_id = :campaign")
                .param("campaign", campaignId).update() == 0) {
            jdbc.sql("INSERT INTO cockpit_refresh (campaign_id, refreshed_at, dirty) VALUES (:campaign, NULL, TRUE)")
                    .param("campaign", campaignId).update();
        }
    }

    List<Long> dirty() {
        return jdbc.sql("SELECT campaign_id FROM cockpit_refresh WHERE dirty = TRUE ORDER BY campaign_id")
                .query(Long.class).list();
    }
}
