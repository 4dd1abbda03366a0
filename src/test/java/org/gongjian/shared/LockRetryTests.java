package org.gongjian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class LockRetryTests {

    @Test
    void aDeadlockVictimRunsAgainAndItsResultIsReturned() {
        AtomicInteger attempts = new AtomicInteger();
        String result = LockRetry.run(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new PessimisticLockingFailureException("deadlock detected");
            }
            return "approved";
        });
        assertThat(result).isEqualTo("approved");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void afterThreeAttemptsTheLockFailureGoesToTheCaller() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> LockRetry.run(() -> {
            attempts.incrementAndGet();
            throw new CannotAcquireLockException("lock timeout");
        })).isInstanceOf(CannotAcquireLockException.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> LockRetry.run(() -> {
            attempts.incrementAndGet();
            throw new OptimisticLockingFailureException("stale version");   // the user's edit lost: a 409, not a retry
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void insideATransactionTheWriteRunsOnceForTheOuterCallerToRetry() {
        AtomicInteger attempts = new AtomicInteger();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> LockRetry.run(() -> {
                attempts.incrementAndGet();
                throw new PessimisticLockingFailureException("deadlock detected");
            })).isInstanceOf(PessimisticLockingFailureException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(attempts).hasValue(1);
    }

    /**
     * A lock failure wrapped by whatever it passed through (a listener, a template) is retried like a bare one, and
     * when the attempts run out the caller gets the lock failure itself, which the handlers answer with 503 "busy";
     * the wrapper would have been a 500.
     */
    @Test
    void aWrappedLockFailureIsRetriedAndReachesTheCallerUnwrapped() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> LockRetry.run(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("listener failed", new CannotAcquireLockException("lock timeout"));
        })).isInstanceOf(CannotAcquireLockException.class).hasMessage("lock timeout");
        assertThat(attempts).hasValue(3);
    }

    /** Causes that point back at each other end the search for a lock failure instead of looping. */
    @Test
    void aCauseCycleIsHandedOnAsItIs() {
        IllegalStateException outer = new IllegalStateException("outer");
        IllegalArgumentException inner = new IllegalArgumentException("inner");
        outer.initCause(inner);
        inner.initCause(outer);
        TransactionSynchronizationManager.setActualTransactionActive(true);   // the path without Spring's own retry
        try {
            assertThatThrownBy(() -> LockRetry.run(() -> {
                throw outer;
            })).isSameAs(outer);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
    }
}
