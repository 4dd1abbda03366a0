package org.gongjian.assessment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.campaign.CampaignService;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PersonalDataRead;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rankings, their snapshots and verification, and the xlsx export over {@code /api/v1}. */
@RestController
class AssessmentApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RankingService rankings;
    private final CampaignService campaigns;

    AssessmentApiController(RankingService rankings, CampaignService campaigns) {
        this.rankings = rankings;
        this.campaigns = campaigns;
    }

    @GetMapping("/api/v1/campaigns/{id}/rankings")
    RankingView ranking(@PathVariable long id, @RequestParam String period, @RequestParam UnitGroup group,
                        @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return rankings.current(id, period, group, user, scope);
    }

    @PostMapping("/api/v1/campaigns/{id}/rankings/draft")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    RankingView compute(@PathVariable long id, @RequestParam String period, @RequestParam UnitGroup group,
                        @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return rankings.compute(id, period, group, user, scope);
    }

    @PostMapping("/api/v1/campaigns/{id}/rankings/publish")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    RankingView publish(@PathVariable long id, @RequestParam String period, @RequestParam UnitGroup group,
                        @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return rankings.publish(id, period, group, user, scope);
    }

    @GetMapping("/api/v1/rankings/{rankingId}")
    RankingView version(@PathVariable long rankingId, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return rankings.ranking(rankingId, user, scope);
    }

    @GetMapping("/api/v1/rankings/{rankingId}/units/{unitId}")
    RankingView.Entry entry(@PathVariable long rankingId, @PathVariable long unitId,
                            @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return rankings.entry(rankingId, unitId, user, scope);
    }

    @GetMapping("/api/v1/rankings/{rankingId}/verify")
    Verification verify(@PathVariable long rankingId, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return rankings.verify(rankingId, user, scope);
    }

    /** Also behind the page's export button (same session). */
    @GetMapping({"/api/v1/rankings/{rankingId}/export.xlsx", "/rankings/{rankingId}/export.xlsx"})
    @PersonalDataRead("ranking-export")
    void export(@PathVariable long rankingId, @AuthenticationPrincipal CurrentUser user, DataScope scope,
                HttpServletResponse response) throws IOException {
        RankingView view = rankings.ranking(rankingId, user, scope);
        String campaignName = campaigns.campaign(view.campaignId(), scope).name();
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(RankingExport.fileName(view), StandardCharsets.UTF_8).build().toString());
        RankingExport.write(view, campaignName, response.getOutputStream());
    }
}
