package org.gongjian.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests move by hand: time-driven rules are tested by moving time, never by waiting. */
public class MutableClock extends Clock {

    public static final Instant START = Instant.parse("2026-06-15T02:00:00Z");

    private volatile Instant now = START;
    private final ZoneId zone;

    /** The clock of the running test application, for test code that has no Spring context (TOTP codes). */
    private static volatile MutableClock latest;

    public MutableClock(ZoneId zone) {
        this(zone, true);
    }

    private MutableClock(ZoneId zone, boolean theApplications) {
        this.zone = zone;
        if (theApplications) {
            latest = this;
        }
    }

    /** The test application's clock, or the real one when no test application has started. */
    public static Clock current() {
        MutableClock clock = latest;
        return clock == null ? Clock.systemUTC() : clock;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    public void advance(Duration duration) {
        this.now = now.plus(duration);
    }

    public void reset() {
        this.now = START;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // A frozen copy in another zone: it must not become "the application's clock" for TOTP codes.
        MutableClock clock = new MutableClock(zone, false);
        clock.set(now);
        return clock;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
