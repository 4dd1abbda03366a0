package org.gongjian.briefing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gongjian.shared.CustomPlans;
import org.gongjian.shared.DatabaseKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the cockpit's own per-period figures and the unit view org publishes (org_unit_path). */
@Repository
class CockpitStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final CustomPlans plans;
    private final DatabaseKind database;

    CockpitStore(JdbcClient jdbc, JdbcTemplate batch, CustomPlans plans, DatabaseKind database) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.plans = plans;
        this.database = database;
    }

    /**
     * The focus unit's direct children (by parent, {@code null}: the top units), with whether each has units below: one
     * read (a test per child scanned every unit's path for each leaf child: 20 ms for a township's 30 villages at city
     * scale; by path patterns the read itself went through the focus unit's whole subtree, every unit for a province).
     */
    List<UnitRollUp.Child> children(@Nullable Long focusId) {
        return jdbc.sql("""
                SELECT u.unit_id, u.name, u.path,
                       CASE WHEN EXISTS (SELECT 1 FROM org_unit_path g WHERE g.parent_id = u.unit_id) THEN 1 ELSE 0 END
                FROM org_unit_path u WHERE\s""" + (focusId == null ? "u.parent_id IS NULL" : "u.parent_id = :focus")
                        + " ORDER BY LENGTH(u.path), u.path")
                .param("focus", focusId, java.sql.Types.BIGINT)
                .query((rs, n) -> new UnitRollUp.Child(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1))
                .list();
    }

    /** One stored row: a lead unit's figures for a period. */
    record Figure(long unitId, String unitPath, String period, int green, int yellow, int red, int done,
                  @Nullable Integer tasks, @Nullable BigDecimal progressSum, int expected, int onTime, int late, int notIn) {}

    /**
     * Every period's figures inside the subtree, rolled up to the focus unit's children ({@code unitPath} = the focus
     * path for the focus unit's own rows, a child's path for its subtree's): the focus unit's own stored rows and its
     * children's subtree rows (cockpit_subtree_figure), O(children × periods) rows, whatever the number of villages.
     * The children are read by parent ({@code focusId}, null for the top units), as in {@link #children}; on
     * PostgreSQL as an array first, so that the subtree rows are fetched by key for those children alone. Joined by
     * unit, PostgreSQL read every subtree row of the campaign whenever the statistics were older than the last refresh
     * (issue #18, bench/results/2026-12-05-summary-dashboard: 41,904 rows read for a county's 144 at city scale, 13–18
     * ms, the dashboard's dearest statement; by key 0.3–0.5 ms, and the dashboards' DB CPU per request halved). The
     * units' side is restricted to the children too: with fresh statistics and only the array, PostgreSQL hashed every
     * unit to find the children's paths (3,792 at city, 68,129 at the province).
     */
    List<Figure> figures(long campaignId, @Nullable Long focusId, String focusPath) {
        // After five runs PostgreSQL may keep a generic plan, which guesses 0.5 % of units for the LIKE and, while the
        // figures' statistics are older than their last refresh, a handful of rows per campaign: a nested loop over
        // every unit (2.9 s at city scale before the subtree rows). Plan this read for its parameters, in this
        // transaction only.
        plans.forThisTransaction();
        // the children on both sides: the rows by key, and their paths by parent (not a hash of every unit)
        String children = focusId == null ? "parent_id IS NULL" : "parent_id = :focusId";
        return jdbc.sql("""
                SELECT u.path, f.period, f.green, f.yellow, f.red, f.done, f.tasks, f.progress_sum, f.expected,
                       f.on_time, f.late, f.not_in
                FROM cockpit_period_figure f JOIN org_unit_path u ON u.unit_id = f.unit_id
                WHERE f.campaign_id = :campaign AND u.path = :focus
                UNION ALL
                SELECT u.path, s.period, s.green, s.yellow, s.red, s.done, s.tasks, s.progress_sum, s.expected,
                       s.on_time, s.late, s.not_in
                FROM cockpit_subtree_figure s JOIN org_unit_path u ON u.unit_id = s.unit_id
                WHERE s.campaign_id = :campaign AND u.%1$s AND s.unit_id""".formatted(children)
                        + (database.postgres() ? " = ANY(ARRAY(" : " IN (")
                        + "SELECT c.unit_id FROM org_unit_path c WHERE c." + children + (database.postgres() ? "))" : ")"))
                .param("campaign", campaignId).param("focus", focusPath).param("focusId", focusId, java.sql.Types.BIGINT)
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

    /**
     * Replaces the campaign's rows, its units' own and their subtrees' (one transaction with the reads that made them).
     * Each unit's rows are added to every unit on its path, itself included, by the paths as they are now (a unit
     * move marks every campaign for the next refresh, see CockpitRefresh).
     */
    void replace(long campaignId, List<Figure> figures, Instant at) {
        jdbc.sql("DELETE FROM cockpit_period_figure WHERE campaign_id = :campaign").param("campaign", campaignId).update();
        String insert = """
                INSERT INTO %s (campaign_id, unit_id, period, green, yellow, red, done, tasks,
                    progress_sum, expected, on_time, late, not_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        batch.batchUpdate(insert.formatted("cockpit_period_figure"), figures.stream().map(f -> row(campaignId, f)).toList());
        Map<Long, String> paths = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT u.unit_id, u.path FROM cockpit_period_figure f JOIN org_unit_path u ON u.unit_id = f.unit_id
                WHERE f.campaign_id = :campaign""").param("campaign", campaignId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> paths.put(rs.getLong(1), rs.getString(2)));
        jdbc.sql("DELETE FROM cockpit_subtree_figure WHERE campaign_id = :campaign").param("campaign", campaignId).update();
        batch.batchUpdate(insert.formatted("cockpit_subtree_figure"),
                subtrees(figures, paths).stream().map(f -> row(campaignId, f)).toList());
        if (jdbc.sql("UPDATE cockpit_refresh SET refreshed_at = :at, dirty = FALSE WHERE campaign_id = :campaign")
                .param("at", Timestamp.from(at)).param("campaign", campaignId).update() == 0) {
            jdbc.sql("INSERT INTO cockpit_refresh (campaign_id, refreshed_at, dirty) VALUES (:campaign, :at, FALSE)")
                    .param("campaign", campaignId).param("at", Timestamp.from(at)).update();
        }
    }

    private static Object[] row(long campaignId, Figure f) {
        return new Object[] {campaignId, f.unitId(), f.period(), f.green(), f.yellow(), f.red(), f.done(), f.tasks(),
                f.progressSum(), f.expected(), f.onTime(), f.late(), f.notIn()};
    }

    /**
     * Per unit and period, the sum of the rows of the unit and every unit below it (a unit without a path, gone
     * from org_unit_path, counts for no one). Task counts and progress sums stay NULL where every row's is, as SQL's SUM.
     */
    static List<Figure> subtrees(List<Figure> figures, Map<Long, String> paths) {
        Map<String, Figure> sums = new java.util.LinkedHashMap<>();
        for (Figure f : figures) {
            String path = paths.get(f.unitId());
            if (path == null) {
                continue;
            }
            for (String segment : path.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                long unit = Long.parseLong(segment);
                Figure own = new Figure(unit, "", f.period(), f.green(), f.yellow(), f.red(), f.done(), f.tasks(),
                        f.progressSum(), f.expected(), f.onTime(), f.late(), f.notIn());
                sums.merge(unit + "|" + f.period(), own, CockpitStore::plus);
            }
        }
        return List.copyOf(sums.values());
    }

    private static Figure plus(Figure a, Figure b) {
        Integer tasks = a.tasks() == null ? b.tasks() : b.tasks() == null ? a.tasks() : Integer.valueOf(a.tasks() + b.tasks());
        BigDecimal sum = a.progressSum() == null ? b.progressSum()
                : b.progressSum() == null ? a.progressSum() : a.progressSum().add(b.progressSum());
        return new Figure(a.unitId(), a.unitPath(), a.period(), a.green() + b.green(), a.yellow() + b.yellow(),
                a.red() + b.red(), a.done() + b.done(), tasks, sum, a.expected() + b.expected(), a.onTime() + b.onTime(),
                a.late() + b.late(), a.notIn() + b.notIn());
    }

    /** A unit moved: every campaign's subtree rows are stale until its next refresh (the job's, within a minute). */
    void markAllDirty() {
        jdbc.sql("UPDATE cockpit_refresh SET dirty = TRUE WHERE refreshed_at IS NOT NULL AND dirty = FALSE").update();
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

    /**
     * Marks the campaign's figures stale (see {@link CockpitRefresh#markDirtyAtCommit} for when): a row appended, which
     * waits for no other approval of the campaign and makes none wait (it was an UPDATE of the campaign's one
     * cockpit_refresh row, held from there to the commit: concurrent approvals committed one after the other).
     */
    void markDirty(long campaignId) {
        jdbc.sql("INSERT INTO cockpit_stale_mark (campaign_id) VALUES (:campaign)").param("campaign", campaignId).update();
    }

    /**
     * Takes the campaign's stale marks for the refresh about to read its figures: the marks of approvals committed
     * before this statement, whose changes the refresh's reads after it see. A mark committed later is not deleted and
     * makes the next refresh run. Call with the refresh lock held, before reading.
     */
    void takeMarks(long campaignId) {
        jdbc.sql("DELETE FROM cockpit_stale_mark WHERE campaign_id = :campaign").param("campaign", campaignId).update();
    }

    /** Campaigns with stale figures: marked by approvals, or all of them after a unit move. */
    List<Long> dirty() {
        return jdbc.sql("""
                SELECT campaign_id FROM cockpit_stale_mark UNION SELECT campaign_id FROM cockpit_refresh WHERE dirty = TRUE
                ORDER BY campaign_id""").query(Long.class).list();
    }
}
