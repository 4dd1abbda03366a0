package org.gongjian.briefing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonCommand;
import org.gongjian.org.UnitView;
import org.gongjian.pledge.PledgeService;
import org.gongjian.report.ReportBackfill;
import org.gongjian.shared.DataScope;
import org.gongjian.supervision.LightEvaluation;
import org.gongjian.supervision.NoticeCommand;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeService;
import org.gongjian.support.MutableClock;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A hand-built campaign for the cockpit, as of 2026-06-15 (monthly reports due on the 5th): eight tasks from May,
 * lights evaluated on 05-20, 06-05 and 06-15 so three tasks turn red on different days, May reports on time, late
 * and missing, two notices, three pledges of which one is signed. The expected figures are in CockpitTests.
 */
@Component
class CockpitFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final DataScope ALL = DataScope.everything();

    private final OrgFixtures orgs;
    private final OrgService org;
    private final UserService users;
    private final PasswordEncoder encoder;
    private final CampaignService campaigns;
    private final TaskService tasks;
    private final ReportBackfill backfill;
    private final LightEvaluation lights;
    private final NoticeService notices;
    private final PledgeService pledges;

    CockpitFixtures(OrgFixtures orgs, OrgService org, UserService users, PasswordEncoder encoder,
                    CampaignService campaigns, TaskService tasks, ReportBackfill backfill, LightEvaluation lights,
                    NoticeService notices, PledgeService pledges) {
        this.orgs = orgs;
        this.org = org;
        this.users = users;
        this.encoder = encoder;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.backfill = backfill;
        this.lights = lights;
        this.notices = notices;
        this.pledges = pledges;
    }

    record Scene(County c, CampaignView campaign, TaskView county, TaskView a1, TaskView a2, TaskView a3,
                 TaskView village, TaskView b1, TaskView b2, TaskView dept, String supervisor, String liaison) {}

    Scene scene(MutableClock clock) {
        County c = orgs.county();
        CampaignView campaign = campaigns.create(new CampaignCommand("驾驶舱测试" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, 5, null, null, null,
                null), ALL);
        TaskView county = task(campaign, "县城污水管网" + c.tag(), "民生改善", c.county(), null);
        TaskView a1 = task(campaign, "甲镇垃圾转运站" + c.tag(), "生态环保", c.townshipA(), LocalDate.of(2026, 5, 10));
        TaskView a2 = task(campaign, "甲镇卫生院改造" + c.tag(), "民生改善", c.townshipA(), LocalDate.of(2026, 6, 10));
        TaskView a3 = task(campaign, "甲镇河道清淤" + c.tag(), "生态环保", c.townshipA(), null);
        TaskView village = task(campaign, "甲村道路硬化" + c.tag(), "民生改善", c.villageA(), null);
        TaskView b1 = task(campaign, "乙镇污水处理厂" + c.tag(), "生态环保", c.townshipB(), LocalDate.of(2026, 6, 1));
        TaskView b2 = task(campaign, "乙镇养老服务中心" + c.tag(), "民生改善", c.townshipB(), null);
        TaskView dept = task(campaign, "招商引资项目落地" + c.tag(), "招商引资", c.department(), null);
        for (TaskView onTime : List.of(county, a1, a2, b1, b2, dept)) {
            report(onTime, LocalDate.of(2026, 5, 28), c);
        }
        report(a3, LocalDate.of(2026, 6, 8), c); // after the 5 June deadline: late
        // the village task never reports May: missing
        lights.evaluateCampaign(campaign.id(), LocalDate.of(2026, 5, 20));
        lights.evaluateCampaign(campaign.id(), LocalDate.of(2026, 6, 5));
        lights.evaluateCampaign(campaign.id(), TODAY);
        CurrentUser office = signer("sup" + c.tag(), null, c.county(), Role.SUPERVISOR);
        String supervisor = office.getUsername();
        clock.set(TODAY.minusDays(7).atTime(9, 0).atZone(SHANGHAI).toInstant());
        notices.create(new NoticeCommand(b1.id(), null, NoticeLevel.URGE, "请说明污水处理厂进度滞后原因",
                TODAY.minusDays(5)), office, ALL);                      // open and past its date on the 15th
        notices.create(new NoticeCommand(a1.id(), null, NoticeLevel.SUPERVISE, "请限期完成转运站建设",
                TODAY.plusDays(5)), office, ALL);                       // open, not yet due
        clock.reset();
        pledges(c, campaign);
        return new Scene(c, campaign, county, a1, a2, a3, village, b1, b2, dept, supervisor, c.liaisonAUser());
    }

    /** Pledges for both townships and the department; township A's is signed by its head and the county leader. */
    private void pledges(County c, CampaignView campaign) {
        long a = pledges.generate(campaign.id(), c.townshipA().id(), "office", ALL).id();
        pledges.generate(campaign.id(), c.townshipB().id(), "office", ALL);
        pledges.generate(campaign.id(), c.department().id(), "office", ALL);
        long secretary = org.createPerson(new PersonCommand("王书记" + c.tag(), "男", c.county().id(), "县委书记", false,
                LocalDate.of(2022, 1, 1)), ALL).id();
        CurrentUser head = signer("hd" + c.tag(), c.cadreA().id(), c.townshipA(), Role.UNIT_HEAD);
        CurrentUser leader = signer("ls" + c.tag(), secretary, c.county(), Role.LEADER);
        pledges.sign(a, OrgFixtures.PASSWORD, null, head, "10.0.0.1", ALL);
        pledges.sign(a, OrgFixtures.PASSWORD, null, leader, "10.0.0.2", ALL);
    }

    private CurrentUser signer(String username, Long personId, UnitView scope, Role role) {
        long id = users.createPrehashed(username, encoder.encode(OrgFixtures.PASSWORD), personId, scope.id(), EnumSet.of(role));
        return new CurrentUser(id, username, personId, scope.id(), EnumSet.of(role));
    }

    void evaluate(long campaignId) {
        lights.evaluateCampaign(campaignId, TODAY);
    }

    TaskView task(CampaignView campaign, String title, String category, UnitView lead, LocalDate milestoneDue) {
        // without an open milestone an approved task counts as done; a far one keeps it green
        List<TaskCommand.MilestoneInput> milestones = new ArrayList<>();
        milestones.add(new TaskCommand.MilestoneInput(null, "完成主体工程",
                milestoneDue != null ? milestoneDue : LocalDate.of(2026, 11, 30), null));
        return tasks.create(campaign.id(), new TaskCommand(title, null, category, lead.id(), null, null, null,
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 12, 31), List.of(), milestones), ALL);
    }

    private void report(TaskView task, LocalDate handedIn, County c) {
        Instant at = handedIn.atTime(10, 0).atZone(SHANGHAI).toInstant();
        backfill.approved(new ReportBackfill.Historical(task.id(), "2026-05", List.of(), "按计划推进", "", "",
                c.liaisonAUser(), at, "office", at.plusSeconds(3600)));
    }
}
