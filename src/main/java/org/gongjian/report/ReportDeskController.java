package org.gongjian.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The reporting desk pages: a liaison's to-do list and the office's per-unit overview of a period. */
@Controller
class ReportDeskController {

    private final ReportService reports;
    private final ReportDesk desk;
    private final CampaignService campaigns;
    private final Clock clock;

    ReportDeskController(ReportService reports, ReportDesk desk, CampaignService campaigns, Clock clock) {
        this.reports = reports;
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

    @GetMapping("/campaigns/{campaignId}/reporting")
    String overview(@PathVariable long campaignId, @RequestParam(required = false) @Nullable String period,
                    DataScope scope, Model model) {
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
        model.addAttribute("totals", new ReportDesk.UnitReporting(0, "合计", units.stream().mapToInt(ReportDesk.UnitReporting::expected).sum(),
                units.stream().mapToInt(ReportDesk.UnitReporting::onTime).sum(), units.stream().mapToInt(ReportDesk.UnitReporting::late).sum(),
                units.stream().mapToInt(ReportDesk.UnitReporting::notIn).sum()));
        return "report/reporting-overview";
    }
}
