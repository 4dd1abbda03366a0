package org.gongjian.notify;

import java.util.EnumSet;

import org.gongjian.identity.Role;
import org.gongjian.shared.PublicationClaims;
import org.gongjian.supervision.LightChanged;
import org.gongjian.supervision.LightsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * 亮红灯: when a task turns red, its lead unit's head and liaisons hear of it with the reasons, so they act before the
 * office's 催办 comes. After commit, asynchronously, in its own transaction (an @ApplicationModuleListener): a message
 * is not part of the evaluation that lit the task, and a daily run that turns a hundred tasks red must not be held up
 * or rolled back by them. The event publication registry (table event_publication) records each event in the evaluating
 * transaction and marks it complete when this listener succeeds; what fails, or what a crash leaves unfinished, is
 * handed back to it by the resubmission job ({@code shared.EventResubmission}). Each handling first claims its
 * publication ({@link PublicationClaims}) in the transaction that writes the messages, so a publication is told once
 * even when it is handled twice (its node died after the messages committed; a try outlived the staleness limit).
 */
@Component
class LightMessages {

    private static final Logger log = LoggerFactory.getLogger(LightMessages.class);

    private final Notifications notifications;
    private final PublicationClaims claims;

    LightMessages(Notifications notifications, PublicationClaims claims) {
        this.notifications = notifications;
        this.claims = claims;
    }

    @ApplicationModuleListener
    void on(LightChanged changed) {
        if (claimed(changed) && changed.turnedRed()) {
            send(changed);
        }
    }

    /**
     * A chunk of a large evaluation's changes, in one transaction: should one message fail, none of the chunk's is kept
     * and the whole chunk is republished, so a retry sends nobody a message twice (the inbox and the delivery outbox
     * are written in this transaction; nothing leaves before it commits). The price: the chunk's other messages wait
     * for that retry.
     */
    @ApplicationModuleListener
    void on(LightsChanged changed) {
        if (claimed(changed)) {
            changed.changes().stream().filter(LightChanged::turnedRed).forEach(this::send);
        }
    }

    /** This try's claim on the publication, taken with the messages: a second try of the same publication sends nothing. */
    private boolean claimed(Object event) {
        if (claims.claim(event, LightMessages.class)) {
            return true;
        }
        log.info("{} already handled by another try: no messages sent again", event.getClass().getSimpleName());
        return false;
    }

    private void send(LightChanged changed) {
        notifications.toUnit(changed.leadUnitId(), EnumSet.of(Role.UNIT_HEAD, Role.LIAISON), NotificationKind.LIGHT,
                "任务亮红灯：" + changed.taskTitle(),
                changed.asOf() + "起亮红灯。原因：" + String.join("；", changed.reasons()), "/tasks/" + changed.taskId());
    }
}
