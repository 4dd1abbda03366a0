package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.UserService;
import org.gongjian.shared.DataScope;
import org.gongjian.supervision.LightEvaluation;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approvals of two tasks of one campaign that share no task, unit or light count (two townships' top-level tasks)
 * do not wait for each other (issue #18): every approval used to mark the campaign's cockpit figures stale by updating
 * the campaign's one cockpit_refresh row just before its commit, so concurrent approvals of a campaign committed one
 * after the other. Staged on PostgreSQL (the embedded H2 serves one demo user): the first approval is held open after
 * everything it writes, its mark included, and the second must commit meanwhile without waiting on a lock.
 */
class ConcurrentCampaignApprovalTests extends IntegrationTest {

    @Autowired ReportFixtures fixtures;
    @Autowired ReportService reports;
    @Autowired TaskService tasks;
    @Autowired UserService users;
    @Autowired LightEvaluation lights;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void twoApprovalsOfOneCampaignDoNotWaitForEachOther() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgresRequested(), "PostgreSQL only (GONGJIAN_TEST_DB=postgres)");
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        TaskView other = fixtures.task(s.campaign(), s.county().townshipB(), "乙镇稳就业" + s.county().tag());
        clock.set(Instant.parse("2026-07-02T02:00:00Z"));
        lights.evaluateCampaign(s.campaign().id(), LocalDate.of(2026, 7, 2));   // lit: the approvals re-light them
        assertThat(List.of(tasks.task(s.task().id(), DataScope.everything()).light(),
                tasks.task(other.id(), DataScope.everything()).light())).doesNotContainNull();
        long first = submitted(s.task(), s.liaison(), s.county().townshipA().id(), s.county().townshipA().path());
        long second = submitted(other, s.otherLiaison(), s.county().townshipB().id(), s.county().townshipB().path());
        CurrentUser office = users.asCurrentUser(s.office()).orElseThrow();
        DataScope county = DataScope.of(s.county().county().id(), s.county().county().path());

        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                reports.approve(first, null, office, county);
                // registered after the approval's own: runs after its cockpit mark and light marks, then holds the commit
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        firstWritten.countDown();
                        await(release);
                    }
                });
            }));
            assertThat(firstWritten.await(60, TimeUnit.SECONDS)).as("the first approval reached its commit").isTrue();
            Future<ReportView> two = pool.submit(() -> reports.approve(second, null, office, county));
            String waitedOn = awaitDoneOrWaiting(two);
            release.countDown();
            one.get(90, TimeUnit.SECONDS);
            assertThat(waitedOn).as("the second approval waited on the first's lock").isNull();
            assertThat(two.get(90, TimeUnit.SECONDS).status()).isEqualTo(ReportStatus.APPROVED);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(reports.report(first, DataScope.everything()).status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cockpit_stale_mark WHERE campaign_id = :c")
                .param("c", s.campaign().id()).query(Long.class).single()).as("each approval marked the cockpit").isEqualTo(2L);
    }

    private long submitted(TaskView task, String liaisonName, long unitId, String unitPath) {
        CurrentUser liaison = users.asCurrentUser(liaisonName).orElseThrow();
        DataScope township = DataScope.of(unitId, unitPath);
        ReportView draft = reports.start(task.id(), new ReportCommand("2026-06", List.of(
                new ReportView.IndicatorValue(task.indicators().get(0).id(), new BigDecimal("600"))), "六月进展", null,
                null, List.of()), liaison, township);
        return reports.submit(draft.id(), null, liaison, township).id();
    }

    /**
     * Null once the approval is done; else the statement of the backend seen waiting on a lock (read outside any
     * transaction: PostgreSQL keeps one snapshot of pg_stat_activity per transaction).
     */
    private String awaitDoneOrWaiting(Future<?> approval) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (approval.isDone()) {
                return null;
            }
            List<String> waiting = jdbc.sql("SELECT query FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND datname = current_database()").query(String.class).list();
            if (!waiting.isEmpty()) {
                return waiting.get(0);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the second approval neither finished nor waited on a lock within 60 s");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
