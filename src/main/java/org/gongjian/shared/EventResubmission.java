package org.gongjian.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Retries after-commit module listeners (@ApplicationModuleListener) whose work failed, without waiting for a node to
 * restart: every minute, on one node of the cluster (ShedLock), through Spring Modulith's event publication registry
 * (table {@code event_publication}, schema v2: status, completion attempts, last resubmission date).
 * <ol>
 * <li>Stale: a publication still PUBLISHED, PROCESSING or RESUBMITTED whose current try started more than
 * {@code stale-after} ago is marked FAILED — its node crashed or was cut off at shutdown. Measured from the last try,
 * not from publication as Modulith's own staleness monitor does (that one would fail a resubmission still running
 * because its event is old, and runs unlocked on every node).</li>
 * <li>Resubmit: FAILED publications whose wait is over (doubling per try) and which have tries left go back to their
 * listener via {@link FailedEventPublications#resubmit}. Modulith claims each one first (status RESUBMITTED, attempts
 * + 1, only if no one else has), so two nodes never resubmit the same publication, and a publication in flight
 * (PUBLISHED, PROCESSING) is never touched until it is stale.</li>
 * </ol>
 * A publication that failed {@code max-attempts} times stays FAILED for an administrator: logged once as an error,
 * counted by {@link EventPublicationHealth}. The listeners handle a publication in one transaction of their own, so a
 * failed try leaves nothing behind and its retry sends nobody anything twice.
 */
@Component
public class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final FailedEventPublications failed;
    private final EventPublicationTable publications;
    private final EventResubmissionSettings settings;
    private final Clock clock;
    /** Given-up publications already logged by this node, so the error is logged once, not every minute. */
    private final Set<UUID> reported = new HashSet<>();

    EventResubmission(FailedEventPublications failed, EventPublicationTable publications,
                      EventResubmissionSettings settings, Clock clock) {
        this.failed = failed;
        this.publications = publications;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one run did: publications marked failed as stale, ids handed back to their listeners, ones given up. */
    public record Result(int markedStale, List<UUID> resubmitted, int givenUp) {}

    /** (Public: the bean is a ShedLock proxy when scheduling is on.) */
    @Scheduled(fixedDelayString = "${gongjian.events.resubmission.interval:PT1M}",
            initialDelayString = "${gongjian.events.resubmission.interval:PT1M}")
    @SchedulerLock(name = "events-resubmission", lockAtMostFor = "PT10M")
    public synchronized Result run() {
        Instant now = clock.instant();
        int stale = publications.markStaleFailed(now.minus(settings.staleAfter()));
        if (stale > 0) {
            log.warn("event publications: {} left unfinished for over {} (a node crashed or was stopped) marked failed",
                    stale, settings.staleAfter());
        }
        giveUpUnloadable();
        EventPublicationTable.Counts counts = publications.counts(settings.maxAttempts());
        List<UUID> resubmitted = new ArrayList<>();
        List<EventPublication> givenUp = new ArrayList<>();
        Map<UUID, String> unreadable = new LinkedHashMap<>();
        if (counts.failed() + counts.givenUp() > 0) {
            // Modulith reads FAILED rows oldest first up to the batch size and filters them here: the batch covers them
            // all (and the ones in flight it subtracts), so given-up or still-waiting ones can't crowd out due ones.
            int batch = counts.failed() + counts.givenUp() + counts.resubmitted() + 1;
            failed.resubmit(ResubmissionOptions.defaults()
                    .withMaxInFlight(settings.maxInFlight())
                    .withBatchSize(batch)
                    .withFilter(p -> {
                        if (p.getCompletionAttempts() >= settings.maxAttempts()) {
                            givenUp.add(p);
                            return false;
                        }
                        if (resubmitted.size() >= settings.perRun() || !due(p, now) || !readable(p, unreadable)) {
                            return false;
                        }
                        resubmitted.add(p.getIdentifier());
                        return true;
                    }));
        }
        giveUp(unreadable);
        report(givenUp, unreadable.keySet());
        if (!resubmitted.isEmpty()) {
            log.info("event publications: {} failed one(s) resubmitted", resubmitted.size());
        }
        return new Result(stale, resubmitted, counts.givenUp());
    }

    /**
     * Whether the stored event still reads as its type. Asked before Modulith claims a publication: when the event
     * cannot be read, Modulith's resubmission throws out of the whole batch after claiming it (its in-progress
     * bookkeeping reads the event again in its own error handling), so one such row stopped every due row behind it,
     * each run, until its tries ran out.
     */
    private static boolean readable(EventPublication publication, Map<UUID, String> unreadable) {
        try {
            publication.getEvent();
            return true;
        } catch (RuntimeException e) {
            unreadable.put(publication.getIdentifier(), String.valueOf(e.getMessage()));
            return false;
        }
    }

    /**
     * Unreadable publications are given up at once: no retry can read them either. Logged here; the next runs find
     * them among the given-up ones, already reported.
     */
    private void giveUp(Map<UUID, String> unreadable) {
        if (unreadable.isEmpty()) {
            return;
        }
        publications.giveUp(unreadable.keySet(), settings.maxAttempts());
        unreadable.forEach((id, error) -> log.error("event publication {} cannot be read as its event type and is no"
                + " longer retried: {}; see docs/operations.md (event publications)", id, error));
    }

    /**
     * FAILED publications of an event type that no longer exists (renamed or removed by an upgrade) are given up:
     * Modulith skips a row whose class does not load (with a warning), so they would otherwise wait forever, counted
     * as failed with tries left.
     */
    private void giveUpUnloadable() {
        for (String type : publications.failedEventTypes(settings.maxAttempts())) {
            if (!ClassUtils.isPresent(type, getClass().getClassLoader())) {
                int rows = publications.giveUpType(type, settings.maxAttempts());
                log.error("{} event publication(s) of {}, a class this version does not have, are no longer retried;"
                        + " see docs/operations.md (event publications)", rows, type);
            }
        }
    }

    private boolean due(EventPublication publication, Instant now) {
        Instant last = publication.getLastResubmissionDate() != null
                ? publication.getLastResubmissionDate() : publication.getPublicationDate();
        return !last.plus(settings.waitAfter(publication.getCompletionAttempts())).isAfter(now);
    }

    /**
     * Logs each newly given-up publication once. Never reads the event: one that cannot be read is given up too, and
     * reading it here threw out of every later run.
     */
    private void report(List<EventPublication> givenUp, Set<UUID> alreadyLogged) {
        Set<UUID> current = new HashSet<>(alreadyLogged);
        for (EventPublication publication : givenUp) {
            current.add(publication.getIdentifier());
            if (!reported.contains(publication.getIdentifier()) && !alreadyLogged.contains(publication.getIdentifier())) {
                log.error("event publication {} (published {}) failed {} times and is no longer retried;"
                                + " see /admin/events and docs/operations.md (event publications)",
                        publication.getIdentifier(), publication.getPublicationDate(), publication.getCompletionAttempts());
            }
        }
        reported.retainAll(current);
        reported.addAll(current);
    }
}
