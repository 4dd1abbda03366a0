package org.gongjian.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.LockWaits;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.gongjian.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every approval marks its campaign's cockpit figures stale. The mark is one row per campaign, so it is written as
 * the approving transaction's last statement, not where the approval happens to publish its event: its row lock is
 * then held only for the commit, not through the rest of the transaction (issue #18). It still commits or rolls
 * back with the approval, once per campaign however many approvals the transaction holds.
 */
class CockpitDirtyMarkTests extends IntegrationTest {

    @Autowired CockpitRefresh refresh;
    @Autowired CockpitStore store;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void theMarkIsWrittenJustBeforeTheTransactionCommitsAndOnlyThen() {
        long campaign = jdbc.sql("SELECT COALESCE(MAX(campaign_id), 0) + 1000000 FROM cockpit_refresh")
                .query(Long.class).single();
        TransactionTemplate tx = new TransactionTemplate(transactions);

        var marked = StatementCounter.count(() -> tx.execute(status -> {
            refresh.markDirtyAtCommit(campaign);
            refresh.markDirtyAtCommit(campaign);
            return jdbc.sql("SELECT 1").query(Integer.class).single();   // the rest of the approving transaction
        }));
        // nothing written while the transaction worked; the mark (update, then insert: no row yet) once, at commit
        assertThat(marked.statements()).hasSize(3);
        assertThat(marked.statements().get(0)).isEqualTo("SELECT 1");
        assertThat(marked.statements().subList(1, 3)).allMatch(sql -> sql.contains("cockpit_refresh"));
        assertThat(dirty(campaign)).isTrue();

        store.replace(campaign, List.of(), Instant.parse("2026-07-02T02:00:00Z"));
        assertThat(dirty(campaign)).isFalse();
        tx.executeWithoutResult(status -> {
            refresh.markDirtyAtCommit(campaign);
            status.setRollbackOnly();
        });
        assertThat(dirty(campaign)).as("rolled back with the approval").isFalse();

        tx.executeWithoutResult(status -> refresh.markDirtyAtCommit(campaign));
        assertThat(dirty(campaign)).isTrue();
        assertThat(store.dirty()).contains(campaign);
    }

    /**
     * The first two approvals of a new campaign mark it at once: both find no row and insert one; the second insert
     * waited for the first's commit and then failed on the key, rolling its approval back. PostgreSQL only (the
     * embedded H2 serves one demo user).
     */
    @Test
    void twoFirstMarksOfACampaignBothCommit() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgresRequested(), "PostgreSQL only (GONGJIAN_TEST_DB=postgres)");
        long campaign = jdbc.sql("SELECT COALESCE(MAX(campaign_id), 0) + 2000000 FROM cockpit_refresh")
                .query(Long.class).single();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch firstMarked = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> tx.executeWithoutResult(status -> {
                store.markDirty(campaign);
                firstMarked.countDown();
                LockWaits.awaitAWaitingBackend(jdbc);   // the second, at its insert
            }));
            assertThat(firstMarked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> second = pool.submit(() -> tx.executeWithoutResult(status -> store.markDirty(campaign)));
            first.get(90, TimeUnit.SECONDS);
            second.get(90, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(dirty(campaign)).isTrue();
    }

    private boolean dirty(long campaign) {
        return jdbc.sql("SELECT dirty FROM cockpit_refresh WHERE campaign_id = :c").param("c", campaign)
                .query(Boolean.class).single();
    }
}
