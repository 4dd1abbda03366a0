package org.gongjian.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anchors the chain heads every day at 00:10 (campaign zone), once per cluster. The same method runs when a node
 * starts ({@link IntegrityCatchUpOnStart}): if the newest anchor is older than the last 00:10, the anchor that was
 * due is made now. Missed days are not replayed one line each — the heads of a past day can't be known any more,
 * and a line per day with the same heads would say nothing — but one line is made now and names the days whose
 * 00:10 went by without an anchor ({@link Anchor#missed()}), so the gap is on the record and signed.
 */
@Component
public class IntegrityDailyJob {

    /** The daily anchor's time of day. */
    static final LocalTime DUE_AT = LocalTime.of(0, 10);
    /** A run this soon after its 00:10 is the day's own run, not a catch-up of it (the lock's longest hold). */
    static final Duration ON_TIME = Duration.ofMinutes(30);

    private final IntegrityService integrity;
    private final Clock clock;
    private final ZoneId zone;

    IntegrityDailyJob(IntegrityService integrity, Clock clock,
                      @Value("${gongjian.clock.zone:Asia/Shanghai}") String zone) {
        this.integrity = integrity;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * The daily anchor, or the catch-up of a missed one: anchors now unless an anchor (daily, catch-up or on demand)
     * was made since the last 00:10; returns the new anchor, or null when none was due.
     * (Public: the bean is a ShedLock proxy when scheduling is on.)
     */
    @Scheduled(cron = "0 10 0 * * *", zone = "${gongjian.clock.zone:Asia/Shanghai}")
    @SchedulerLock(name = "integrity-daily-anchor", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public @Nullable Anchor catchUp() {
        ZonedDateTime now = clock.instant().atZone(zone);
        ZonedDateTime due = now.toLocalDate().atTime(DUE_AT).atZone(zone);
        if (now.isBefore(due)) {
            due = due.minusDays(1);
        }
        List<Anchor> anchors = integrity.anchors();
        Instant last = anchors.isEmpty() ? null : anchors.get(0).at();
        if (last != null && !last.isBefore(due.toInstant())) {
            return null;
        }
        return integrity.anchorNow("system", missedDays(last, due, now.toInstant()));
    }

    /**
     * The days whose 00:10 came after the last anchor and is more than {@link #ON_TIME} ago. With no anchor at all
     * there is nothing to have missed (a new installation anchors for the first time).
     */
    private List<String> missedDays(@Nullable Instant last, ZonedDateTime due, Instant now) {
        List<String> missed = new ArrayList<>();
        if (last == null) {
            return missed;
        }
        ZonedDateTime first = last.atZone(zone).toLocalDate().atTime(DUE_AT).atZone(zone);
        if (!first.toInstant().isAfter(last)) {
            first = first.plusDays(1);
        }
        for (ZonedDateTime d = first; !d.isAfter(due); d = d.plusDays(1)) {
            if (d.toInstant().plus(ON_TIME).isBefore(now)) {
                missed.add(LocalDate.from(d).toString());
            }
        }
        return missed;
    }
}
