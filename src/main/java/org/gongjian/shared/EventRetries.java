package org.gongjian.shared;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.ClassUtils;

/**
 * An administrator's 重新处理 of a failed after-commit publication (page /admin/events). It does not hand the
 * publication to its listener itself: it re-arms the row for the scheduled {@link EventResubmission}, the one
 * resubmitter of the cluster (ShedLock), so a click can neither race that job or another node's click into a second
 * dispatch, nor be refused because other publications are in flight. The re-arm and its audit line commit together.
 */
@Component
public class EventRetries {

    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    /** What the click did. */
    public enum Outcome { SCHEDULED, NOT_FAILED, UNREADABLE }

    private final EventPublicationTable publications;
    private final EventResubmissionSettings settings;
    private final EventSerializer serializer;
    private final ApplicationEventPublisher events;

    EventRetries(EventPublicationTable publications, EventResubmissionSettings settings, EventSerializer serializer,
                 ApplicationEventPublisher events) {
        this.publications = publications;
        this.settings = settings;
        this.serializer = serializer;
        this.events = events;
    }

    /**
     * SCHEDULED: the next run of the job (within {@code gongjian.events.resubmission.interval}) hands it back;
     * NOT_FAILED: it is running or being retried now; UNREADABLE: its stored event no longer reads as its type (an
     * upgrade changed or removed the event), so no retry could handle it — left as it is, the reason logged.
     *
     * @throws NotFound when the publication is finished (deleted) or never existed
     */
    @Transactional
    public Outcome request(UUID id) {
        UnfinishedPublication before = publications.unfinished(id).orElseThrow(() -> new NotFound("event", id));
        if (!"FAILED".equals(before.status())) {
            return Outcome.NOT_FAILED;
        }
        if (!readable(before)) {
            return Outcome.UNREADABLE;
        }
        if (!publications.rearm(id, settings.maxAttempts())) {
            return Outcome.NOT_FAILED;
        }
        events.publishEvent(new AuditableChange("event.retry", "event", id.toString(),
                Map.of("event", before.eventName(), "status", before.status(), "attempts", before.attempts()),
                Map.of("event", before.eventName(), "status", before.status(),
                        "attempts", Math.min(before.attempts(), settings.maxAttempts() - 1))));
        return Outcome.SCHEDULED;
    }

    private boolean readable(UnfinishedPublication publication) {
        try {
            Class<?> type = ClassUtils.forName(publication.eventType(), getClass().getClassLoader());
            serializer.deserialize(publications.serializedEvent(publication.id()).orElseThrow(), type);
            return true;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            log.warn("event publication {} cannot be read as {}: {}", publication.id(), publication.eventType(), e.toString());
            return false;
        }
    }
}
