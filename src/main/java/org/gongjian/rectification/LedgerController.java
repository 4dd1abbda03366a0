package org.gongjian.rectification;

import java.io.IOException;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The ledger import page (all-or-nothing, every bad row listed). */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER', 'ORG_DEPT', 'UNIT_HEAD', 'LIAISON')")
class LedgerController {

    private final LedgerImport importer;
    private final CampaignService campaigns;

    LedgerController(LedgerImport importer, CampaignService campaigns) {
        this.importer = importer;
        this.campaigns = campaigns;
    }

    @GetMapping("/problems/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD', 'LIAISON')")
    String importForm(@RequestParam long campaignId, @AuthenticationPrincipal CurrentUser user, DataScope scope,
                      Model model) {
        return page(model, campaigns.campaign(campaignId, scope), user, null, null);
    }

    @PostMapping("/problems/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD', 'LIAISON')")
    String importPage(@RequestParam long campaignId, @RequestParam(required = false) @Nullable ProblemSource source,
                      @RequestParam(required = false) @Nullable MultipartFile file,
                      @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) throws IOException {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        try {
            int created = run(campaignId, source, file, user, scope);
            return page(model, campaign, user, "已导入" + created + "个问题", null);
        } catch (InvalidInput e) {
            return page(model, campaign, user, null, e);
        }
    }

    private int run(long campaignId, @Nullable ProblemSource source, @Nullable MultipartFile file, CurrentUser user,
                    DataScope scope) throws IOException {
        return LedgerApiController.run(importer, campaignId, source, file, user, scope);
    }

    private String page(Model model, CampaignView campaign, CurrentUser user, @Nullable String message,
                        @Nullable InvalidInput error) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("sources", java.util.Arrays.stream(ProblemSource.values())
                .filter(s -> ProblemPolicy.mayRecord(user, s)).toList());
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        return "rectification/import";
    }
}
