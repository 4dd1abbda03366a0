package org.gongjian.supervision;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.gongjian.org.UnitMoved;
import org.gongjian.shared.DatabaseKind;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code light_rollup}, the light counts of each unit's subtree that {@link SupervisionFigures#lightCells} reads
 * for the focus unit's children (issue #18: a city's dashboard summed every village's light_count rows). On
 * PostgreSQL triggers on light_count append one signed row per changed (campaign, ancestor unit, category, light) in
 * the writing transaction (migration V2026_12_09_1010), never updating a shared row; {@link #fold} folds them every
 * minute. On H2 the roll-up is a view (nothing to fold or rebuild).
 */
@Component
public class LightRollUp {

    /** pg_advisory_xact_lock key of the fold and the rebuild ("lightrup" in ASCII). */
    static final long ADVISORY_KEY = 0x6c69676874727570L;

    private final JdbcClient jdbc;
    private final DatabaseKind database;

    LightRollUp(JdbcClient jdbc, DatabaseKind database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    @Scheduled(fixedDelayString = "${gongjian.supervision.rollup-fold:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "supervision.light-rollup-fold", lockAtMostFor = "PT10M")
    @Transactional  // fold() is called on this object, not through the proxy: the advisory lock needs this transaction
    public void scheduled() {
        fold();
    }

    /**
     * Replaces the appended rows by one per key (none where the key nets to zero), in one statement: rows a running
     * transaction appends meanwhile are not yet visible to it, so they stay and nothing is counted twice or lost.
     * @return the rows left (0 on H2)
     */
    @Transactional
    public int fold() {
        if (!database.postgres()) {
            return 0;
        }
        serialise();
        return jdbc.sql("""
                WITH folded AS (DELETE FROM light_rollup RETURNING campaign_id, unit_id, category, light, task_count)
                INSERT INTO light_rollup (campaign_id, unit_id, category, light, task_count)
                SELECT campaign_id, unit_id, category, light, SUM(task_count) FROM folded
                GROUP BY campaign_id, unit_id, category, light HAVING SUM(task_count) <> 0""").update();
    }

    /**
     * A unit moved: its subtree's counts now belong to other ancestors. Rebuilt from light_count in the moving
     * transaction, after the paths changed. The SHARE lock on light_count waits for transactions that have already
     * written counts (their appended rows, made from the old paths, are then visible and replaced) and holds back new
     * writers until the move commits (their triggers then read the new paths). A move is a rare administrator's act;
     * approvals wait for it at most the length of this statement.
     */
    @EventListener
    void on(UnitMoved moved) {
        rebuild();
    }

    /**
     * Folds and rebuilds one at a time (until the transaction ends): each replaces rows it read in one statement, and
     * rows the other wrote after that statement's snapshot would stay beside their replacement and count twice.
     */
    private void serialise() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // outside a transaction the lock would end with its own statement and serialise nothing
            throw new IllegalStateException("the light roll-up's fold and rebuild run in a transaction");
        }
        jdbc.sql("SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(:key)) l").param("key", ADVISORY_KEY)
                .query(Long.class).single();
    }

    /** Recomputes the whole roll-up from light_count and the current unit paths. @return the rows written (0 on H2) */
    @Transactional
    public int rebuild() {
        if (!database.postgres()) {
            return 0;
        }
        jdbc.sql("LOCK TABLE light_count IN SHARE MODE").update();
        serialise();
        return jdbc.sql("""
                WITH cleared AS (DELETE FROM light_rollup RETURNING 1)
                INSERT INTO light_rollup (campaign_id, unit_id, category, light, task_count)
                SELECT c.campaign_id, CAST(a.unit_id AS BIGINT), c.category, c.light, SUM(c.task_count)
                FROM light_count c JOIN org_unit_path u ON u.unit_id = c.unit_id
                CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(unit_id)
                GROUP BY c.campaign_id, a.unit_id, c.category, c.light HAVING SUM(c.task_count) <> 0""").update();
    }
}
