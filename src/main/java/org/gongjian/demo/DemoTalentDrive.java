package org.gongjian.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.talent.FeedMetric;
import org.gongjian.talent.TalentFeeds;
import org.springframework.stereotype.Component;

/**
 * 人才改革攻坚行动 as a campaign of the demo county: tasks under 健全机制 / 搭建平台 / 优化服务 led by the organisation
 * department, whose indicators 引进人才数, 服务事项按期办结率 and 满意率 are bound to the talent desk's figures.
 */
@Component
class DemoTalentDrive {

    private final CampaignService campaigns;
    private final TaskService tasks;
    private final OrgService org;
    private final TalentFeeds feeds;

    DemoTalentDrive(CampaignService campaigns, TaskService tasks, OrgService org, TalentFeeds feeds) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.org = org;
        this.feeds = feeds;
    }

    /** @return the 优化服务 task (its indicators are fed by the desk) */
    TaskView load(UnitView county, DataScope scope, CurrentUser office, LocalDate today) {
        long orgDept = org.unitByCode("P01C01K01D05").orElseThrow().id();
        int year = today.getYear();
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        CampaignView drive = campaigns.create(new CampaignCommand("人才改革攻坚行动", year, start, end, county.id(), null,
                ReportingFrequency.MONTHLY, null, List.of("健全机制", "搭建平台", "优化服务"), null, null, null), scope);
        tasks.create(drive.id(), new TaskCommand("出台人才新政和配套细则", null, "健全机制", orgDept, null, List.of(), null,
                start, end, List.of(), List.of(new TaskCommand.MilestoneInput(null, "人才新政20条印发", LocalDate.of(year, 3, 31),
                        LocalDate.of(year, 3, 28)), new TaskCommand.MilestoneInput(null, "配套实施细则出台",
                        LocalDate.of(year, 6, 30), LocalDate.of(year, 7, 10)))), scope);
        TaskView platform = tasks.create(drive.id(), new TaskCommand("建好人才库和引才平台", null, "搭建平台", orgDept, null,
                List.of(), null, start, end, List.of(new TaskCommand.IndicatorInput(null, "引进人才数", "人", BigDecimal.ZERO,
                        new BigDecimal("30"), Direction.HIGHER_IS_BETTER)), List.of()), scope);
        TaskView service = tasks.create(drive.id(), new TaskCommand("人才服务事项按期办结", null, "优化服务", orgDept, null,
                List.of(), null, start, end, List.of(
                        new TaskCommand.IndicatorInput(null, "服务事项按期办结率", "%", new BigDecimal("80"), new BigDecimal("100"),
                                Direction.HIGHER_IS_BETTER),
                        new TaskCommand.IndicatorInput(null, "满意率", "%", new BigDecimal("85"), new BigDecimal("95"),
                                Direction.HIGHER_IS_BETTER)), List.of()), scope);
        feeds.bind(platform.id(), platform.indicators().get(0).id(), FeedMetric.INTRODUCED, county.id(), office, scope);
        feeds.bind(service.id(), service.indicators().get(0).id(), FeedMetric.ON_TIME_RATE, county.id(), office, scope);
        feeds.bind(service.id(), service.indicators().get(1).id(), FeedMetric.SATISFACTION_RATE, county.id(), office, scope);
        return service;
    }
}
