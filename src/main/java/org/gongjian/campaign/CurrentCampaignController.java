package org.gongjian.campaign;

import java.util.Set;

import org.gongjian.shared.DataScope;
import org.gongjian.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Menu links that name a page of "the campaign" (军令状, 报送情况, 考核排名 …) rather than of one campaign: they land
 * on that page of the user's current campaign ({@link CampaignService#current}). A county runs one 攻坚年 at a time,
 * so nobody should have to pick it from a list first.
 */
@Controller
class CurrentCampaignController {

    /** The per-campaign pages the menu may point at; anything else is a 404, not an open redirect. */
    static final Set<String> PAGES = Set.of("tasks", "pledges", "reporting", "rankings", "appeals", "briefings",
            "cockpit", "reports/import", "assessment/scheme", "assessment/ratings");

    private final CampaignService campaigns;

    CurrentCampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping({"/campaign/{page}", "/campaign/{section}/{page}"})
    String current(@PathVariable(required = false) String section, @PathVariable String page, DataScope scope,
                   RedirectAttributes flash) {
        String target = section == null ? page : section + "/" + page;
        if (!PAGES.contains(target)) {
            throw new NotFound("page", target);
        }
        return campaigns.current(scope).map(c -> "redirect:/campaigns/" + c.id() + "/" + target).orElseGet(() -> {
            flash.addFlashAttribute("message", "当前没有可查看的攻坚行动");
            return "redirect:/campaigns";
        });
    }
}
