package org.gongjian.pledge;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.TaskService;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pledge register of a campaign, a pledge's page with its versions, and the sign / amend / terms forms. */
@Controller
class PledgeController {

    private final PledgeService pledges;
    private final CampaignService campaigns;
    private final TaskService tasks;
    private final PledgePdf pdf;
    private final java.time.Clock clock;

    PledgeController(PledgeService pledges, CampaignService campaigns, TaskService tasks, PledgePdf pdf,
                     java.time.Clock clock) {
        this.clock = clock;
        this.pledges = pledges;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.pdf = pdf;
    }

    record RegisterRow(long unitId, String unitName, @Nullable PledgeView pledge) {}

    @GetMapping("/campaigns/{id}/pledges")
    String register(@PathVariable long id, DataScope scope, Model model) {
        Map<Long, PledgeView> byUnit = pledges.register(id, scope).stream()
                .collect(Collectors.toMap(PledgeView::unitId, Function.identity()));
        List<RegisterRow> rows = tasks.leadUnits(id, scope).entrySet().stream()
                .map(e -> new RegisterRow(e.getKey(), e.getValue(), byUnit.get(e.getKey()))).toList();
        model.addAttribute("campaign", campaigns.campaign(id, scope));
        model.addAttribute("rows", rows);
        model.addAttribute("signed", byUnit.values().stream().filter(p -> p.status() == PledgeStatus.SIGNED).count());
        model.addAttribute("awaiting", byUnit.values().stream().filter(p -> p.status() != PledgeStatus.SIGNED).count());
        model.addAttribute("amended", byUnit.values().stream().filter(p -> p.version() > 1).count());
        model.addAttribute("missing", rows.stream().filter(r -> r.pledge() == null).count());
        return "pledge/pledge-register";
    }

    @PostMapping("/campaigns/{id}/pledges")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String generate(@PathVariable long id, @RequestParam long unitId, @AuthenticationPrincipal CurrentUser user,
                    DataScope scope, RedirectAttributes redirect) {
        try {
            PledgeView pledge = pledges.generate(id, unitId, user.getUsername(), scope);
            redirect.addFlashAttribute("message", "已生成军令状，请立状人签署");
            return "redirect:/pledges/" + pledge.id();
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("message", e.getMessage());
            return "redirect:/campaigns/" + id + "/pledges";
        }
    }

    @GetMapping("/pledges/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        PledgeView pledge = pledges.pledge(id, scope);
        model.addAttribute("pledge", pledge);
        model.addAttribute("campaign", campaigns.campaign(pledge.campaignId(), scope));
        model.addAttribute("canSign", canSign(user, pledge));
        model.addAttribute("zone", clock.getZone());
        return "pledge/pledge-detail";
    }

    @GetMapping("/pledges/{id}/verify")
    String verify(@PathVariable long id, DataScope scope, RedirectAttributes redirect) {
        Verification v = pledges.verify(id, scope);
        redirect.addFlashAttribute("verification", v);
        return "redirect:/pledges/" + id;
    }

    @GetMapping("/pledges/{id}/pdf")
    @PersonalDataRead("pledge-pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
                               DataScope scope) {
        return PledgeApiController.pdfResponse(pdf, pledges.document(id, version, scope));
    }

    @PostMapping("/pledges/{id}/sign")
    @PreAuthorize("hasAnyRole('UNIT_HEAD', 'LEADER')")
    String sign(@PathVariable long id, @RequestParam(defaultValue = "") String password,
                @RequestParam(required = false) @Nullable Integer version, @AuthenticationPrincipal CurrentUser user,
                HttpServletRequest request, DataScope scope, RedirectAttributes redirect) {
        try {
            PledgeView pledge = pledges.sign(id, password, version, user, request.getRemoteAddr(), scope);
            redirect.addFlashAttribute("message", pledge.status() == PledgeStatus.SIGNED
                    ? "签署完成，军令状已生效并冻结" : "已签署，等待发令方会签");
        } catch (DomainException | InvalidInput e) {
            redirect.addFlashAttribute("error", e instanceof InvalidInput invalid ? invalid.problems().get(0).message() : e.getMessage());
        }
        return "redirect:/pledges/" + id;
    }

    @PostMapping("/pledges/{id}/amendments")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String amend(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
                 @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes redirect) {
        try {
            pledges.amend(id, reason, new PledgeService.Terms(null, null, null), user.getUsername(), scope);
            redirect.addFlashAttribute("message", "已起草变更版本，请双方重新签署");
        } catch (DomainException | InvalidInput e) {
            redirect.addFlashAttribute("error", e instanceof InvalidInput invalid ? invalid.problems().get(0).message() : e.getMessage());
        }
        return "redirect:/pledges/" + id;
    }

    @PostMapping("/pledges/{id}/terms")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String terms(@PathVariable long id, @RequestParam(required = false) @Nullable String commitments,
                 @RequestParam(required = false) @Nullable String rewards,
                 @RequestParam(required = false) @Nullable String penalties, DataScope scope, RedirectAttributes redirect) {
        try {
            pledges.editTerms(id, new PledgeService.Terms(commitments, rewards, penalties), scope);
            redirect.addFlashAttribute("message", "已保存条款");
        } catch (DomainException | InvalidInput e) {
            redirect.addFlashAttribute("error", e instanceof InvalidInput invalid ? invalid.problems().get(0).message() : e.getMessage());
        }
        return "redirect:/pledges/" + id;
    }

    /** Whether to offer the sign dialog; the service decides for real. */
    private static boolean canSign(CurrentUser user, PledgeView pledge) {
        if (pledge.status() == PledgeStatus.DRAFT) {
            return user.has(Role.UNIT_HEAD) && java.util.Objects.equals(user.scopeUnitId(), pledge.unitId());
        }
        return pledge.status() == PledgeStatus.SIGNATORY_SIGNED && user.has(Role.LEADER);
    }
}
