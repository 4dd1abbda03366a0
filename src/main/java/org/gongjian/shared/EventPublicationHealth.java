package org.gongjian.shared;

import java.util.function.ToIntFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * After-commit listener work an administrator must look at: health {@code eventPublications} is DOWN while a
 * publication has used up its tries ({@link EventResubmission}), and the gauge {@code gongjian.event.publications}
 * counts unfinished publications by state (in_flight, resubmitted, failed = will be retried, given_up) for an alert
 * in Prometheus. Neither is part of the liveness or readiness probes: a stuck message is no reason to restart a node or
 * take it out of service.
 */
@Component("eventPublications")
class EventPublicationHealth implements HealthIndicator, MeterBinder {

    private final EventPublicationTable table;
    private final EventResubmissionSettings settings;

    EventPublicationHealth(EventPublicationTable table, EventResubmissionSettings settings) {
        this.table = table;
        this.settings = settings;
    }

    @Override
    public Health health() {
        EventPublicationTable.Counts counts = table.counts(settings.maxAttempts());
        Health.Builder health = counts.givenUp() > 0 ? Health.down() : Health.up();
        return health.withDetail("inFlight", counts.inFlight()).withDetail("resubmitted", counts.resubmitted())
                .withDetail("failed", counts.failed()).withDetail("givenUp", counts.givenUp()).build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "in_flight", EventPublicationTable.Counts::inFlight, "published or being handled");
        gauge(registry, "resubmitted", EventPublicationTable.Counts::resubmitted, "handed back to their listener, not finished yet");
        gauge(registry, "failed", EventPublicationTable.Counts::failed, "failed, to be retried");
        gauge(registry, "given_up", EventPublicationTable.Counts::givenUp, "failed on every try; an administrator must look");
    }

    private void gauge(MeterRegistry registry, String state, ToIntFunction<EventPublicationTable.Counts> count,
                       String description) {
        Gauge.builder("gongjian.event.publications", table, t -> count.applyAsInt(t.counts(settings.maxAttempts())))
                .tag("state", state)
                .description("Unfinished event publications (after-commit listener work): " + description)
                .register(registry);
    }
}
