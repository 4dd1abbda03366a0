package org.gongjian.supervision;

import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;

/**
 * Who may do what with a supervision notice (督办单), as named rules: NoticeService enforces them, the notice page asks
 * them which actions to offer. The caller has already found the notice inside the user's data scope.
 */
final class NoticePolicy {

    private NoticePolicy() {
    }

    /** Still waiting for the unit or the office: open, or answered and not yet closed. */
    static boolean isActive(NoticeView notice) {
        return notice.status() == NoticeStatus.OPEN || notice.status() == NoticeStatus.RESPONDED;
    }

    /** The office (督查室) issues, closes and escalates. */
    static boolean isOffice(CurrentUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
    }

    /** The addressed unit's liaison or head answers, and from 督办 on the lead leader the notice names. */
    static boolean mayAnswer(CurrentUser user, NoticeView notice) {
        boolean leader = user.personId() != null && user.personId().equals(notice.leaderPersonId());
        return user.has(Role.LIAISON) || user.has(Role.UNIT_HEAD) || leader;
    }

    static boolean mayRespond(CurrentUser user, NoticeView notice) {
        return isActive(notice) && mayAnswer(user, notice);
    }

    /** Closing (办结) needs the unit's answer first. */
    static boolean mayClose(CurrentUser user, NoticeView notice) {
        return isOffice(user) && notice.status() == NoticeStatus.RESPONDED;
    }

    /** 问责 is the top of the ladder. */
    static boolean mayEscalate(CurrentUser user, NoticeView notice) {
        return isOffice(user) && isActive(notice) && notice.level().next() != null;
    }
}
