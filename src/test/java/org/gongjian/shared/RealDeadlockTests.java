package org.gongjian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real deadlock in PostgreSQL, not a thrown stand-in: two transactions take the same two rows in opposite orders.
 * PostgreSQL aborts one of them (SQLState 40P01, after its deadlock_timeout); the app's JDBC layer must translate that
 * to a {@link PessimisticLockingFailureException} — what {@link LockRetry} retries and the handlers answer with 503 —
 * and with {@link LockRetry} both writes land. PostgreSQL only: H2 resolves the same case by lock timeout.
 */
class RealDeadlockTests extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;

    @BeforeEach
    void probeRows() {
        Assumptions.assumeTrue(TestDatabase.postgresRequested(), "PostgreSQL only (GONGJIAN_TEST_DB=postgres)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS lock_probe (id INT PRIMARY KEY, n INT NOT NULL)");
        jdbc.execute("DELETE FROM lock_probe");
        jdbc.update("INSERT INTO lock_probe (id, n) VALUES (1, 0), (2, 0)");
    }

    /** The probe table is the test's own: other tests list the schema's tables (backup, grants). */
    @org.junit.jupiter.api.AfterEach
    void dropProbe() {
        if (TestDatabase.postgresRequested()) {
            jdbc.execute("DROP TABLE IF EXISTS lock_probe");
        }
    }

    /** Two writers, each taking its first row, waiting until the other has taken its own, then the other's row. */
    private List<Future<String>> crossed(boolean retried, AtomicInteger attempts) {
        CountDownLatch bothHoldTheirFirstRow = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        for (int[] order : new int[][] {{1, 2}, {2, 1}}) {
            results.add(pool.submit(() -> {
                java.util.function.Supplier<String> write = () -> tx.execute(status -> {
                    boolean first = attempts.incrementAndGet() <= 2;
                    jdbc.update("UPDATE lock_probe SET n = n + 1 WHERE id = ?", order[0]);
                    if (first) {
                        bothHoldTheirFirstRow.countDown();
                        await(bothHoldTheirFirstRow);
                    }
                    jdbc.update("UPDATE lock_probe SET n = n + 1 WHERE id = ?", order[1]);
                    return "done";
                });
                return retried ? LockRetry.run(write) : write.get();
            }));
        }
        pool.shutdown();
        return results;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDeadlockVictimIsALockFailureTheOtherCommits() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        int done = 0;
        for (Future<String> f : crossed(false, new AtomicInteger())) {
            try {
                f.get(30, TimeUnit.SECONDS);
                done++;
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertThat(done).isEqualTo(1);
        assertThat(failures).singleElement().isInstanceOf(PessimisticLockingFailureException.class);
        // the victim's first update was rolled back: only the winner's two increments are there
        assertThat(jdbc.queryForObject("SELECT SUM(n) FROM lock_probe", Integer.class)).isEqualTo(2);
    }

    @Test
    void withLockRetryTheVictimRunsAgainAndBothWritesLand() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        for (Future<String> f : crossed(true, attempts)) {
            assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("done");
        }
        assertThat(attempts).hasValue(3);   // the victim once more
        assertThat(jdbc.queryForList("SELECT n FROM lock_probe ORDER BY id", Integer.class)).containsExactly(2, 2);
    }
}
