package org.gongjian.report;

import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office in bulk over {@code /api/v1}: approve several reports with one note (each report approved or refused on
 * its own, the answer lists both), and 催报 every unit late for a period. Both take {@code Idempotency-Key}.
 */
@RestController
class ReportBulkApiController {

    private final ReportApprovals approvals;
    private final ReportReminders reminders;

    ReportBulkApiController(ReportApprovals approvals, ReportReminders reminders) {
        this.approvals = approvals;
        this.reminders = reminders;
    }

    record ApprovalsBody(@Nullable List<Long> reportIds, @Nullable String note) {}

    record ApprovalsResult(long approved, long refused, List<ReportApprovals.Outcome> results) {

        static ApprovalsResult of(List<ReportApprovals.Outcome> results) {
            long approved = results.stream().filter(ReportApprovals.Outcome::approved).count();
            return new ApprovalsResult(approved, results.size() - approved, results);
        }
    }

    record RemindersResult(String period, long sent, long alreadyToday, List<ReportReminders.Reminder> units) {

        static RemindersResult of(String period, List<ReportReminders.Reminder> units) {
            long sent = units.stream().filter(ReportReminders.Reminder::sent).count();
            return new RemindersResult(period, sent, units.size() - sent, units);
        }
    }

    @PostMapping("/api/v1/reports/approvals")
    ApprovalsResult approve(@RequestBody ApprovalsBody body, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return ApprovalsResult.of(approvals.approveAll(body.reportIds(), body.note(), user, scope));
    }

    @PostMapping("/api/v1/campaigns/{campaignId}/reports/reminders")
    RemindersResult remind(@PathVariable long campaignId, @RequestParam String period,
                           @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return RemindersResult.of(period, reminders.remindLate(campaignId, period, user, scope));
    }
}
