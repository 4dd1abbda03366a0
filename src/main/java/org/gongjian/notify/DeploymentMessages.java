package org.gongjian.notify;

import org.gongjian.deployment.PresenceShortfall;
import org.gongjian.identity.UserService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** 下沉: a cadre short of days on site near the month's end is reminded in the inbox (and by mail when configured). */
@Component
class DeploymentMessages {

    private final Notifications notifications;
    private final UserService users;

    DeploymentMessages(Notifications notifications, UserService users) {
        this.notifications = notifications;
        this.users = users;
    }

    @EventListener
    void on(PresenceShortfall s) {
        String body = s.month().getMonthValue() + "月您在" + s.siteName() + "已记录在岗" + s.days() + "天，按规定应在岗"
                + s.required() + "天，还差" + (s.required() - s.days()) + "天；本月还剩" + s.remainingDays()
                + "天。请按时驻点并填写工作日志。";
        notifications.toUsers(users.userIdsOfPerson(s.personId()), NotificationKind.PRESENCE,
                "在岗天数提醒：" + s.month(), body, s.link());
    }
}
