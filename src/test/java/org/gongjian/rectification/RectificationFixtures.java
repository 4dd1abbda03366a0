package org.gongjian.rectification;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.org.UnitView;
import org.gongjian.report.EvidenceFiles;
import org.gongjian.report.EvidenceService;
import org.gongjian.shared.DataScope;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A county with a campaign, a 城市社区治理 task of township A, and the people who record, fix and sign off problems. */
@Component
class RectificationFixtures {

    static final DataScope ALL = DataScope.everything();

    private final OrgFixtures org;
    private final CampaignService campaigns;
    private final TaskService tasks;
    private final EvidenceService evidence;
    private final JdbcClient jdbc;

    RectificationFixtures(OrgFixtures org, CampaignService campaigns, TaskService tasks, EvidenceService evidence,
                          JdbcClient jdbc) {
        this.org = org;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.evidence = evidence;
        this.jdbc = jdbc;
    }

    record Setup(County c, CampaignView campaign, TaskView task, CurrentUser office, CurrentUser headA,
                 CurrentUser liaisonA, CurrentUser headB, DataScope scopeA, DataScope scopeB) {}

    Setup setup() {
        County c = org.county();
        CampaignView campaign = campaigns.create(new CampaignCommand("整改年" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), ALL);
        TaskView task = tasks.create(campaign.id(), new TaskCommand("社区治理补短板" + c.tag(), null, "城市社区治理",
                c.townshipA().id(), c.cadreA().id(), List.of(), null, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), List.of(), List.of()), ALL);
        String supervisor = org.user("rsup" + c.tag(), c.county(), Role.SUPERVISOR);
        String headA = org.user("rhda" + c.tag(), c.townshipA(), Role.UNIT_HEAD);
        String headB = org.user("rhdb" + c.tag(), c.townshipB(), Role.UNIT_HEAD);
        return new Setup(c, campaign, task, user(supervisor, c.county(), Role.SUPERVISOR),
                user(headA, c.townshipA(), Role.UNIT_HEAD), user(c.liaisonAUser(), c.townshipA(), Role.LIAISON),
                user(headB, c.townshipB(), Role.UNIT_HEAD), scope(c.townshipA()), scope(c.townshipB()));
    }

    CurrentUser user(String username, UnitView unit, Role role) {
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
        return new CurrentUser(id, username, null, unit.id(), Set.copyOf(EnumSet.of(role)));
    }

    static DataScope scope(UnitView unit) {
        return DataScope.of(unit.id(), unit.path());
    }

    /** A photo in the unit's library. */
    long photo(long unitId, int seed) throws Exception {
        return evidence.upload(unitId, "现场照片" + seed + ".jpg",
                new ByteArrayInputStream(EvidenceFiles.jpeg(64, 48, seed)), ALL).id();
    }

    static ProblemCommand selfInspection(Setup s, Severity severity, LocalDate deadline) {
        return new ProblemCommand(s.campaign().id(), s.c().townshipA().id(), ProblemSource.SELF, "党建引领",
                "社区党组织领导作用发挥不到位", severity, LocalDate.of(2026, 6, 1), s.task().id(), null,
                List.of(new MeasureCommand("建立社区大党委联席会议制度，驻区单位党组织负责人任兼职委员，每季度至少召开一次联席会议并形成共建项目清单，逐项落实到责任单位和责任人",
                        null, "张书记", deadline, "每月召开一次联席会议")));
    }
}
