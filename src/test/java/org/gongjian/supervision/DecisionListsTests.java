package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.CategorySummary;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.Role;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Lists that help decide: the red list with totals, groups and how long each task has been red; a township's count
 * of the campaign's tasks; a leader's 包保 tasks.
 */
class DecisionListsTests extends IntegrationTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 12, 31);

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures org;
    @Autowired CampaignService campaigns;
    @Autowired TaskService tasks;
    @Autowired LightEvaluation lights;

    private record Setup(OrgFixtures.County county, CampaignView campaign, TaskView parent, TaskView shareA,
                         TaskView shareB, TaskView cooperated, TaskView deptTask) {}

    private Setup setup() {
        OrgFixtures.County c = org.county();
        CampaignView campaign = campaigns.create(new CampaignCommand("攻坚年" + c.tag(), 2026, START, END, c.county().id(),
                null, ReportingFrequency.MONTHLY, null, null, null, null, null), DataScope.everything());
        // a county task led by the department, shared out to both townships; township A helps with a second one
        TaskView parent = task(campaign, null, c.department(), "项目建设" + c.tag(), c.cadreA().id(), List.of());
        TaskView shareA = task(campaign, parent.id(), c.townshipA(), "甲镇份额" + c.tag(), null, List.of());
        TaskView shareB = task(campaign, parent.id(), c.townshipB(), "乙镇份额" + c.tag(), null, List.of());
        TaskView cooperated = task(campaign, null, c.department(), "协办任务" + c.tag(), null, List.of(c.townshipA().id()));
        TaskView deptTask = task(campaign, null, c.department(), "部门任务" + c.tag(), c.cadreA().id(), List.of());
        return new Setup(c, campaign, parent, shareA, shareB, cooperated, deptTask);
    }

    private TaskView task(CampaignView campaign, Long parentId, UnitView lead, String title, Long leader,
                          List<Long> cooperating) {
        return tasks.create(campaign.id(), parentId, new TaskCommand(title, null, "民生改善", lead.id(), leader, cooperating,
                null, START, END, List.of(new TaskCommand.IndicatorInput(null, "新增城镇就业人数", "人", BigDecimal.ZERO,
                        new BigDecimal("1000"), Direction.HIGHER_IS_BETTER)),
                List.of(new TaskCommand.MilestoneInput(null, "完成招聘会", LocalDate.of(2026, 5, 31), null))),
                DataScope.everything());
    }

    private String page(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aTownshipCountsTheSharesItLeadsAndTheTasksItHelpsWith() {
        Setup s = setup();
        DataScope township = DataScope.of(s.county().townshipA().id(), s.county().townshipA().path());
        DataScope county = DataScope.of(s.county().county().id(), s.county().county().path());
        assertThat(tasks.summary(s.campaign().id(), township).stream().mapToLong(CategorySummary::tasks).sum())
                .as("its share and the task it cooperates on").isEqualTo(2);
        assertThat(tasks.summary(s.campaign().id(), county).stream().mapToLong(CategorySummary::tasks).sum())
                .as("the county's own list, shares counted with their parent").isEqualTo(3);
    }

    @Test
    void aLeaderSeesTheTasksHeIsLeadLeaderFor() throws Exception {
        Setup s = setup();
        String leader = org.user("bao" + s.county().tag(), s.county().county(), Role.LEADER, s.county().cadreA().id());
        String html = page("/my/tasks", Logins.session(mvc, leader));
        assertThat(html).contains(s.parent().title(), s.deptTask().title())
                .doesNotContain(s.cooperated().title(), s.shareA().title());
        // a township's own view is unchanged: everything it leads or helps with
        String liaison = page("/my/tasks", Logins.session(mvc, s.county().liaisonAUser()));
        assertThat(liaison).contains(s.shareA().title(), s.cooperated().title());
    }

    @Test
    void theRedListHasTotalsGroupsAndTheDayEachTaskTurned() throws Exception {
        Setup s = setup();
        clock.set(Instant.parse("2026-06-10T02:00:00Z"));
        lights.evaluateCampaign(s.campaign().id(), LocalDate.of(2026, 6, 10));
        clock.set(Instant.parse("2026-06-15T02:00:00Z"));
        String office = org.user("dcs" + s.county().tag(), s.county().county(), Role.SUPERVISOR);
        MockHttpSession session = Logins.session(mvc, office);
        String base = "/supervision/lights?campaignId=" + s.campaign().id();

        String byUnit = page(base, session);
        // five tasks red (milestone overdue), the department's three first (the biggest group)
        assertThat(byUnit).contains("data-test=\"lights-total-red\">5<", "涉及3个牵头单位", "红灯已持续5天（自2026-06-10）",
                "已逾期10天");
        assertThat(byUnit.indexOf(s.county().department().name())).isLessThan(byUnit.indexOf(s.county().townshipA().name()));

        String paged = page(base + "&group=NONE&sort=SEVERITY", session);
        // the parent has its own reason and its red shares: the most reasons, so first
        assertThat(paged.indexOf(s.parent().title())).isLessThan(paged.indexOf(s.deptTask().title()));

        String english = page(base + "&lang=en", session);
        assertThat(english).contains("Milestone \u201c完成招聘会\u201d overdue by 10 days", "Red for 5 days (since 2026-06-10)");

        // a supervisor of township B sees the tasks it leads, no other unit's
        String townshipOffice = org.user("dcsb" + s.county().tag(), s.county().townshipB(), Role.SUPERVISOR);
        assertThat(page(base, Logins.session(mvc, townshipOffice))).contains(s.shareB().title(), "data-test=\"lights-total-red\">1<")
                .doesNotContain(s.shareA().title());
    }

    @Test
    void englishModeKeepsTheQueryAndTranslatesProblemTitles() throws Exception {
        Setup s = setup();
        MockHttpSession office = Logins.session(mvc, org.user("dcse" + s.county().tag(), s.county().county(), Role.SUPERVISOR));
        String base = "/supervision/lights?campaignId=" + s.campaign().id() + "&group=CATEGORY";
        // the language link is the same page with its filters, only lang switched
        assertThat(page(base, office)).contains("href=\"/supervision/lights?campaignId=" + s.campaign().id()
                + "&amp;group=CATEGORY&amp;lang=en\"");
        String token = Logins.token(mvc, s.county().adminUser());
        String problem = mvc.perform(get("/api/v1/tasks/999999999").param("lang", "en").header("Authorization", token))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(problem).contains("\"title\":\"Not found\"");
        String chinese = mvc.perform(get("/api/v1/tasks/999999999").header("Authorization", token))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(chinese).contains("\"title\":\"未找到\"");
    }
}
