package org.gongjian.assessment;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.report.PeriodReports;
import org.gongjian.report.ReportStatus;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The scheme page (考核办法) with commendations, and the office's rating of a period's approved reports. */
@Controller
class SchemeController {

    private final SchemeService schemes;
    private final CampaignService campaigns;
    private final PeriodReports reports;
    private final java.time.Clock clock;

    SchemeController(SchemeService schemes, CampaignService campaigns, PeriodReports reports, java.time.Clock clock) {
        this.schemes = schemes;
        this.campaigns = campaigns;
        this.reports = reports;
        this.clock = clock;
    }

    /** The scheme form: every field a number, bound by name. */
    record SchemeForm(@NotNull BigDecimal completionWeight, @NotNull BigDecimal timelinessWeight,
                      @NotNull BigDecimal qualityWeight, @NotNull BigDecimal remindPoints, @NotNull BigDecimal urgePoints,
                      @NotNull BigDecimal supervisePoints, @NotNull BigDecimal interviewPoints,
                      @NotNull BigDecimal accountabilityPoints, @NotNull BigDecimal lateReportPoints,
                      @NotNull BigDecimal missingReportPoints, @NotNull BigDecimal openInstructionPoints,
                      @NotNull BigDecimal commendationPoints, @NotNull BigDecimal returnPoints, @NotNull Integer appealDays) {
        Scheme scheme() {
            return new Scheme(completionWeight, timelinessWeight, qualityWeight, remindPoints, urgePoints,
                    supervisePoints, interviewPoints, accountabilityPoints, lateReportPoints, missingReportPoints,
                    openInstructionPoints, commendationPoints, returnPoints, appealDays);
        }
    }

    @GetMapping("/campaigns/{id}/assessment/scheme")
    String scheme(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        model.addAttribute("campaign", campaigns.campaign(id, scope));
        model.addAttribute("scheme", schemes.scheme(id, scope));
        model.addAttribute("commendations", schemes.commendations(id, scope));
        model.addAttribute("office", user.has(Role.SUPERVISOR) || user.has(Role.ADMIN));
        model.addAttribute("commender", user.has(Role.SUPERVISOR) || user.has(Role.ADMIN) || user.has(Role.LEADER));
        return "assessment/scheme";
    }

    @PostMapping("/campaigns/{id}/assessment/scheme")
    String save(@PathVariable long id, SchemeForm form, @AuthenticationPrincipal CurrentUser user, DataScope scope,
                RedirectAttributes flash) {
        try {
            schemes.update(id, form.scheme(), user, scope);
            flash.addFlashAttribute("message", "考核办法已保存");
        } catch (DomainException | InvalidInput | NullPointerException e) {
            flash.addFlashAttribute("error", e instanceof NullPointerException ? "请填写每一项" : e.getMessage());
        }
        return "redirect:/campaigns/" + id + "/assessment/scheme";
    }

    @PostMapping("/campaigns/{id}/commendations")
    String commend(@PathVariable long id, @RequestParam long unitId, @RequestParam String period,
                   @RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal CurrentUser user,
                   DataScope scope, RedirectAttributes flash) {
        try {
            SchemeService.Commendation c = schemes.commend(id, unitId, period, reason == null ? "" : reason, user, scope);
            flash.addFlashAttribute("message", "已记录对" + c.unitName() + "的表扬");
        } catch (DomainException | InvalidInput | NotFound e) {
            flash.addFlashAttribute("error", e instanceof NotFound ? "单位不存在或不在您的范围内" : e.getMessage());
        }
        return "redirect:/campaigns/" + id + "/assessment/scheme";
    }

    @GetMapping("/campaigns/{id}/assessment/ratings")
    String ratings(@PathVariable long id, @RequestParam(required = false) @Nullable String period,
                   @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        SchemeService.requireOffice(user);
        CampaignView campaign = campaigns.campaign(id, scope);
        String label = period == null ? ReportingPeriod.containing(java.time.LocalDate.now(clock), campaign).previous().label()
                : ReportingPeriod.parse(period, campaign).label();
        List<PeriodReports.PeriodReport> approved = reports.ofPeriod(id, label).stream()
                .filter(r -> r.status() == ReportStatus.APPROVED).toList();
        model.addAttribute("campaign", campaign);
        model.addAttribute("period", label);
        model.addAttribute("periodName", ReportingPeriod.displayName(label));
        model.addAttribute("reports", approved);
        model.addAttribute("grades", schemes.grades(id));
        model.addAttribute("gradeValues", Grade.values());
        return "assessment/ratings";
    }

    @PostMapping("/assessment/ratings/{reportId}")
    String rate(@PathVariable long reportId, @RequestParam Grade grade, @RequestParam long campaignId,
                @RequestParam String period, @AuthenticationPrincipal CurrentUser user, DataScope scope,
                RedirectAttributes flash) {
        try {
            schemes.rate(reportId, grade, user, scope);
            flash.addFlashAttribute("message", "已评为" + grade.label());
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaigns/" + campaignId + "/assessment/ratings?period=" + period;
    }
}
