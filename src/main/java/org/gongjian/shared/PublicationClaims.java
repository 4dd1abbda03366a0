package org.gongjian.shared;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Makes an after-commit listener's work exactly-once: the listener first takes its publication's row out of
 * {@code event_publication} in its own transaction, so the row goes if and only if the work commits. Spring Modulith
 * deletes the row only after the listener's transaction, in another one, which leaves two ways to do the work twice:
 * a node dying between the two (its row is later resubmitted), and a try that runs past
 * {@code gongjian.events.resubmission.stale-after} (resubmitted while it still runs). With the claim, the second
 * try finds no row — or waits on the first's lock and then finds none — and does nothing.
 */
@Component
public class PublicationClaims {

    private final JdbcClient jdbc;
    private final EventSerializer serializer;
    private final Map<String, String> listenerIds = new ConcurrentHashMap<>();

    PublicationClaims(JdbcClient jdbc, EventSerializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * Takes the oldest publication of {@code event} to {@code listener}'s method for that event type out of the table;
     * false when there is none (another try did the work, or is doing it). Call first thing in the listener, which
     * must do nothing when this is false.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(Object event, Class<?> listener) {
        return jdbc.sql("""
                        DELETE FROM event_publication WHERE id = (
                          SELECT id FROM event_publication WHERE listener_id = :listener AND serialized_event = :event
                          ORDER BY publication_date FETCH FIRST 1 ROW ONLY)""")
                .param("listener", listenerId(listener, event.getClass()))
                .param("event", serializer.serialize(event).toString())
                .update() == 1;
    }

    /** The id Modulith records for the listener method: the same lookup as its CompletionRegisteringAdvisor's. */
    private String listenerId(Class<?> listener, Class<?> eventType) {
        return listenerIds.computeIfAbsent(listener.getName() + "#" + eventType.getName(), key -> {
            Method method = Arrays.stream(listener.getDeclaredMethods())
                    .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0].equals(eventType))
                    .filter(m -> AnnotatedElementUtils.hasAnnotation(m, TransactionalEventListener.class))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(listener.getName()
                            + " has no after-commit listener method for " + eventType.getName()));
            return new TransactionalApplicationListenerMethodAdapter("claim", listener, method).getListenerId();
        });
    }
}
