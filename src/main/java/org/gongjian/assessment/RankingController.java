package org.gongjian.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
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

/** The ranking page per campaign, period and group: 红榜/黑榜, the table with breakdowns, the office's actions. */
@Controller
class RankingController {

    private final RankingService rankings;
    private final CampaignService campaigns;
    private final Clock clock;

    RankingController(RankingService rankings, CampaignService campaigns, Clock clock) {
        this.rankings = rankings;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @GetMapping("/campaigns/{id}/rankings")
    String page(@PathVariable long id, @RequestParam(required = false) @Nullable String period,
                @RequestParam(defaultValue = "TOWNSHIP") UnitGroup group, @RequestParam(required = false) @Nullable Long version,
                @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        CampaignView campaign = campaigns.campaign(id, scope);
        List<ReportingPeriod> periods = periods(campaign);
        String chosen = period != null ? ReportingPeriod.parse(period, campaign).label() : defaultPeriod(id, group, periods, scope);
        RankingView ranking = version != null ? rankings.ranking(version, user, scope)
                : rankings.find(id, chosen, group, user, scope).orElse(null);
        if (ranking != null && ranking.campaignId() != id) {
            throw new NotFound("ranking", version);
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("periods", periods);
        model.addAttribute("period", ranking != null ? ranking.period() : chosen);
        model.addAttribute("periodName", ReportingPeriod.displayName(ranking != null ? ranking.period() : chosen));
        model.addAttribute("group", group);
        model.addAttribute("groups", UnitGroup.values());
        model.addAttribute("ranking", ranking);
        model.addAttribute("office", user.has(Role.SUPERVISOR) || user.has(Role.ADMIN));
        model.addAttribute("canAppeal", ranking != null && ranking.status() == RankingStatus.PUBLISHED
                && (user.has(Role.UNIT_HEAD) || user.has(Role.LIAISON)));
        return "assessment/ranking";
    }

    private List<ReportingPeriod> periods(CampaignView campaign) {
        LocalDate today = LocalDate.now(clock);
        LocalDate to = today.isBefore(campaign.endDate()) ? today : campaign.endDate();
        List<ReportingPeriod> periods = to.isBefore(campaign.startDate()) ? new ArrayList<>()
                : new ArrayList<>(ReportingPeriod.between(campaign.startDate(), to, campaign));
        Collections.reverse(periods);
        return periods;
    }

    /** The newest published period, else the last period that has ended. */
    private String defaultPeriod(long id, UnitGroup group, List<ReportingPeriod> periods, DataScope scope) {
        List<String> published = rankings.publishedPeriods(id, group, scope);
        if (!published.isEmpty()) {
            return published.get(0);
        }
        return periods.size() > 1 ? periods.get(1).label() : periods.isEmpty() ? ReportingPeriod.containing(
                LocalDate.now(clock), campaigns.campaign(id, scope)).label() : periods.get(0).label();
    }

    @PostMapping("/campaigns/{id}/rankings/draft")
    String compute(@PathVariable long id, @RequestParam String period, @RequestParam UnitGroup group,
                   @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes flash) {
        try {
            RankingView draft = rankings.compute(id, period, group, user, scope);
            flash.addFlashAttribute("message", "已计算" + draft.periodName() + group.label() + "排名草稿（" + draft.items().size() + "个单位）");
        } catch (DomainException | InvalidInput e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return redirect(id, period, group);
    }

    @PostMapping("/campaigns/{id}/rankings/publish")
    String publish(@PathVariable long id, @RequestParam String period, @RequestParam UnitGroup group,
                   @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes flash) {
        try {
            RankingView published = rankings.publish(id, period, group, user, scope);
            flash.addFlashAttribute("message", "排名已发布，哈希 " + published.contentHash());
        } catch (DomainException | InvalidInput | NotFound e) {
            flash.addFlashAttribute("error", e instanceof NotFound ? "请先计算排名草稿" : e.getMessage());
        }
        return redirect(id, period, group);
    }

    @PostMapping("/rankings/{rankingId}/verify")
    String verify(@PathVariable long rankingId, @AuthenticationPrincipal CurrentUser user, DataScope scope,
                  RedirectAttributes flash) {
        RankingView view = rankings.ranking(rankingId, user, scope);
        try {
            Verification v = rankings.verify(rankingId, user, scope);
            flash.addFlashAttribute(v.valid() ? "message" : "error", v.valid()
                    ? "校验通过：第" + v.version() + "版数据与发布时的哈希一致"
                    : "校验失败：第" + v.version() + "版数据已被改动（发布时 " + v.storedHash() + "，现在 " + v.computedHash() + "）");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaigns/" + view.campaignId() + "/rankings?period=" + view.period() + "&group="
                + view.group() + "&version=" + rankingId;
    }

    private static String redirect(long id, String period, UnitGroup group) {
        return "redirect:/campaigns/" + id + "/rankings?period=" + period + "&group=" + group;
    }
}
