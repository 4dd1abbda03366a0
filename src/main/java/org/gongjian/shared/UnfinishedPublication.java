package org.gongjian.shared;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One unfinished after-commit publication (table {@code event_publication}) as the administrator's page shows it:
 * which event, which listener, when, and where it stands. The serialized event is left out: it can be large, and the
 * page names the task it concerns no better. Public for the page's template.
 */
public record UnfinishedPublication(UUID id, String eventType, String listenerId, Instant published, @Nullable String status,
                                    int attempts, @Nullable Instant lastTry) {

    /** Where an unfinished publication stands, as the page says it (messages {@code events.state.*}). */
    public enum State { GIVEN_UP, WAITING, RESUBMITTED, IN_FLIGHT }

    /** The event's class without its package or enclosing class: LightChanged. */
    public String eventName() {
        return eventType.substring(Math.max(eventType.lastIndexOf('.'), eventType.lastIndexOf('$')) + 1);
    }

    /** The listener's class and method without packages or parameters: LightMessages.on. */
    public String listenerName() {
        String method = listenerId.contains("(") ? listenerId.substring(0, listenerId.indexOf('(')) : listenerId;
        int methodDot = method.lastIndexOf('.');
        int classDot = methodDot > 0 ? Math.max(method.lastIndexOf('.', methodDot - 1), method.lastIndexOf('$', methodDot - 1)) : -1;
        return method.substring(classDot + 1);
    }

    public State state(int maxAttempts) {
        if (status == null) {
            return State.IN_FLIGHT; // Modulith's v2 rows always have one; its queries still allow none
        }
        return switch (status) {
            case "FAILED" -> attempts >= maxAttempts ? State.GIVEN_UP : State.WAITING;
            case "RESUBMITTED" -> State.RESUBMITTED;
            default -> State.IN_FLIGHT;
        };
    }
}
