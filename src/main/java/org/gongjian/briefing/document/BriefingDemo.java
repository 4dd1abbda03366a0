package org.gongjian.briefing.document;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.shared.DataScope;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The demo county's published briefing: last month's (this month's when the campaign began this month), issued by
 * the county's 攻坚年 office. Called by the demo loader after reports and lights are in.
 */
@Component
@NamedInterface("demo")
public class BriefingDemo {

    private final BriefingService briefings;
    private final CampaignService campaigns;
    private final Clock clock;

    BriefingDemo(BriefingService briefings, CampaignService campaigns, Clock clock) {
        this.briefings = briefings;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    public void publish(long campaignId, String office) {
        DataScope all = DataScope.everything();
        CampaignView campaign = campaigns.campaign(campaignId, all);
        YearMonth month = YearMonth.now(clock).minusMonths(1);
        if (month.isBefore(YearMonth.from(campaign.startDate()))) {
            month = YearMonth.now(clock);
        }
        BriefingPeriod period = new BriefingPeriod(month);
        String owner = campaign.ownerUnitName();
        briefings.saveSettings(campaignId, new BriefingSettings(owner + "重点工作攻坚年领导小组办公室",
                owner.charAt(0) + "攻坚办"), office, all);
        BriefingData.Narrative draft = briefings.briefing(campaignId, period, all).data().narrative();
        briefings.saveNarrative(campaignId, period, new BriefingData.Narrative(draft.overview()
                + "各包保领导和牵头单位要坚持问题导向，对照时间节点倒排工期，确保" + LocalDate.now(clock).getYear()
                + "年度攻坚目标全面完成。", draft.commendations(), draft.nextSteps()), office, all);
        briefings.publish(campaignId, period, office, all);
    }
}
