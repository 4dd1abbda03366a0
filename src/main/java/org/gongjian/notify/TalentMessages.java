package org.gongjian.notify;

import java.util.EnumSet;

import org.gongjian.identity.Role;
import org.gongjian.talent.Rating;
import org.gongjian.talent.TalentRequestDueSoon;
import org.gongjian.talent.TalentRequestOverdue;
import org.gongjian.talent.TalentRequestRated;
import org.gongjian.talent.TalentRequestRouted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Messages of the talent service desk: a routed request reaches the delivering unit's head and liaisons; a request due
 * tomorrow reminds them; an overdue one urges them (催办) and tells the talent's office; a 不满意 rating tells the unit
 * and the office, which reviews it.
 */
@Component
class TalentMessages {

    private static final EnumSet<Role> UNIT = EnumSet.of(Role.UNIT_HEAD, Role.LIAISON);
    private static final EnumSet<Role> OFFICE = EnumSet.of(Role.TALENT_OFFICE);

    private final Notifications notifications;

    TalentMessages(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(TalentRequestRouted routed) {
        var r = routed.request();
        notifications.toUnit(r.unitId(), UNIT, NotificationKind.TALENT, "人才服务事项待办理：" + r.policyName(),
                r.talentName() + "申请“" + r.policyName() + "”，承诺" + routed.promisedDays() + "个工作日内办结，期限 "
                        + r.dueOn() + "。", r.link());
    }

    @EventListener
    void on(TalentRequestDueSoon due) {
        var r = due.request();
        notifications.toUnit(r.unitId(), UNIT, NotificationKind.TALENT, "人才服务事项即将到期：" + r.policyName(),
                r.talentName() + "的“" + r.policyName() + "”将于 " + r.dueOn() + " 到期，请按期办结。", r.link());
    }

    @EventListener
    void on(TalentRequestOverdue overdue) {
        var r = overdue.request();
        String body = r.talentName() + "的“" + r.policyName() + "”已超过办理期限（" + r.dueOn() + "）"
                + overdue.workingDaysLate() + "个工作日，已亮红灯，请立即办理并反馈。";
        notifications.toUnit(r.unitId(), UNIT, NotificationKind.TALENT, "【催办】人才服务事项逾期：" + r.policyName(), body, r.link());
        notifications.toUnit(r.officeUnitId(), OFFICE, NotificationKind.TALENT, "人才服务事项逾期：" + r.policyName(), body, r.link());
    }

    @EventListener
    void on(TalentRequestRated rated) {
        if (rated.rating() != Rating.DISSATISFIED) {
            return;
        }
        var r = rated.request();
        String body = r.talentName() + "对“" + r.policyName() + "”的办理不满意：" + rated.comment();
        notifications.toUnit(r.unitId(), UNIT, NotificationKind.TALENT, "人才服务事项评价不满意：" + r.policyName(), body, r.link());
        notifications.toUnit(r.officeUnitId(), OFFICE, NotificationKind.TALENT, "不满意评价待复核：" + r.policyName(), body, r.link());
    }
}
