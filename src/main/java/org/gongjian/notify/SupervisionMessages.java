package org.gongjian.notify;

import java.util.EnumSet;

import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.supervision.NoticeClosed;
import org.gongjian.supervision.NoticeIssued;
import org.gongjian.supervision.NoticeResponded;
import org.gongjian.supervision.ReportDueSoon;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Supervision's messages: a notice to the unit's head and liaisons, the group robots and (from 督办 on) the lead
 * leader; a response to the office; a closing to the unit; a deadline reminder to the liaisons. Written in the
 * supervising transaction, like every message.
 */
@Component
class SupervisionMessages {

    private final Notifications notifications;
    private final UserService users;

    SupervisionMessages(Notifications notifications, UserService users) {
        this.notifications = notifications;
        this.users = users;
    }

    @EventListener
    void on(NoticeIssued notice) {
        NotificationKind kind = notice.escalatedFromId() == null ? NotificationKind.NOTICE : NotificationKind.ESCALATION;
        String title = "【" + notice.level().label() + "】" + notice.taskTitle();
        String body = notice.requirement() + "\n反馈期限：" + notice.responseDue() + "（" + notice.unitName() + "）";
        notifications.toUnit(notice.unitId(), EnumSet.of(Role.UNIT_HEAD, Role.LIAISON), kind, title, body, notice.link());
        if (notice.leaderPersonId() != null) {
            notifications.toUsers(users.userIdsOfPerson(notice.leaderPersonId()), kind, title, body, notice.link());
        }
        notifications.toGroups(kind, title + "（" + notice.unitName() + "）", body, notice.link());
    }

    @EventListener
    void on(NoticeResponded response) {
        notifications.toUnit(response.officeUnitId(), EnumSet.of(Role.SUPERVISOR), NotificationKind.NOTICE,
                response.unitName() + "已反馈" + response.level().label() + "单：" + response.taskTitle(), response.text(),
                response.link());
    }

    @EventListener
    void on(NoticeClosed closed) {
        notifications.toUnit(closed.unitId(), EnumSet.of(Role.UNIT_HEAD, Role.LIAISON), NotificationKind.NOTICE,
                closed.level().label() + "单已办结：" + closed.taskTitle(), closed.note().isEmpty() ? "督查室已办结" : closed.note(),
                closed.link());
    }

    @EventListener
    void on(ReportDueSoon due) {
        notifications.toUnit(due.unitId(), EnumSet.of(Role.LIAISON), NotificationKind.DEADLINE,
                due.periodName() + "进度待报送：" + due.taskTitle(),
                "“" + due.taskTitle() + "”" + due.periodName() + "的进度报告须在" + due.deadline() + "前报送，目前尚未提交。",
                "/tasks/" + due.taskId());
    }
}
