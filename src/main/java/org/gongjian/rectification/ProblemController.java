package org.gongjian.rectification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The ledger (整改台账) page, a problem's page and the form that records a problem (also from a notice). */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER', 'ORG_DEPT', 'UNIT_HEAD', 'LIAISON')")
class ProblemController {

    private final ProblemService problems;
    private final CampaignService campaigns;

    ProblemController(ProblemService problems, CampaignService campaigns) {
        this.problems = problems;
        this.campaigns = campaigns;
    }

    @GetMapping("/problems")
    String ledger(@RequestParam(required = false) @Nullable Long campaignId,
                  @RequestParam(required = false) @Nullable Long unitId,
                  @RequestParam(required = false) @Nullable ProblemSource source,
                  @RequestParam(required = false) @Nullable ProblemStatus status,
                  @RequestParam(defaultValue = "false") boolean overdue,
                  @RequestParam(required = false) @Nullable Integer page, DataScope scope, Model model) {
        List<CampaignView> visible = campaigns.campaigns(scope);
        Long campaign = campaignId != null ? campaignId : campaigns.current(scope).map(CampaignView::id).orElse(null);
        model.addAttribute("campaigns", visible);
        model.addAttribute("campaignId", campaign);
        model.addAttribute("unitId", unitId);
        model.addAttribute("source", source);
        model.addAttribute("status", status);
        model.addAttribute("overdue", overdue);
        model.addAttribute("sources", ProblemSource.values());
        model.addAttribute("statuses", ProblemStatus.values());
        model.addAttribute("counts", campaign == null ? List.of() : problems.countsByUnit(campaign, scope));
        model.addAttribute("result", campaign == null ? null : problems.problems(
                new ProblemService.Filter(campaign, unitId, source, status, overdue), scope, PageQuery.of(page, 50)));
        return "rectification/ledger";
    }

    @GetMapping("/problems/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD', 'LIAISON')")
    String form(@RequestParam(required = false) @Nullable Long campaignId,
                @RequestParam(required = false) @Nullable Long noticeId, @AuthenticationPrincipal CurrentUser user,
                DataScope scope, Model model) {
        if (noticeId != null) {
            var existing = problems.openedFrom(noticeId);
            if (existing.isPresent()) {
                return "redirect:/problems/" + existing.get();
            }
        }
        ProblemCommand draft = noticeId != null ? problems.draftFromNotice(noticeId, scope)
                : new ProblemCommand(campaignId, user.scopeUnitId(), ProblemPolicy.isOffice(user)
                ? ProblemSource.SUPERVISION : ProblemSource.SELF, null, null, Severity.MINOR, null, null, null, null);
        return form(model, draft, user, scope, null);
    }

    @PostMapping("/problems")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD', 'LIAISON')")
    String create(@RequestParam(required = false) @Nullable Long campaignId,
                  @RequestParam(required = false) @Nullable Long unitId,
                  @RequestParam(required = false) @Nullable ProblemSource source,
                  @RequestParam(required = false) @Nullable String category,
                  @RequestParam(required = false) @Nullable String description,
                  @RequestParam(required = false) @Nullable Severity severity,
                  @RequestParam(required = false) @Nullable String foundOn,
                  @RequestParam(required = false) @Nullable Long taskId,
                  @RequestParam(required = false) @Nullable Long noticeId,
                  @RequestParam(required = false) @Nullable String measure,
                  @RequestParam(required = false) @Nullable String ownerName,
                  @RequestParam(required = false) @Nullable String deadline,
                  @RequestParam(required = false) @Nullable String expectedResult,
                  @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        ProblemCommand command;
        try {
            List<MeasureCommand> measures = measure == null || measure.isBlank() ? List.of()
                    : List.of(new MeasureCommand(measure, null, ownerName, date(deadline), expectedResult));
            command = new ProblemCommand(campaignId, unitId, source, category, description, severity, date(foundOn),
                    taskId, noticeId, measures);
        } catch (DateTimeParseException e) {
            return form(model, new ProblemCommand(campaignId, unitId, source, category, description, severity, null,
                    taskId, noticeId, measure == null || measure.isBlank() ? null
                            : List.of(new MeasureCommand(measure, null, ownerName, null, expectedResult))),
                    user, scope, "日期格式应为 2026-06-30");
        }
        try {
            return "redirect:/problems/" + problems.create(command, user, scope).id();
        } catch (InvalidInput | DomainException e) {
            return form(model, command, user, scope, e.getMessage());
        }
    }

    @GetMapping("/problems/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        ProblemView p = problems.problem(id, scope);
        model.addAttribute("p", p);
        model.addAttribute("rights", problems.rights(p, user));
        model.addAttribute("judgeable", p.measures().stream().filter(m -> m.latest() != null
                && problems.mayJudge(p, java.util.Objects.requireNonNull(m.latest()), user)).map(MeasureView::id).toList());
        return "rectification/problem";
    }

    private String form(Model model, ProblemCommand draft, CurrentUser user, DataScope scope, @Nullable String error) {
        model.addAttribute("draft", draft);
        model.addAttribute("campaigns", campaigns.campaigns(scope));
        model.addAttribute("sources", java.util.Arrays.stream(ProblemSource.values())
                .filter(s -> ProblemPolicy.mayRecord(user, s)).toList());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("units", problems.unitsToRecordFor(scope));
        model.addAttribute("error", error);
        return "rectification/problem-form";
    }

    static @Nullable LocalDate date(@Nullable String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }
}
