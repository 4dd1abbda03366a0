package org.gongjian.report;

import java.util.function.Supplier;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.LockRetry;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review actions on a report page: submit, approve, return for fixing, and start a correction. */
@Controller
class ReportReviewController {

    private final ReportService reports;
    private final ReportApprovals approvals;

    ReportReviewController(ReportService reports, ReportApprovals approvals) {
        this.reports = reports;
        this.approvals = approvals;
    }

    @PostMapping("/reports/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
                  @RequestParam(required = false) @Nullable String confirmUnchanged,
                  @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes redirect) {
        if (confirmUnchanged == null && reports.diff(reports.report(id, scope)).unchanged()) {
            redirect.addFlashAttribute("unchanged", true);
            return "redirect:/reports/" + id + "/edit";
        }
        return act(id, redirect, () -> reports.submit(id, version, user, scope), "报告已提交");
    }

    @PostMapping("/reports/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
                   @RequestParam(required = false) @Nullable String next,
                   @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes redirect) {
        String back = act(id, redirect, () -> reports.approve(id, version, user, scope), "审核通过");
        if (next == null || redirect.getFlashAttributes().containsKey("error")) {
            return back;
        }
        // 通过并下一条: straight on to the next report waiting for this reviewer, or the queue when none is left.
        Long following = approvals.nextAwaiting(id, user, scope);
        if (following == null) {
            redirect.addFlashAttribute("message", "审核通过，待审核的报告已全部处理");
            return "redirect:/reports";
        }
        return "redirect:/reports/" + following;
    }

    @PostMapping("/reports/{id}/return")
    String returnReport(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
                        @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal CurrentUser user,
                        DataScope scope, RedirectAttributes redirect) {
        return act(id, redirect, () -> reports.returnReport(id, version, reason, user, scope), "已退回");
    }

    @PostMapping("/reports/{id}/corrections")
    String correct(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope,
                   RedirectAttributes redirect) {
        try {
            ReportView correction = reports.correct(id, user, scope);
            return "redirect:/reports/" + correction.id() + "/edit";
        } catch (InvalidInput | DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/reports/" + id;
        }
    }

    private String act(long id, RedirectAttributes redirect, Supplier<ReportView> action, String done) {
        try {
            LockRetry.run(action);
            redirect.addFlashAttribute("message", done);
        } catch (InvalidInput | DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (org.springframework.dao.PessimisticLockingFailureException e) {
            redirect.addFlashAttribute("error", "系统繁忙：数据正被其他操作占用，审核未能完成，请再试一次。");
        }
        return "redirect:/reports/" + id;
    }
}
