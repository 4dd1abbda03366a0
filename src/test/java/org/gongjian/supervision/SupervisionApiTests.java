package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The evaluate and confidence endpoints: roles, data scope, validation, audit. */
class SupervisionApiTests extends IntegrationTest {

    static final DataScope ALL = DataScope.everything();

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired CampaignService campaigns;
    @Autowired TaskService tasks;
    @Autowired UserService users;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;

    County c;
    CampaignView campaign;
    TaskView task;
    String supervisor;
    String leadLeader;

    @BeforeEach
    void countyWithAnOverdueTask() {
        c = fixtures.county();
        supervisor = fixtures.user("sup" + c.tag(), c.county(), Role.SUPERVISOR);
        leadLeader = "lead" + c.tag();
        users.createPrehashed(leadLeader, encoder.encode(OrgFixtures.PASSWORD), c.cadreA().id(), c.townshipA().id(),
                EnumSet.of(Role.LEADER));
        campaign = campaigns.create(new CampaignCommand("攻坚年" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), ALL);
        task = tasks.create(campaign.id(), new TaskCommand("污水治理" + c.tag(), null, "生态环保", c.townshipA().id(),
                c.cadreA().id(), null, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(),
                List.of(new TaskCommand.MilestoneInput(null, "完成项目签约", LocalDate.of(2026, 6, 3), null))), ALL);
    }

    ResultActions evaluate(String user, String query) throws Exception {
        return mvc.perform(post("/api/v1/supervision/evaluate" + query).header("Authorization", Logins.token(mvc, user)));
    }

    @Test
    void aSupervisorEvaluatesTheCampaignsInScopeAndTheTaskShowsItsReasons() throws Exception {
        evaluate(supervisor, "?asOf=2026-06-15").andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2026-06-15"))
                .andExpect(jsonPath("$.lights.RED").value(1));
        mvc.perform(get("/api/v1/tasks/" + task.id()).header("Authorization", Logins.token(mvc, c.liaisonAUser())))
                .andExpect(jsonPath("$.light").value("RED"))
                .andExpect(jsonPath("$.lightReasons[0]").value("节点“完成项目签约”已逾期12天"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'supervision.evaluate' AND actor = :a")
                .param("a", supervisor).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/campaigns/" + campaign.id() + "/light-counts")
                        .header("Authorization", Logins.token(mvc, supervisor)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.byUnit[0].tally.lights.RED").value(1));
    }

    @Test
    void asOfDefaultsToTodayByTheClock() throws Exception {
        evaluate(supervisor, "").andExpect(status().isOk()).andExpect(jsonPath("$.asOf").value("2026-06-15"));
    }

    @Test
    void aBadDateIs400ProblemJson() throws Exception {
        evaluate(supervisor, "?asOf=2026-13-45").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void otherRolesMayNotEvaluate() throws Exception {
        evaluate(c.liaisonAUser(), "").andExpect(status().isForbidden());
        evaluate(c.leaderUser(), "").andExpect(status().isForbidden());
    }

    @Test
    void aTownshipSupervisorDoesNotEvaluateTheCountysCampaign() throws Exception {
        String townshipSupervisor = fixtures.user("tsup" + c.tag(), c.townshipB(), Role.SUPERVISOR);
        evaluate(townshipSupervisor, "?asOf=2026-06-15").andExpect(status().isOk())
                .andExpect(jsonPath("$.campaigns").value(0));
        assertThat(tasks.task(task.id(), ALL).light()).isNull();
    }

    ResultActions judge(String user, long taskId, String body) throws Exception {
        return mvc.perform(put("/api/v1/tasks/" + taskId + "/confidence").header("Authorization", Logins.token(mvc, user))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static final String BODY = "{\"rating\":\"LOW\",\"reason\":\"征地未完成，签约推迟\",\"reviewOn\":\"2026-06-30\"}";

    @Test
    void aSupervisorOrTheLeadLeaderJudgesConfidenceAndItIsKept() throws Exception {
        judge(supervisor, task.id(), BODY).andExpect(status().isOk())
                .andExpect(jsonPath("$.rating").value("LOW")).andExpect(jsonPath("$.ratingLabel").value("低"))
                .andExpect(jsonPath("$.reviewOverdue").value(false));
        judge(leadLeader, task.id(), "{\"rating\":\"MEDIUM\",\"reason\":\"已约谈，下周签约\",\"reviewOn\":\"2026-06-20\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.judgedBy").value(leadLeader));
        mvc.perform(get("/api/v1/tasks/" + task.id() + "/confidence").header("Authorization", Logins.token(mvc, supervisor)))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].rating").value("MEDIUM")).andExpect(jsonPath("$[1].rating").value("LOW"));
        clock.advance(Duration.ofDays(6));
        mvc.perform(get("/api/v1/tasks/" + task.id() + "/confidence").header("Authorization", Logins.token(mvc, supervisor)))
                .andExpect(jsonPath("$[0].reviewOverdue").value(true));
    }

    @Test
    void othersMayNotJudge() throws Exception {
        judge(c.leaderUser(), task.id(), BODY).andExpect(status().isForbidden());   // a leader, not this task's
        judge(c.liaisonAUser(), task.id(), BODY).andExpect(status().isForbidden());
        judge(c.adminUser(), task.id(), BODY).andExpect(status().isForbidden());
    }

    @Test
    void aTaskOutOfScopeIsNotFound() throws Exception {
        String townshipSupervisor = fixtures.user("bsup" + c.tag(), c.townshipB(), Role.SUPERVISOR);
        judge(townshipSupervisor, task.id(), BODY).andExpect(status().isNotFound());
    }

    @Test
    void aJudgementNeedsAReasonAndAReviewDateNotInThePast() throws Exception {
        judge(supervisor, task.id(), "{\"rating\":\"HIGH\",\"reason\":\" \",\"reviewOn\":\"2026-06-30\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        judge(supervisor, task.id(), "{\"rating\":\"HIGH\",\"reason\":\"进展顺利\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reviewOn"));
        judge(supervisor, task.id(), "{\"rating\":\"HIGH\",\"reason\":\"进展顺利\",\"reviewOn\":\"2026-06-14\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reviewOn"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM confidence_judgement WHERE task_id = :t").param("t", task.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theRedListAndTheTaskPageShowTheLightWithItsReasonsBesideTheJudgement() throws Exception {
        evaluate(supervisor, "?asOf=2026-06-10");
        judge(supervisor, task.id(), BODY).andExpect(status().isOk());
        var session = Logins.session(mvc, c.leaderUser());
        String list = mvc.perform(get("/supervision/lights").param("campaignId", String.valueOf(campaign.id()))
                        .param("light", "RED").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(list).contains("污水治理" + c.tag(), "节点“完成项目签约”已逾期7天", "甲镇" + c.tag(), "红灯已持续5天（自2026-06-10）");
        String page = mvc.perform(get("/tasks/" + task.id()).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("亮灯与交付信心", "计算亮灯：红灯（自2026-06-10起，已5天）", "交付信心：低", "征地未完成，签约推迟");
        mvc.perform(get("/supervision/lights").session(Logins.session(mvc, c.liaisonAUser())))
                .andExpect(status().isForbidden());
    }
}
