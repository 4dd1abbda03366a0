package org.gongjian.shared;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a whole write transaction again when the database gave it up over locks — PostgreSQL's deadlock victim
 * (SQLState 40P01) or a lock it could not get, which Spring translates to {@link PessimisticLockingFailureException}.
 * Nothing of the failed attempt is left (its transaction rolled back, its events were never delivered), so running it
 * again is what the user would have done by pressing the button a second time. Writers take task rows and
 * supervision's counts in one order (docs/architecture.md "Lock order"), so this is the rare case; after two more
 * attempts the failure goes to the caller, which answers 503 (busy, try again) rather than 500.
 * <p>Only the outermost call retries: inside a transaction the failed one is already lost and must be retried by
 * whoever began it, so there the write runs once.
 */
public final class LockRetry {

    private static final RetryTemplate RETRY = new RetryTemplate(RetryPolicy.builder()
            .includes(PessimisticLockingFailureException.class)
            .maxRetries(2).delay(Duration.ofMillis(40)).jitter(Duration.ofMillis(30)).multiplier(2).build());

    private LockRetry() {
    }

    public static <T> T run(Supplier<T> write) {
        try {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                return write.get();
            }
            return RETRY.invoke(write);
        } catch (RuntimeException e) {
            throw lockFailureIn(e);
        }
    }

    /**
     * The lock failure inside what the write threw, if any: the retry policy matches causes too (a failure wrapped by
     * a listener or a template is retried), and the caller must get the lock failure itself, which the handlers answer
     * with 503 — the wrapper would be a 500. The wrapper stays attached as suppressed, for the log.
     */
    private static RuntimeException lockFailureIn(RuntimeException thrown) {
        if (thrown instanceof PessimisticLockingFailureException) {
            return thrown;
        }
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = thrown.getCause(); t != null && seen.add(t); t = t.getCause()) {   // a cause cycle ends here
            if (t instanceof PessimisticLockingFailureException lock) {
                lock.addSuppressed(thrown);
                return lock;
            }
        }
        return thrown;
    }
}
