package org.gongjian.assessment;

import java.util.ArrayList;
import java.util.List;

import org.gongjian.campaign.CampaignService;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
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

/** The appeal form's target and the appeal list: the office's queue, a unit's own appeals. */
@Controller
class AppealController {

    private final AppealService appeals;
    private final CampaignService campaigns;

    AppealController(AppealService appeals, CampaignService campaigns) {
        this.appeals = appeals;
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns/{id}/appeals")
    String list(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        model.addAttribute("campaign", campaigns.campaign(id, scope));
        model.addAttribute("appeals", appeals.appeals(id, null, scope));
        model.addAttribute("office", user.has(Role.SUPERVISOR) || user.has(Role.ADMIN));
        return "assessment/appeals";
    }

    @PostMapping("/campaigns/{id}/appeals")
    String file(@PathVariable long id, @RequestParam long itemId, @RequestParam(required = false) @Nullable String reason,
                @RequestParam(required = false) @Nullable String evidenceIds, @RequestParam String back,
                @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes flash) {
        try {
            AppealView appeal = appeals.file(itemId, reason, ids(evidenceIds), user, scope);
            flash.addFlashAttribute("message", "申诉已提交，等待督查室处理（编号 " + appeal.id() + "）");
        } catch (DomainException | InvalidInput | NotFound e) {
            flash.addFlashAttribute("error", e instanceof NotFound ? "找不到该扣分项或证据材料" : e.getMessage());
        }
        return "redirect:" + (back.startsWith("/campaigns/") ? back : "/campaigns/" + id + "/appeals");
    }

    @PostMapping("/appeals/{appealId}/decision")
    String decide(@PathVariable long appealId, @RequestParam boolean uphold,
                  @RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal CurrentUser user,
                  DataScope scope, RedirectAttributes flash) {
        AppealView appeal = appeals.appeal(appealId, scope);
        try {
            AppealView decided = appeals.decide(appealId, uphold, reason, user, scope);
            flash.addFlashAttribute("message", decided.status() == AppealStatus.UPHELD
                    ? "申诉成立，已发布更正后的排名" : "申诉已驳回");
        } catch (DomainException | InvalidInput e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaigns/" + appeal.campaignId() + "/appeals";
    }

    /** Evidence ids as typed, separated by commas or spaces; anything not a number is a 422 naming the field. */
    static List<Long> ids(@Nullable String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null) {
            return ids;
        }
        for (String part : text.split("[,，\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.valueOf(part.strip()));
            } catch (NumberFormatException e) {
                throw InvalidInput.of("evidenceIds", "证据材料编号“" + part + "”不是数字");
            }
        }
        return ids;
    }
}
