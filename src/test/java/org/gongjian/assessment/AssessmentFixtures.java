package org.gongjian.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.Role;
import org.gongjian.report.ReportBackfill;
import org.gongjian.shared.DataScope;
import org.gongjian.support.OrgFixtures;
import org.springframework.stereotype.Component;

/**
 * A county whose townships A and B each lead one task (no indicators, no milestones: on plan, so completion is the
 * full 60). For 2026-10, A reported on time (approved, unrated: 良) and B did not report at all.
 */
@Component
class AssessmentFixtures {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final DataScope ALL = DataScope.everything();

    private final OrgFixtures org;
    private final CampaignService campaigns;
    private final TaskService tasks;
    private final ReportBackfill backfill;

    AssessmentFixtures(OrgFixtures org, CampaignService campaigns, TaskService tasks, ReportBackfill backfill) {
        this.org = org;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.backfill = backfill;
    }

    record Setup(OrgFixtures.County c, CampaignView campaign, TaskView taskA, TaskView taskB, long reportA,
                 String office, String headB, String headA) {}

    Setup october() {
        OrgFixtures.County c = org.county();
        CampaignView campaign = campaigns.create(new CampaignCommand("考核年" + c.tag(), 2026, START, END, c.county().id(),
                null, ReportingFrequency.MONTHLY, null, null, null, null, null), ALL);
        TaskView a = task(campaign, c.townshipA().id(), "污水管网" + c.tag());
        TaskView b = task(campaign, c.townshipB().id(), "道路硬化" + c.tag());
        long report = backfill.approved(new ReportBackfill.Historical(a.id(), "2026-10", List.of(), "按计划推进", "", "",
                "liaison", Instant.parse("2026-11-03T02:00:00Z"), "office", Instant.parse("2026-11-04T02:00:00Z")));
        return new Setup(c, campaign, a, b, report, org.user("sup" + c.tag(), c.county(), Role.SUPERVISOR),
                org.user("hb" + c.tag(), c.townshipB(), Role.UNIT_HEAD),
                org.user("ha" + c.tag(), c.townshipA(), Role.UNIT_HEAD));
    }

    TaskView task(CampaignView campaign, long unitId, String title) {
        return tasks.create(campaign.id(), new TaskCommand(title, null, "生态环保", unitId, null, List.of(), null, START,
                END, List.of(), List.of()), ALL);
    }
}
