package org.gongjian.notify;

import java.util.EnumSet;

import org.gongjian.campaign.InstructionIssued;
import org.gongjian.identity.Role;
import org.gongjian.pledge.PledgeSigned;
import org.gongjian.pledge.SignatureRole;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Messages about the task list and pledges: a leader's instruction (批示) reaches the lead unit's head and liaisons, who
 * must acknowledge and answer it; a unit head's signature on a pledge tells the issuing unit's leaders it awaits their
 * countersignature, and the countersignature tells the unit its pledge is binding.
 */
@Component
class WorkMessages {

    private final Notifications notifications;

    WorkMessages(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(InstructionIssued instruction) {
        notifications.toUnit(instruction.leadUnitId(), EnumSet.of(Role.UNIT_HEAD, Role.LIAISON), NotificationKind.INSTRUCTION,
                "领导批示：" + instruction.taskTitle(), instruction.authorName() + "批示：" + instruction.text()
                        + "\n请签收并答复。", instruction.link());
    }

    @EventListener
    void on(PledgeSigned signed) {
        if (signed.role() == SignatureRole.SIGNATORY) {
            notifications.toUnit(signed.issuerUnitId(), EnumSet.of(Role.LEADER), NotificationKind.PLEDGE,
                    "军令状待会签：" + signed.unitName(), signed.unitName() + "负责人已签署第" + signed.version()
                            + "版军令状，请审阅后会签。", signed.link());
        } else {
            notifications.toUnit(signed.unitId(), EnumSet.of(Role.UNIT_HEAD, Role.LIAISON), NotificationKind.PLEDGE,
                    "军令状已生效：" + signed.unitName(), "第" + signed.version() + "版军令状已由发令方会签，正式生效。",
                    signed.link());
        }
    }
}
