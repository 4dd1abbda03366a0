package org.gongjian.report;

import java.util.EnumSet;
import java.util.Set;

import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what with a progress report, as named rules (the report aggregate enforces them; pages ask them which
 * buttons to show). The caller has already found the report inside the user's data scope.
 */
final class ReportPolicy {

    private static final Set<Role> REPORTERS = EnumSet.of(Role.LIAISON, Role.UNIT_HEAD, Role.ADMIN);

    private ReportPolicy() {
    }

    /** The lead unit's liaison or head (or an admin) fills, submits and corrects its reports. */
    static boolean isReporter(CurrentUser user) {
        return REPORTERS.stream().anyMatch(user::has);
    }

    /** A reviewer at some stage: the unit head, the office (督查室), an admin. */
    static boolean isReviewer(CurrentUser user) {
        return user.has(Role.UNIT_HEAD) || user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
    }

    static boolean mayEdit(CurrentUser user, ReportStatus status) {
        return isReporter(user) && status.editable();
    }

    static boolean mayCorrect(CurrentUser user, ReportStatus status) {
        return isReporter(user) && status == ReportStatus.APPROVED;
    }

    /** The role of the stage the report waits at: the unit head, then the office. */
    static boolean reviewsStage(CurrentUser user, @Nullable ReviewStage stage) {
        return stage == ReviewStage.UNIT_HEAD ? user.has(Role.UNIT_HEAD) || user.has(Role.ADMIN)
                : stage == ReviewStage.OFFICE && (user.has(Role.SUPERVISOR) || user.has(Role.ADMIN));
    }

    /** Nobody reviews what they submitted themselves (双人审核). */
    static boolean isOwnSubmission(CurrentUser user, @Nullable String submittedBy) {
        return user.getUsername().equals(submittedBy);
    }

    static boolean mayReview(CurrentUser user, ReportStatus status, @Nullable ReviewStage stage, @Nullable String submittedBy) {
        return status == ReportStatus.SUBMITTED && reviewsStage(user, stage) && !isOwnSubmission(user, submittedBy);
    }

    /** The office reviewing the stage the report waits at: which review stage comes first after a submission. */
    static ReviewStage firstStage(boolean unitHeadReview) {
        return unitHeadReview ? ReviewStage.UNIT_HEAD : ReviewStage.OFFICE;
    }
}
