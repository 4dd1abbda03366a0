package org.gongjian.pledge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
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
import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonCommand;
import org.gongjian.org.PersonView;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A county of its own with a 2026 campaign (1 Jan – 31 Dec), tasks led by township A and B, and the two people
 * who sign township A's pledge: its unit head 张三 (镇长), linked to a person so the printed name is real, and the
 * county leader 王书记 (县委书记). Everything is made through the services; signing goes through
 * {@link PledgeService#sign} with the real password, as the API does.
 */
@Component
class PledgeFixtures {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final String VILLAGES = "治理村庄数";

    private final OrgFixtures orgs;
    private final OrgService org;
    private final UserService users;
    private final CampaignService campaigns;
    private final TaskService tasks;
    private final PledgeService pledges;
    private final String passwordHash;

    PledgeFixtures(OrgFixtures orgs, OrgService org, UserService users, CampaignService campaigns, TaskService tasks,
                   PledgeService pledges, PasswordEncoder encoder) {
        this.orgs = orgs;
        this.org = org;
        this.users = users;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.pledges = pledges;
        this.passwordHash = encoder.encode(OrgFixtures.PASSWORD);
    }

    /** The parties of one test: logins by username, and the two signers as the security context would hold them. */
    record Scene(County c, CampaignView campaign, String supervisor, String headA, String headB, String leader,
                 CurrentUser headAUser, CurrentUser leaderUser, PersonView leaderPerson) {

        long campaignId() {
            return campaign.id();
        }

        String tag() {
            return c.tag();
        }
    }

    Scene scene() {
        County c = orgs.county();
        CampaignView campaign = campaigns.create(new CampaignCommand("重点工作攻坚年" + c.tag(), 2026, START, END,
                c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null, null), DataScope.everything());
        PersonView secretary = org.createPerson(new PersonCommand("王书记" + c.tag(), "男", c.county().id(), "县委书记",
                false, LocalDate.of(2022, 1, 1)), DataScope.everything());
        CurrentUser headA = signer("zs" + c.tag(), c.cadreA().id(), c.townshipA(), Role.UNIT_HEAD);
        CurrentUser leader = signer("ws" + c.tag(), secretary.id(), c.county(), Role.LEADER);
        String headB = orgs.user("headb" + c.tag(), c.townshipB(), Role.UNIT_HEAD);
        String supervisor = orgs.user("sup" + c.tag(), c.county(), Role.SUPERVISOR);
        return new Scene(c, campaign, supervisor, headA.getUsername(), headB, leader.getUsername(), headA, leader,
                secretary);
    }

    /** A user linked to a person, so signatures print as 姓名（职务）. */
    CurrentUser signer(String username, long personId, UnitView scope, Role role) {
        long id = users.createPrehashed(username, passwordHash, personId, scope.id(), EnumSet.of(role));
        return new CurrentUser(id, username, personId, scope.id(), EnumSet.of(role));
    }

    /** A task with one HIGHER_IS_BETTER indicator 0 → {@code target} 个 and one milestone. */
    TaskView task(Scene s, String title, UnitView lead, String target) {
        return task(s, title, lead, target, Direction.HIGHER_IS_BETTER);
    }

    TaskView task(Scene s, String title, UnitView lead, String target, Direction direction) {
        BigDecimal baseline = direction == Direction.HIGHER_IS_BETTER ? BigDecimal.ZERO : new BigDecimal("100");
        return tasks.create(s.campaignId(), new TaskCommand(title, null, "生态环保", lead.id(), null, null, BigDecimal.ONE,
                START, LocalDate.of(2026, 11, 30),
                List.of(new TaskCommand.IndicatorInput(null, VILLAGES, "个", baseline, new BigDecimal(target), direction)),
                List.of(new TaskCommand.MilestoneInput(null, "完成方案编制", LocalDate.of(2026, 3, 31), null))),
                DataScope.everything());
    }

    /** Changes a task's first indicator target (the task list moves on; signed pledges must not). */
    TaskView retarget(TaskView task, String target) {
        TaskView.IndicatorView first = task.indicators().get(0);
        List<TaskCommand.IndicatorInput> indicators = new ArrayList<>();
        indicators.add(new TaskCommand.IndicatorInput(first.id(), first.name(), first.unit(), first.baseline(),
                new BigDecimal(target), first.direction()));
        List<TaskCommand.MilestoneInput> milestones = task.milestones().stream()
                .map(m -> new TaskCommand.MilestoneInput(m.id(), m.title(), m.dueDate(), m.doneDate())).toList();
        TaskView current = tasks.task(task.id(), DataScope.everything());
        return tasks.update(task.id(), current.version(), new TaskCommand(current.title(), current.description(),
                current.category(), current.leadUnitId(), current.leadLeaderId(), current.cooperatingUnitIds(),
                current.weight(), current.startDate(), current.dueDate(), indicators, milestones), DataScope.everything());
    }

    void actual(TaskView task, String value) {
        tasks.recordActual(task.id(), task.indicators().get(0).id(), new BigDecimal(value));
    }

    long generate(Scene s, UnitView unit) {
        return pledges.generate(s.campaignId(), unit.id(), s.supervisor(), DataScope.everything()).id();
    }

    /** Township A's unit head signs, then the county leader countersigns: the current version becomes SIGNED. */
    PledgeView signBoth(Scene s, long pledgeId) {
        pledges.sign(pledgeId, OrgFixtures.PASSWORD, null, s.headAUser(), "10.0.0.1", DataScope.everything());
        return pledges.sign(pledgeId, OrgFixtures.PASSWORD, null, s.leaderUser(), "10.0.0.2", DataScope.everything());
    }

    PledgeView amend(Scene s, long pledgeId, String reason) {
        return pledges.amend(pledgeId, reason, new PledgeService.Terms(null, null, null), s.supervisor(),
                DataScope.everything());
    }
}
