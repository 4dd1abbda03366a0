package org.gongjian.deployment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.gongjian.campaign.CampaignService;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of 交流轮岗 and 考察学习. */
@Controller
class RotationController {

    private final RotationService rotations;
    private final StudyTourService tours;
    private final CampaignService campaigns;

    RotationController(RotationService rotations, StudyTourService tours, CampaignService campaigns) {
        this.rotations = rotations;
        this.tours = tours;
        this.campaigns = campaigns;
    }

    @GetMapping("/rotations")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'LEADER')")
    String list(@RequestParam(required = false) @Nullable Long unitId, @RequestParam(required = false) @Nullable Integer minYears,
                @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "false") boolean all,
                DataScope scope, Model model) {
        model.addAttribute("rotations", rotations.rotations(null, scope, new PageQuery(0, 100)));
        model.addAttribute("candidates", rotations.candidates(unitId, minYears, q, all, scope));
        model.addAttribute("minYears", minYears == null ? RotationRules.DEFAULT_MIN_YEARS : minYears);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("all", all);
        return "deployment/rotations";
    }

    @PostMapping("/rotations")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    String draft(@RequestParam(required = false) @Nullable Long personId,
                 @RequestParam(required = false) @Nullable Long successorPersonId,
                 @RequestParam(required = false) @Nullable Long toUnitId, @RequestParam(required = false) @Nullable String toTitle,
                 @RequestParam(required = false) @Nullable String effectiveDate, @RequestParam(required = false) @Nullable String reason,
                 @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes flash) {
        try {
            RotationView r = rotations.draft(new RotationCommand(personId, successorPersonId, toUnitId, toTitle, true,
                    date(effectiveDate), reason), user, scope);
            return "redirect:/rotations/" + r.id();
        } catch (InvalidInput | DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/rotations";
        }
    }

    @GetMapping("/rotations/{id}")
    String rotation(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        RotationView r = rotations.visible(id, user, scope);
        model.addAttribute("r", r);
        boolean office = user.has(Role.ORG_DEPT) || user.has(Role.ADMIN);
        model.addAttribute("office", office);
        model.addAttribute("leader", user.has(Role.LEADER));
        model.addAttribute("preview", r.handover() == null && r.status() != RotationStatus.CANCELLED && (office || user.has(Role.LEADER))
                ? rotations.preview(id, scope) : null);
        RotationView.HandoverRole mine = java.util.Objects.equals(user.personId(), r.personId()) ? RotationView.HandoverRole.OUTGOING
                : java.util.Objects.equals(user.personId(), r.successorPersonId()) ? RotationView.HandoverRole.INCOMING : null;
        model.addAttribute("canSign", mine != null && r.handover() != null && !r.handover().signedBy(mine));
        return "deployment/rotation";
    }

    @PostMapping("/rotations/{id}/{action:approve|execute|cancel}")
    String act(@PathVariable long id, @PathVariable String action, @AuthenticationPrincipal CurrentUser user,
               DataScope scope, RedirectAttributes flash) {
        try {
            switch (action) {
                case "approve" -> rotations.approve(id, user, scope);
                case "execute" -> rotations.execute(id, user, scope);
                default -> rotations.cancel(id, user, scope);
            }
            flash.addFlashAttribute("message", "已完成");
        } catch (InvalidInput | DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rotations/" + id;
    }

    @PostMapping("/rotations/{id}/sign")
    String sign(@PathVariable long id, @RequestParam(required = false) @Nullable String password,
                @AuthenticationPrincipal CurrentUser user, DataScope scope, HttpServletRequest request,
                RedirectAttributes flash) {
        try {
            rotations.sign(id, password, user, request.getRemoteAddr(), scope);
            flash.addFlashAttribute("message", "已签署交接清单");
        } catch (InvalidInput | DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rotations/" + id;
    }

    // --- study tours ---------------------------------------------------------------------------------------------

    @GetMapping("/study-tours")
    String tours(@AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        model.addAttribute("tours", tours.tours(user, scope));
        return "deployment/study-tours";
    }

    @PostMapping("/study-tours")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    String createTour(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String destination,
                      @RequestParam(required = false) @Nullable String theme, @RequestParam(required = false) @Nullable String startDate,
                      @RequestParam(required = false) @Nullable String endDate,
                      @RequestParam(required = false) @Nullable String participantIds,
                      @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes flash) {
        try {
            StudyTourView t = tours.create(new StudyTourCommand(name, destination, theme, date(startDate), date(endDate),
                    ids(participantIds)), user, scope);
            return "redirect:/study-tours/" + t.id();
        } catch (InvalidInput | DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/study-tours";
        }
    }

    @GetMapping("/study-tours/{id}")
    String tour(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        StudyTourView t = tours.tour(id, user, scope);
        model.addAttribute("t", t);
        boolean office = user.has(Role.ORG_DEPT) || user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
        model.addAttribute("office", office);
        model.addAttribute("campaigns", office ? campaigns.campaigns(scope) : List.of());
        model.addAttribute("canReport", t.participants().stream().anyMatch(p ->
                java.util.Objects.equals(user.personId(), p.personId()) && !p.reported()));
        return "deployment/study-tour";
    }

    @PostMapping("/study-tours/{id}/reports")
    String report(@PathVariable long id, @RequestParam(required = false) @Nullable String summary,
                  @RequestParam(required = false) @Nullable List<String> finding,
                  @RequestParam(required = false) @Nullable List<String> toAdopt,
                  @RequestParam(required = false) @Nullable List<String> adoptWhere,
                  @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes flash) {
        try {
            List<StudyTourCommand.FindingInput> findings = new ArrayList<>();
            int n = finding == null ? 0 : finding.size();
            for (int i = 0; i < n; i++) {
                if (!finding.get(i).isBlank()) {
                    findings.add(new StudyTourCommand.FindingInput(finding.get(i), at(toAdopt, i), at(adoptWhere, i)));
                }
            }
            tours.report(id, null, new StudyTourCommand.Report(summary, findings), user, scope);
            flash.addFlashAttribute("message", "考察报告已提交");
        } catch (InvalidInput | DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/study-tours/" + id;
    }

    @PostMapping("/study-tours/{id}/findings/{findingId}/task")
    String adopt(@PathVariable long id, @PathVariable long findingId, @RequestParam(required = false) @Nullable Long campaignId,
                 @RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String category,
                 @RequestParam(required = false) @Nullable Long leadUnitId, @RequestParam(required = false) @Nullable String dueDate,
                 @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes flash) {
        try {
            var task = tours.adopt(findingId, new StudyTourCommand.Adoption(campaignId, title, category,
                    leadUnitId == null ? scope.unitId() : leadUnitId, null, date(dueDate)), user, scope);
            flash.addFlashAttribute("message", "已转为任务“" + task.title() + "”");
        } catch (InvalidInput | DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/study-tours/" + id;
    }

    private static @Nullable String at(@Nullable List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }

    private static List<Long> ids(@Nullable String text) {
        List<Long> ids = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,，、\\s]+")) {
                if (!part.isBlank()) {
                    try {
                        ids.add(Long.parseLong(part));
                    } catch (NumberFormatException e) {
                        throw InvalidInput.of("participantIds", "干部编号“" + part + "”不是数字");
                    }
                }
            }
        }
        return ids;
    }

    private static @Nullable LocalDate date(@Nullable String text) {
        return DeploymentController.date(text);
    }
}
