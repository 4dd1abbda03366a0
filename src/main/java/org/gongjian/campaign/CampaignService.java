package org.gongjian.campaign;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.gongjian.org.OrgService;
import org.gongjian.org.UnitView;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns (攻坚行动): create and look up, always within the caller's data scope. */
@Service
@Transactional
public class CampaignService {

    private final CampaignStore campaigns;
    private final OrgService org;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignService(CampaignStore campaigns, OrgService org, ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.org = org;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CampaignView campaign(long id, DataScope scope) {
        return campaigns.find(id, scope).orElseThrow(() -> new NotFound("campaign", id));
    }

    /**
     * How the campaign's reports are reviewed, no scope: a submit needs these two fields, not the view (the campaign
     * row with its owner's name and its categories, two statements).
     */
    @Transactional(readOnly = true)
    public ReviewRoute reviewRoute(long campaignId) {
        return campaigns.reviewRoute(campaignId).orElseThrow(() -> new NotFound("campaign", campaignId));
    }

    @Transactional(readOnly = true)
    public List<CampaignView> campaigns(DataScope scope) {
        return campaigns.visible(scope);
    }

    /**
     * The campaign a user means when they say "the campaign": of those under way today in their scope, the one that
     * began first — the year's 攻坚年 rather than a special drive started inside it (人才改革攻坚行动) — else the newest
     * one at all. Empty when they can see none.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<CampaignView> current(DataScope scope) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        java.util.Comparator<CampaignView> byStart = java.util.Comparator.comparing(CampaignView::startDate)
                .thenComparing(CampaignView::id);
        List<CampaignView> visible = campaigns.visible(scope);
        return visible.stream().filter(c -> !today.isBefore(c.startDate()) && !today.isAfter(c.endDate())).min(byStart)
                .or(() -> visible.stream().max(byStart));
    }

    public CampaignView create(CampaignCommand command, DataScope scope) {
        UnitView owner = org.unit(command.ownerUnitId(), scope);
        if (command.parentCampaignId() != null) {
            CampaignView parent = campaign(command.parentCampaignId(), scope);
            if (!owner.path().startsWith(org.scopeOf(parent.ownerUnitId()).orElseThrow().path())) {
                throw InvalidInput.of("parentCampaignId", "承接的上级攻坚行动须由上级单位发起");
            }
        }
        if (command.endDate().isBefore(command.startDate())) {
            throw InvalidInput.of("endDate", "结束日期不能早于开始日期");
        }
        CampaignView.Thresholds defaults = CampaignView.Thresholds.defaults();
        CampaignView.Thresholds thresholds = new CampaignView.Thresholds(
                command.yellowBehindPct() == null ? defaults.yellowBehindPct() : command.yellowBehindPct(),
                command.redBehindPct() == null ? defaults.redBehindPct() : command.redBehindPct(),
                command.dueSoonDays() == null ? defaults.dueSoonDays() : command.dueSoonDays());
        if (thresholds.yellowBehindPct() >= thresholds.redBehindPct()) {
            throw InvalidInput.of("redBehindPct", "红灯阈值须大于黄灯阈值");
        }
        List<String> categories = new ArrayList<>(new LinkedHashSet<>(command.categories() == null
                || command.categories().isEmpty() ? CampaignCommand.DEFAULT_CATEGORIES
                : command.categories().stream().map(String::trim).toList()));
        int deadline = command.reportDeadlineDay() != null ? command.reportDeadlineDay()
                : 5; // weekly: Friday; monthly: the 5th of the following month
        if (command.reportingFrequency() == ReportingFrequency.WEEKLY && deadline > 7) {
            throw InvalidInput.of("reportDeadlineDay", "周报的截止日须为星期一(1)到星期日(7)");
        }
        long id = campaigns.insert(command, thresholds, deadline, categories, clock.instant());
        CampaignView created = campaigns.find(id, DataScope.everything()).orElseThrow();
        events.publishEvent(AuditableChange.created("campaign", id, created));
        return created;
    }

    /** Two-level review of progress reports: the unit head approves before the supervision office (两级审核). */
    public CampaignView setUnitHeadReview(long id, boolean on, DataScope scope) {
        CampaignView before = campaign(id, scope);
        campaigns.setUnitHeadReview(id, on);
        events.publishEvent(new AuditableChange("campaign.unit-head-review", "campaign", String.valueOf(id),
                before.unitHeadReview(), on));
        return campaign(id, scope);
    }
}
