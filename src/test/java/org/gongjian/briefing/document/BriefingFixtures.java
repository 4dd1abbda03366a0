package org.gongjian.briefing.document;

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
import org.gongjian.shared.DataScope;
import org.gongjian.supervision.LightEvaluation;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.springframework.stereotype.Component;

/**
 * A county with a monthly campaign (2026) and three tasks lit on 2026-06-15: township A's with a milestone overdue
 * since May, township B's with one due in three days, the department's due in September. The tasks start in May
 * and no reports are in, so the May reports (due 5 June) are missing.
 */
@Component
class BriefingFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final DataScope ALL = DataScope.everything();

    private final OrgFixtures org;
    private final CampaignService campaigns;
    private final TaskService tasks;
    private final LightEvaluation lights;

    BriefingFixtures(OrgFixtures org, CampaignService campaigns, TaskService tasks, LightEvaluation lights) {
        this.org = org;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.lights = lights;
    }

    record Setup(County c, CampaignView campaign, List<TaskView> tasks, String supervisor, String otherSupervisor) {

        TaskView task(int i) {
            return tasks.get(i);
        }
    }

    Setup county() {
        County c = org.county();
        CampaignView campaign = campaigns.create(new CampaignCommand("攻坚年" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), ALL);
        TaskView red = task(campaign, "污水管网改造" + c.tag(), "生态环保", c.townshipA().id(), c.cadreA().id(),
                LocalDate.of(2026, 5, 1));
        TaskView yellow = task(campaign, "农村道路硬化" + c.tag(), "民生改善", c.townshipB().id(), c.cadreB().id(),
                TODAY.plusDays(3));
        TaskView green = task(campaign, "营商环境评价" + c.tag(), "改革创新", c.department().id(), null,
                LocalDate.of(2026, 9, 30));
        lights.evaluateCampaign(campaign.id(), TODAY);
        List<TaskView> lit = List.of(tasks.task(red.id(), ALL), tasks.task(yellow.id(), ALL), tasks.task(green.id(), ALL));
        String supervisor = org.user("sup" + c.tag(), c.county(), Role.SUPERVISOR);
        County other = org.county();
        String otherSupervisor = org.user("sup" + other.tag(), other.county(), Role.SUPERVISOR);
        return new Setup(c, campaign, lit, supervisor, otherSupervisor);
    }

    /** One more task of the setup's campaign, led by a village under township A, overdue (red), lights re-evaluated. */
    TaskView villageTask(Setup s) {
        TaskView task = task(s.campaign(), "村级道路维修" + s.c().tag(), "民生改善", s.c().villageA().id(), null,
                LocalDate.of(2026, 5, 20));
        lights.evaluateCampaign(s.campaign().id(), TODAY);
        return tasks.task(task.id(), ALL);
    }

    private TaskView task(CampaignView campaign, String title, String category, long unit, Long leader, LocalDate milestone) {
        return tasks.create(campaign.id(), new TaskCommand(title, null, category, unit, leader, List.of(), null,
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 12, 31), List.of(),
                List.of(new TaskCommand.MilestoneInput(null, "完成招标", milestone, null))), ALL);
    }
}
