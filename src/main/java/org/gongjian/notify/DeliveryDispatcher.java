package org.gongjian.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, after the business transactions that wrote it have committed. A failed send is
 * tried again after 1, 5, 30 and 120 minutes; the fifth failure marks it FAILED for an administrator to look at
 * ({@code /admin/deliveries}). Runs on one node of the cluster at a time (ShedLock).
 */
@Component
class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    /** Waits after the 1st, 2nd, 3rd and 4th failed attempt; the 5th failure is final. */
    static final List<Duration> BACK_OFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofMinutes(120));
    static final int MAX_ATTEMPTS = BACK_OFF.size() + 1;
    static final int BATCH = 100;

    private final NotificationStore store;
    private final EmailSender email;
    private final RobotSender robots;
    private final Clock clock;

    DeliveryDispatcher(NotificationStore store, EmailSender email, RobotSender robots, Clock clock) {
        this.store = store;
        this.email = email;
        this.robots = robots;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gongjian.notify.dispatch-interval:PT30S}",
            initialDelayString = "${gongjian.notify.dispatch-interval:PT30S}")
    @SchedulerLock(name = "notify.dispatch", lockAtMostFor = "PT10M")
    public void scheduled() {
        dispatch();
    }

    /** Attempts every delivery that is due; returns how many went out. (Public: the bean may be a ShedLock proxy.) */
    public int dispatch() {
        int sent = 0;
        for (DeliveryView delivery : store.due(clock.instant(), BATCH)) {
            if (attempt(delivery)) {
                sent++;
            }
        }
        return sent;
    }

    /** Puts a FAILED (or pending) delivery back in the queue with a fresh round of attempts and tries it now. */
    public boolean retry(long id) {
        if (store.requeue(id, clock.instant()) == 0) {
            return false;
        }
        return store.delivery(id).map(this::attempt).orElse(false);
    }

    private boolean attempt(DeliveryView delivery) {
        int attempts = delivery.attempts() + 1;
        try {
            switch (delivery.channel()) {
                case EMAIL -> email.send(delivery);
                case DINGTALK, WECOM -> robots.send(delivery);
            }
            store.markSent(delivery.id(), attempts, clock.instant());
            return true;
        } catch (RuntimeException e) {
            String error = e instanceof DeliveryFailure ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            error = error == null ? "未知错误" : error.length() > 1000 ? error.substring(0, 1000) : error;
            Instant now = clock.instant();
            if (attempts >= MAX_ATTEMPTS) {
                store.markFailedAttempt(delivery.id(), attempts, DeliveryStatus.FAILED, now, error);
                log.warn("Delivery {} ({} to {}) failed for good after {} attempts: {}", delivery.id(),
                        delivery.channel(), delivery.target(), attempts, error);
            } else {
                store.markFailedAttempt(delivery.id(), attempts, DeliveryStatus.PENDING,
                        now.plus(BACK_OFF.get(attempts - 1)), error);
                log.info("Delivery {} ({}) attempt {} failed, next in {}: {}", delivery.id(), delivery.channel(),
                        attempts, BACK_OFF.get(attempts - 1), error);
            }
            return false;
        }
    }
}
