package org.gongjian.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reporting desk pages: a liaison's to-do list and the office's per-unit overview of a period. */
@Controller
class ReportDeskController {

    private final ReportService reports;
    private final ReportApprovals approvals;
    private final ReportReminders reminders;
    private final ReportDesk desk;
    private final CampaignService campaigns;
    private final Clock clock;

    ReportDeskController(ReportService reports, ReportApprovals approvals, ReportReminders reminders, ReportDesk desk,
                         CampaignService campaigns, Clock clock) {
        this.reports = reports;
        this.approvals = approvals;
        this.reminders = reminders;
        this.desk = desk;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @GetMapping("/reports")
    String todo(@AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        model.addAttribute("todo", desk.todo(scope));
        model.addAttribute("awaiting", reports.awaitingReview(user, scope));
        return "report/report-todo";
    }

    /** Approves the ticked reports of the review queue with one note; each refusal is listed with its reason. */
    @PostMapping("/reports/approvals")
    String approveAll(@RequestParam(name = "reportIds", required = false) @Nullable List<Long> reportIds,
                      @RequestParam(required = false) @Nullable String note, @AuthenticationPrincipal CurrentUser user,
                      DataScope scope, RedirectAttributes redirect) {
        try {
            List<ReportApprovals.Outcome> outcomes = approvals.approveAll(reportIds, note, user, scope);
            long approved = outcomes.stream().filter(ReportApprovals.Outcome::approved).count();
            redirect.addFlashAttribute("message", "批量审核：" + approved + "份已通过"
                    + (approved < outcomes.size() ? "，" + (outcomes.size() - approved) + "份未通过（原因见下）" : ""));
            redirect.addFlashAttribute("refused", outcomes.stream().filter(o -> !o.approved()).toList());
        } catch (InvalidInput | DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/reports";
    }

    /** 催报: one reminder to each unit late for the period (none twice a day). */
    @PostMapping("/campaigns/{campaignId}/reporting/reminders")
    String remind(@PathVariable long campaignId, @RequestParam String period, @AuthenticationPrincipal CurrentUser user,
                  DataScope scope, RedirectAttributes redirect) {
        try {
            List<ReportReminders.Reminder> sent = reminders.remindLate(campaignId, period, user, scope);
            long now = sent.stream().filter(ReportReminders.Reminder::sent).count();
            redirect.addFlashAttribute("message", sent.isEmpty() ? "本期没有逾期未报的单位"
                    : "已向" + now + "个单位催报" + (now < sent.size() ? "（" + (sent.size() - now) + "个单位今天已催报过，未重复发送）" : ""));
        } catch (InvalidInput | DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        redirect.addAttribute("period", period);
        return "redirect:/campaigns/" + campaignId + "/reporting";
    }

    @GetMapping("/campaigns/{campaignId}/reporting")
    String overview(@PathVariable long campaignId, @RequestParam(required = false) @Nullable String period,
                    @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        LocalDate today = LocalDate.now(clock);
        ReportingPeriod current = ReportingPeriod.containing(today, campaign);
        // Opens on the last period already due (its deadline passed), not on one whose reports may still come in.
        ReportingPeriod lastDue = current;
        while (!lastDue.deadline().isBefore(today)) {
            lastDue = lastDue.previous();
        }
        ReportingPeriod chosen = period == null || period.isBlank() ? lastDue : ReportingPeriod.parse(period, campaign);
        List<ReportingPeriod> choices = new ArrayList<>();
        for (ReportingPeriod p = current; choices.size() < 12 && !p.end().isBefore(campaign.startDate()); p = p.previous()) {
            choices.add(p);
        }
        List<ReportDesk.UnitReporting> units = desk.byUnit(campaignId, chosen, scope);
        model.addAttribute("campaign", campaign);
        model.addAttribute("period", chosen);
        model.addAttribute("deadlinePassed", chosen.deadline().isBefore(today));
        model.addAttribute("choices", choices);
        model.addAttribute("units", units);
        model.addAttribute("canRemind", (user.has(Role.SUPERVISOR) || user.has(Role.ADMIN)) && chosen.deadline().isBefore(today)
                && units.stream().anyMatch(u -> u.notIn() > 0));
        model.addAttribute("totals", new ReportDesk.UnitReporting(0, "合计", units.stream().mapToInt(ReportDesk.UnitReporting::expected).sum(),
                units.stream().mapToInt(ReportDesk.UnitReporting::onTime).sum(), units.stream().mapToInt(ReportDesk.UnitReporting::late).sum(),
                units.stream().mapToInt(ReportDesk.UnitReporting::notIn).sum()));
        return "report/reporting-overview";
    }
}
