package org.gongjian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed after-commit listener work is retried by the scheduled job, without a restart, and only when no node is
 * still working on it (H2 and PostgreSQL).
 */
class EventResubmissionTests extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired EventResubmission job;
    @Autowired EventPublicationTable table;
    @Autowired EventResubmissionSettings settings;
    @Autowired EventPublicationHealth health;
    @Autowired MeterRegistry meters;
    @Autowired ProbeListener listener;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void aListenerThatFailsOnceIsCompletedByTheNextRunWithoutARestartExactlyOnce() {
        String probe = UUID.randomUUID().toString();
        listener.failTimes(probe, 1);
        publish(probe);
        await().atMost(WAIT).until(() -> row(probe).map(r -> r.status().equals("FAILED")).orElse(false));
        UUID id = row(probe).orElseThrow().id();

        assertThat(job.run().resubmitted()).as("its first retry is not due yet").doesNotContain(id);
        assertThat(listener.tries(probe)).isEqualTo(1);

        clock.set(clock.instant().plus(settings.firstRetryAfter()));
        assertThat(job.run().resubmitted()).contains(id);
        await().atMost(WAIT).until(() -> row(probe).isEmpty());
        assertThat(listener.tries(probe)).isEqualTo(2);
        assertThat(listener.finished(probe)).isEqualTo(1);

        clock.set(clock.instant().plus(Duration.ofHours(1)));
        assertThat(job.run().resubmitted()).doesNotContain(id);
        assertThat(listener.tries(probe)).as("done is done").isEqualTo(2);
        assertThat(listener.finished(probe)).isEqualTo(1);
    }

    @Test
    void aPublicationBeingHandledIsNotResubmittedBeforeItIsStale() {
        String probe = UUID.randomUUID().toString();
        listener.hold(probe);
        publish(probe);
        await().atMost(WAIT).until(() -> listener.tries(probe) == 1);
        UUID id = row(probe).orElseThrow().id();

        clock.set(clock.instant().plus(settings.staleAfter()).minusSeconds(60));
        EventResubmission.Result run = job.run();
        assertThat(run.resubmitted()).doesNotContain(id);
        assertThat(row(probe).orElseThrow().status()).isEqualTo("PROCESSING");

        listener.release(probe);
        await().atMost(WAIT).until(() -> row(probe).isEmpty());
        assertThat(listener.tries(probe)).isEqualTo(1);
        assertThat(listener.finished(probe)).isEqualTo(1);
    }

    /**
     * A publication another node recorded and is still handling (this node has never seen it) is left alone; once
     * stale — its node died — it is marked failed and handed to the listener here, once.
     */
    @Test
    void anotherNodesPublicationIsLeftAloneUntilStaleThenHandledOnce() throws Exception {
        String probe = UUID.randomUUID().toString();
        Instant published = clock.instant();
        String listenerId = new TransactionalApplicationListenerMethodAdapter("probe", ProbeListener.class,
                ProbeListener.class.getDeclaredMethod("on", ProbeListener.Probe.class)).getListenerId();
        UUID id = insert(probe, listenerId, published, published);

        clock.set(published.plus(settings.staleAfter()).minusSeconds(60));
        assertThat(job.run().resubmitted()).doesNotContain(id);
        assertThat(row(probe).orElseThrow().status()).isEqualTo("PROCESSING");
        assertThat(listener.tries(probe)).isZero();

        clock.set(published.plus(settings.staleAfter()).plusSeconds(60));
        EventResubmission.Result run = job.run();
        assertThat(run.markedStale()).isPositive();
        assertThat(run.resubmitted()).contains(id);
        await().atMost(WAIT).until(() -> row(probe).isEmpty());
        assertThat(listener.tries(probe)).isEqualTo(1);
        assertThat(listener.finished(probe)).isEqualTo(1);
    }

    /**
     * A try that claimed its publication holds the row locked until it commits; the job marks other stale rows and
     * leaves that one, instead of waiting for it on the scheduler's only thread (or, on H2, failing on the lock).
     * Staleness counts from the last resubmission, not the publication: a retry started lately is not stale.
     */
    @Test
    void aStaleRowLockedByARunningTryIsSkippedAndARecentRetryIsNotStale() throws Exception {
        String probe = UUID.randomUUID().toString();
        Instant published = clock.instant().minus(Duration.ofDays(1));
        UUID locked = insert(probe + "-locked", NO_LISTENER, published, published);
        UUID free = insert(probe + "-free", NO_LISTENER, published, published);
        UUID retried = insert(probe + "-retried", NO_LISTENER, published, clock.instant().minusSeconds(60));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = other.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                jdbc.sql("SELECT id FROM event_publication WHERE id = :id FOR UPDATE").param("id", locked)
                        .query(Object.class).list();
                held.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Integer> marked = CompletableFuture.supplyAsync(
                    () -> table.markStaleFailed(clock.instant().minus(settings.staleAfter())));
            assertThat(marked.get(20, TimeUnit.SECONDS)).as("the locked row skipped, not waited for").isPositive();
            assertThat(status(free)).isEqualTo("FAILED");
            assertThat(status(locked)).isEqualTo("PROCESSING");
            assertThat(status(retried)).as("its try began a minute ago").isEqualTo("PROCESSING");
            release.countDown();
            holder.get(20, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            other.shutdownNow();
            jdbc.sql("DELETE FROM event_publication WHERE serialized_event LIKE :p").param("p", "%" + probe + "%").update();
        }
    }

    /**
     * A publication whose stored event no longer reads as its type (an upgrade changed it) is given up at once, and
     * the due one behind it is still handed back: Modulith's resubmission threw out of the whole batch on it, after
     * claiming it, run after run until its tries were used up.
     */
    @Test
    void anUnreadablePublicationIsGivenUpAtOnceAndDoesNotStopTheOnesBehindIt() throws Exception {
        String probe = UUID.randomUUID().toString();
        Instant published = clock.instant().minus(Duration.ofHours(1));
        String listenerId = new TransactionalApplicationListenerMethodAdapter("probe", ProbeListener.class,
                ProbeListener.class.getDeclaredMethod("on", ProbeListener.Probe.class)).getListenerId();
        UUID unreadable = insert(probe + "-unreadable", listenerId, published, published);
        UUID readable = insert(probe + "-readable", listenerId, published.plusSeconds(1), published.plusSeconds(1));
        try {
            jdbc.sql("UPDATE event_publication SET status = 'FAILED', serialized_event = :event WHERE id = :id")
                    .param("event", "not json " + probe + "-unreadable").param("id", unreadable).update();
            jdbc.sql("UPDATE event_publication SET status = 'FAILED' WHERE id = :id").param("id", readable).update();

            EventResubmission.Result run = job.run();
            assertThat(run.resubmitted()).contains(readable).doesNotContain(unreadable);
            await().atMost(WAIT).until(() -> row(probe + "-readable").isEmpty());
            assertThat(listener.finished(probe + "-readable")).isEqualTo(1);
            Row given = row(probe + "-unreadable").orElseThrow();
            assertThat(given.status()).isEqualTo("FAILED");
            assertThat(given.attempts()).as("given up, not claimed").isEqualTo(settings.maxAttempts());
            EventResubmission.Result next = job.run();
            assertThat(next.givenUp()).as("the next run reads it as given up, without reading its event").isPositive();
            assertThat(next.resubmitted()).doesNotContain(unreadable);
            assertThat(row(probe + "-unreadable").orElseThrow().attempts()).isEqualTo(settings.maxAttempts());
        } finally {
            jdbc.sql("DELETE FROM event_publication WHERE serialized_event LIKE :p").param("p", "%" + probe + "%").update();
        }
    }

    /**
     * A failed publication of an event class this version no longer has (renamed or removed) is given up: Modulith
     * skips such a row when it reads the failed ones, so it waited forever, counted as failed with tries left.
     */
    @Test
    void aPublicationOfARemovedEventTypeIsGivenUp() throws Exception {
        String probe = UUID.randomUUID().toString();
        Instant published = clock.instant().minus(Duration.ofHours(1));
        UUID gone = insert(probe, NO_LISTENER, published, published);
        try {
            jdbc.sql("UPDATE event_publication SET status = 'FAILED', event_type = :type WHERE id = :id")
                    .param("type", "org.gongjian.gone.RemovedEvent" + probe.substring(0, 8)).param("id", gone).update();
            job.run();
            Row given = row(probe).orElseThrow();
            assertThat(given.status()).isEqualTo("FAILED");
            assertThat(given.attempts()).isEqualTo(settings.maxAttempts());
            assertThat(job.run().resubmitted()).doesNotContain(gone);
        } finally {
            jdbc.sql("DELETE FROM event_publication WHERE serialized_event LIKE :p").param("p", "%" + probe + "%").update();
        }
    }

    /** A listener id no listener has: rows only the stale mark looks at. */
    private static final String NO_LISTENER = "no.such.Listener.on(java.lang.Object)";

    /** A publication some node recorded and is handling (PROCESSING), its current try begun at {@code lastTry}. */
    private UUID insert(String probe, String listenerId, Instant published, Instant lastTry) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO event_publication (id, event_type, listener_id, publication_date, serialized_event,
                                                       status, completion_attempts, last_resubmission_date)
                        VALUES (:id, :type, :listener, :at, :event, 'PROCESSING', 1, :last)""")
                .param("id", id).param("type", ProbeListener.Probe.class.getName()).param("listener", listenerId)
                .param("at", Timestamp.from(published))
                .param("event", "{\"id\":\"" + probe + "\"}").param("last", Timestamp.from(lastTry)).update();
        return id;
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM event_publication WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void aPublicationFailingEveryTryIsGivenUpAndShownToTheAdministrator() {
        String probe = UUID.randomUUID().toString();
        listener.failTimes(probe, Integer.MAX_VALUE);
        publish(probe);
        try {
            for (int attempt = 1; attempt < settings.maxAttempts(); attempt++) {
                int tried = attempt;
                await().atMost(WAIT).until(() -> listener.tries(probe) == tried
                        && row(probe).map(r -> r.status().equals("FAILED")).orElse(false));
                Row failed = row(probe).orElseThrow();
                assertThat(failed.attempts()).isEqualTo(attempt);
                clock.set(clock.instant().plus(settings.waitAfter(attempt)).minusSeconds(1));
                assertThat(job.run().resubmitted()).as("waits longer after each try").doesNotContain(failed.id());
                clock.set(clock.instant().plusSeconds(1));
                assertThat(job.run().resubmitted()).contains(failed.id());
            }
            await().atMost(WAIT).until(() -> listener.tries(probe) == settings.maxAttempts()
                    && row(probe).map(r -> r.status().equals("FAILED")).orElse(false));

            clock.set(clock.instant().plus(Duration.ofDays(1)));
            EventResubmission.Result run = job.run();
            assertThat(run.resubmitted()).doesNotContain(row(probe).orElseThrow().id());
            assertThat(run.givenUp()).isPositive();
            assertThat(listener.tries(probe)).isEqualTo(settings.maxAttempts());
            assertThat(listener.finished(probe)).isZero();
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(meters.get("gongjian.event.publications").tag("state", "given_up").gauge().value()).isPositive();
        } finally {
            jdbc.sql("DELETE FROM event_publication WHERE serialized_event LIKE :p").param("p", "%" + probe + "%").update();
        }
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    private void publish(String probe) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(new ProbeListener.Probe(probe)));
    }

    private record Row(UUID id, String status, int attempts) {}

    private Optional<Row> row(String probe) {
        return jdbc.sql("SELECT id, status, completion_attempts FROM event_publication WHERE serialized_event LIKE :p")
                .param("p", "%" + probe + "%")
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3))).optional();
    }
}
