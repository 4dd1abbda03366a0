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

    /**
     * Returns once another backend of this database waits on a lock; throws after 60 s, so a test whose second
     * transaction never reached the contended statement fails instead of passing without having run the race.
     */
    public static void awaitAWaitingBackend(JdbcClient jdbc) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
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
                throw new IllegalStateException("interrupted while waiting for the second transaction", e);
            }
        }
        throw new IllegalStateException("no transaction waited on a lock within 60 s: the race was not staged");
    }
}
