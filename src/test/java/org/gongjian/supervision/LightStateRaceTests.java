package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gongjian.campaign.Light;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.LockWaits;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An evaluation reads a task's state row without a lock and writes it seconds later; an approval can re-light the
 * task in between and commit its own count moves. The later write must leave the counts equal to the state rows —
 * before, a check-date write put the stale key back and a move decremented the count the task had already left, and
 * {@code light_count} drifted for good — and must not undo a "facts changed" mark set in between.
 */
class LightStateRaceTests extends IntegrationTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    @Autowired OrgFixtures fixtures;
    @Autowired BulkTasks bulk;
    @Autowired LightEvaluation lights;
    @Autowired LightStore store;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    long campaign;
    long task;
    LightStore.State read;

    @BeforeEach
    void evaluated() {
        campaign = bulk.campaign(fixtures.county(), 12);
        lights.evaluateCampaign(campaign, DAY);
        task = jdbc.sql("SELECT MIN(task_id) FROM task_light_state WHERE campaign_id = :c").param("c", campaign)
                .query(Long.class).single();
        read = store.counted(List.of(task)).get(task);   // what a long evaluation read, before the approval below
    }

    private LightStore.CountKey with(Light light) {
        LightStore.CountKey k = read.key();
        return new LightStore.CountKey(k.campaignId(), k.unitId(), k.category(), k.topLevel(), light);
    }

    private static Light other(Light light, Light not) {
        for (Light l : Light.values()) {
            if (l != light && l != not) {
                return l;
            }
        }
        throw new IllegalStateException();
    }

    /** The approval's re-light, committed while the evaluation was still running. */
    private LightStore.CountKey approvalMoves() {
        LightStore.CountKey approved = with(other(read.key().light(), null));
        LightStore.Writes approval = new LightStore.Writes();
        approval.move(task, read, approved, DAY.plusDays(1));
        store.write(approval);
        return approved;
    }

    @Test
    void aStaleMoveGoesToItsKeyAndTakesTheTaskFromTheCountItHoldsNow() {
        LightStore.CountKey approved = approvalMoves();
        LightStore.CountKey evaluated = with(other(read.key().light(), approved.light()));

        LightStore.Writes evaluation = new LightStore.Writes();
        evaluation.move(task, read, evaluated, DAY.plusDays(3));
        store.write(evaluation);

        assertThat(store.counted(List.of(task)).get(task).key()).isEqualTo(evaluated);
        assertCountsMatchTheStateRows();
    }

    @Test
    void aStaleCheckDateIsDroppedAndDoesNotPutTheOldKeyBack() {
        LightStore.CountKey approved = approvalMoves();

        LightStore.Writes evaluation = new LightStore.Writes();
        evaluation.recheck(task, read, DAY.plusDays(9));
        store.write(evaluation);

        LightStore.State now = store.counted(List.of(task)).get(task);
        assertThat(now.key()).isEqualTo(approved);
        assertThat(now.recheckOn()).isEqualTo(DAY.plusDays(1));
        assertCountsMatchTheStateRows();
    }

    @Test
    void aFactChangedAfterTheReadStaysMarkedForTheNextRun() {
        store.factsChanged(List.of(task));   // a report submitted while the run was evaluating

        LightStore.Writes evaluation = new LightStore.Writes();
        evaluation.move(task, read, with(other(read.key().light(), null)), DAY.plusDays(30));
        store.write(evaluation);

        assertThat(store.counted(List.of(task)).get(task).recheckOn()).isNull();
        assertCountsMatchTheStateRows();
    }

    /**
     * The first two tasks of a count key lit at once (a new unit's first subtasks created together, or an approval
     * beside the daily run): each finds no count row to add to and inserts one. The second insert waited on the first
     * and then failed on the primary key — the request a 500. Now the second adds to the row the first made.
     * PostgreSQL only (the embedded H2 serves one demo user).
     */
    @Test
    void twoWritersInsertingTheSameNewCountBothLand() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgresRequested(), "PostgreSQL only (GONGJIAN_TEST_DB=postgres)");
        long fresh = bulk.campaign(fixtures.county(), 8);
        List<Long> ids = jdbc.sql("SELECT id FROM task WHERE campaign_id = :c ORDER BY id").param("c", fresh)
                .query(Long.class).list();
        long first = ids.get(0);
        long second = ids.get(4);   // same lead unit and category (BulkTasks cycles four of each)
        LightStore.CountKey key = jdbc.sql("SELECT lead_unit_id, category FROM task WHERE id = :id").param("id", first)
                .query((rs, n) -> new LightStore.CountKey(fresh, rs.getLong(1), rs.getString(2), true, Light.GREEN))
                .single();
        CountDownLatch firstInserted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = pool.submit(() -> tx.executeWithoutResult(status -> {
                LightStore.Writes w = new LightStore.Writes();
                w.move(first, null, key, DAY.plusDays(1));
                store.write(w);
                firstInserted.countDown();
                LockWaits.awaitAWaitingBackend(jdbc);   // the second, at its insert
            }));
            assertThat(firstInserted.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> two = pool.submit(() -> tx.executeWithoutResult(status -> {
                LightStore.Writes w = new LightStore.Writes();
                w.move(second, null, key, DAY.plusDays(1));
                store.write(w);
            }));
            one.get(90, TimeUnit.SECONDS);
            two.get(90, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("""
                SELECT task_count FROM light_count WHERE campaign_id = :c AND unit_id = :u AND category = :k
                    AND top_level AND light = 'GREEN'""").param("c", fresh).param("u", key.unitId())
                .param("k", key.category()).query(Long.class).single()).isEqualTo(2L);
        campaign = fresh;
        assertCountsMatchTheStateRows();
    }

    private void assertCountsMatchTheStateRows() {
        Map<String, Long> counted = counts("""
                SELECT unit_id || '/' || category || '/' || top_level || '/' || light AS k, task_count AS n
                FROM light_count WHERE campaign_id = :c AND task_count <> 0""");
        Map<String, Long> states = counts("""
                SELECT unit_id || '/' || category || '/' || top_level || '/' || light AS k, COUNT(*) AS n
                FROM task_light_state WHERE campaign_id = :c
                GROUP BY unit_id, category, top_level, light""");
        assertThat(counted).isEqualTo(states);
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> out = new java.util.TreeMap<>();
        jdbc.sql(sql).param("c", campaign).query(rs -> {
            out.put(rs.getString("k"), rs.getLong("n"));
        });
        return out;
    }
}
