package org.gongjian.briefing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cockpit page: tiles, tables and the red list rendered here, charts drawn by static/js/cockpit.js from the same
 * figures handed over as JSON in a data attribute (CSP: no inline script). {@code screen=1} is the 大屏 mode.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'ORG_DEPT', 'LEADER')")
class CockpitController {

    /** Seconds between the 大屏's reloads. */
    static final int SCREEN_REFRESH_SECONDS = 60;

    private final Cockpit cockpit;
    private final CampaignService campaigns;
    private final JsonMapper json;
    private final MessageSource messages;

    private static final List<String> LABELS = List.of("enum.Light.GREEN", "enum.Light.YELLOW", "enum.Light.RED",
            "enum.Light.DONE", "cockpit.js.tasks", "cockpit.js.progress", "cockpit.js.onTimeRate", "cockpit.js.red",
            "cockpit.js.none");

    CockpitController(Cockpit cockpit, CampaignService campaigns, JsonMapper json, MessageSource messages) {
        this.cockpit = cockpit;
        this.campaigns = campaigns;
        this.json = json;
        this.messages = messages;
    }

    /** The few words the charts print, in the page's language (the JS has no text of its own). */
    private Map<String, String> labels(Locale locale) {
        Map<String, String> map = new LinkedHashMap<>();
        LABELS.forEach(key -> map.put(key.substring(key.lastIndexOf('.') + 1), messages.getMessage(key, null, key, locale)));
        return map;
    }

    /** The nav link: the newest campaign the caller can see. */
    @GetMapping("/cockpit")
    String first(@RequestParam(required = false) @Nullable Long campaignId, DataScope scope) {
        if (campaignId != null) {
            return "redirect:/campaigns/" + campaigns.campaign(campaignId, scope).id() + "/cockpit";
        }
        CampaignView current = campaigns.current(scope).orElseThrow(() -> new NotFound("campaign", "cockpit"));
        return "redirect:/campaigns/" + current.id() + "/cockpit";
    }

    @GetMapping("/campaigns/{campaignId}/cockpit")
    String page(@PathVariable long campaignId, @RequestParam(required = false) @Nullable Long unitId,
                @RequestParam(defaultValue = "false") boolean screen, DataScope scope, Locale locale, Model model) {
        Dashboard dashboard = cockpit.dashboard(campaignId, unitId, scope);
        model.addAttribute("d", dashboard);
        model.addAttribute("dashboardJson", json.writeValueAsString(dashboard));
        model.addAttribute("screen", screen);
        model.addAttribute("refreshSeconds", SCREEN_REFRESH_SECONDS);
        model.addAttribute("campaigns", campaigns.campaigns(scope));
        model.addAttribute("labelsJson", json.writeValueAsString(labels(locale)));
        return screen ? "briefing/cockpit-screen" : "briefing/cockpit";
    }
}
