package org.gongjian.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.LockWaits;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A campaign's rectification setting is one row, written in one statement whether or not it exists yet. */
class ProblemSettingRaceTests extends IntegrationTest {

    private static final Instant AT = Instant.parse("2026-06-15T02:00:00Z");

    @Autowired ProblemStore store;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aSecondSaveReplacesTheFirst() {
        long campaign = newCampaignId();
        store.saveSetting(campaign, Severity.MINOR, "first", AT);
        assertThat(store.unitHeadMaxSeverity(campaign)).contains(Severity.MINOR);
        store.saveSetting(campaign, Severity.GRAVE, "second", AT.plusSeconds(60));
        assertThat(store.unitHeadMaxSeverity(campaign)).contains(Severity.GRAVE);
        assertThat(jdbc.sql("SELECT updated_by FROM rectification_setting WHERE campaign_id = :c").param("c", campaign)
                .query(String.class).list()).containsExactly("second");
    }

    /**
     * Two administrators save a campaign's first setting at once: both found no row and inserted one; the second
     * waited for the first's commit and failed on the key. Now the second updates the first's row and both commit.
     * PostgreSQL only (the embedded H2 serves one demo node).
     */
    @Test
    void twoFirstSavesOfACampaignBothCommit() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgresRequested(), "PostgreSQL only (GONGJIAN_TEST_DB=postgres)");
        long campaign = newCampaignId();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch firstSaved = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> tx.executeWithoutResult(status -> {
                store.saveSetting(campaign, Severity.MINOR, "first", AT);
                firstSaved.countDown();
                LockWaits.awaitAWaitingBackend(jdbc);   // the second, at its insert
            }));
            assertThat(firstSaved.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> second = pool.submit(() -> tx.executeWithoutResult(status ->
                    store.saveSetting(campaign, Severity.GRAVE, "second", AT.plusSeconds(1))));
            first.get(90, TimeUnit.SECONDS);
            second.get(90, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.unitHeadMaxSeverity(campaign)).contains(Severity.GRAVE);
    }

    private long newCampaignId() {
        return jdbc.sql("SELECT COALESCE(MAX(campaign_id), 0) + 1000000 FROM rectification_setting")
                .query(Long.class).single();
    }
}
