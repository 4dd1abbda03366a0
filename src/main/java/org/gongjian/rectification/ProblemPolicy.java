package org.gongjian.rectification;

import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what with a problem, as named rules (the {@link Problem} aggregate enforces them; pages ask them which
 * buttons to show). The caller has already found the problem inside the user's data scope.
 */
final class ProblemPolicy {

    /** The default of a campaign without its own setting: the unit head may sign off 一般 self-inspection problems. */
    static final Severity DEFAULT_UNIT_HEAD_MAX = Severity.MINOR;

    private ProblemPolicy() {
    }

    /** The office (督查室) records findings from above, accepts evidence, signs off and reopens any problem. */
    static boolean isOffice(CurrentUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
    }

    static boolean isUnit(CurrentUser user) {
        return user.has(Role.LIAISON) || user.has(Role.UNIT_HEAD);
    }

    /** A unit records what it found itself (自查, 考察学习, 群众反映); findings from above are the office's. */
    static boolean mayRecord(CurrentUser user, ProblemSource source) {
        return isOffice(user) || isUnit(user) && !source.fromAbove();
    }

    /** Measures are planned by the unit or the office, while the problem is not signed off. */
    static boolean mayPlan(CurrentUser user, ProblemStatus status) {
        return status.editable() && (isOffice(user) || isUnit(user));
    }

    /** The unit (its liaison or head) reports progress. */
    static boolean mayReport(CurrentUser user, ProblemStatus status) {
        return status.editable() && (isUnit(user) || user.has(Role.ADMIN));
    }

    /**
     * Sign-off rights (销号): the office always; the head of the problem's own unit for its self-inspection problems
     * no more severe than the campaign allows. The same people accept evidence and reopen.
     */
    static boolean signs(CurrentUser user, ProblemView p, Severity unitHeadMax) {
        if (isOffice(user)) {
            return true;
        }
        return user.has(Role.UNIT_HEAD) && user.scopeUnitId() != null && user.scopeUnitId() == p.unitId()
                && p.source() == ProblemSource.SELF && p.severity().compareTo(unitHeadMax) <= 0;
    }

    static boolean maySignOff(CurrentUser user, ProblemView p, Severity unitHeadMax) {
        return p.status().editable() && p.allMeasuresDone() && signs(user, p, unitHeadMax);
    }

    static boolean mayReopen(CurrentUser user, ProblemView p, Severity unitHeadMax) {
        return p.status() == ProblemStatus.SIGNED_OFF && signs(user, p, unitHeadMax);
    }

    /** Evidence is accepted by those who sign off, never by the one who reported it (双人把关). */
    static boolean mayJudge(CurrentUser user, ProblemView p, MeasureView.Progress progress, Severity unitHeadMax) {
        return p.status().editable() && progress.pending() && signs(user, p, unitHeadMax)
                && !isOwn(user, progress.reportedBy());
    }

    static boolean isOwn(CurrentUser user, @Nullable String reportedBy) {
        return user.getUsername().equals(reportedBy);
    }
}
