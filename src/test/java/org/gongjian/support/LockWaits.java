package org.gongjian.support;

import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For races staged on PostgreSQL: the first transaction holds its rows open until the second is seen waiting on a
 * lock (pg_stat_activity), so the test interleaves the two the way the race does, not by sleeping and hoping.
 */
public final class LockWaits {

    private LockWaits() {
    }

    /** Returns once another backend of this database waits on a lock, or after 20 s (the test's assertions then fail). */
    public static void awaitAWaitingBackend(JdbcClient jdbc) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            Integer waiting = jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND datname = current_database()").query(Integer.class).single();
            if (waiting > 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
