package org.gongjian.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gongjian.events.resubmission.*}: how {@link EventResubmission} retries after-commit listener work that failed.
 *
 * @param firstRetryAfter a failed publication is tried again once its last try started this long ago; each further
 *                        wait doubles (1, 2, 4, 8, 16 minutes by default)
 * @param maxAttempts     tries in all, the first included; a publication that failed this many times is left for an
 *                        administrator (health DOWN, metric {@code gongjian.event.publications{state="given_up"}})
 * @param staleAfter      a publication published, processing or resubmitted this long ago whose node never reported
 *                        back (it crashed, or its shutdown cut the listener off) counts as failed. Far above a
 *                        listener's run (a 250-change chunk takes well under a second), so work still running on
 *                        another node is not started a second time
 * @param perRun          at most this many resubmissions per run
 * @param maxInFlight     no new resubmissions while this many are still running
 */
@ConfigurationProperties("gongjian.events.resubmission")
public record EventResubmissionSettings(@DefaultValue("PT1M") Duration firstRetryAfter,
                                        @DefaultValue("6") int maxAttempts,
                                        @DefaultValue("PT15M") Duration staleAfter,
                                        @DefaultValue("100") int perRun,
                                        @DefaultValue("100") int maxInFlight) {

    public EventResubmissionSettings {
        if (maxAttempts < 1 || perRun < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("gongjian.events.resubmission: max-attempts, per-run and max-in-flight must be at least 1");
        }
    }

    /** How long after the start of try {@code attempts} the next one is due: firstRetryAfter doubled per earlier try. */
    Duration waitAfter(int attempts) {
        return firstRetryAfter.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
    }
}
