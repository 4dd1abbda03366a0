package org.gongjian.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The service desk: routing with a working-day deadline, overdue → red → 催办, rating and review, fed indicators. */
class TalentDeskTests extends IntegrationTest {

    /** Tuesday 29 September 2026, 10:00 in Shanghai: five working days run across 国庆 to Monday 12 October. */
    static final Instant OPENED = Instant.parse("2026-09-29T02:00:00Z");

    @Autowired TalentFixtures fixtures;
    @Autowired TalentDailyJob job;
    @Autowired TalentFeeds feeds;
    @Autowired TalentDashboard dashboard;
    @Autowired org.gongjian.supervision.LightEvaluation lights;
    @Autowired CampaignService campaigns;
    @Autowired TaskService tasks;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    TalentFixtures.Desk d;
    String office;
    String head;

    @BeforeEach
    void setUp() throws Exception {
        clock.set(OPENED);
        d = fixtures.desk();
        login();
    }

    /** Moves the clock (Shanghai 10:00 on the day) and signs in again: tokens last eight hours. */
    void at(String day) throws Exception {
        clock.set(Instant.parse(day + "T02:00:00Z"));
        login();
    }

    void login() throws Exception {
        office = Logins.token(mvc, d.office());
        head = Logins.token(mvc, d.deptHead());
    }

    long open() throws Exception {
        String body = mvc.perform(post("/api/v1/talent-requests").header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"talentId\":%d,\"policyId\":%d,\"note\":\"购房合同已签\"}".formatted(d.phd().id(), d.housing().id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    void act(String token, long id, String action, String text) throws Exception {
        mvc.perform(post("/api/v1/talent-requests/{id}/actions", id).header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"%s\",\"text\":\"%s\"}".formatted(action, text)))
                .andExpect(status().isOk());
    }

    long inbox(String username, String titleLike) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id
                WHERE u.username = :u AND n.title LIKE :t""").param("u", username).param("t", titleLike)
                .query(Long.class).single();
    }

    @Test
    void aPhdsHousingRequestIsRoutedToTheDeliveringUnitWithAWorkingDayDeadlineAcrossNationalDay() throws Exception {
        long id = open();
        mvc.perform(get("/api/v1/talent-requests/{id}", id).header("Authorization", head))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitId").value(d.c().department().id()))
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.dueOn").value("2026-10-12"))
                .andExpect(jsonPath("$.light").value("GREEN"))
                .andExpect(jsonPath("$.eligibility").value(org.hamcrest.Matchers.containsString("✓ 学历博士，达到要求的博士")))
                .andExpect(jsonPath("$.messages[0].body").value("购房合同已签"));
        assertThat(inbox(d.deptHead(), "人才服务事项待办理%")).isEqualTo(1);
        // township B's liaison sees neither the talent's nor the delivering unit's request
        mvc.perform(get("/api/v1/talent-requests/{id}", id).header("Authorization", Logins.token(mvc, d.c().liaisonBUser())))
                .andExpect(status().isNotFound());
    }

    @Test
    void anIneligibleRequestIsRefusedWithTheReasonAndNothingIsOpened() throws Exception {
        var master = new TalentCommand(d.c().townshipA().id(), "王硕" + d.c().tag(), "新材料", "B", Degree.MASTER, null,
                "示范新材料研究院", LocalDate.of(2025, 9, 1), TalentSource.INTRODUCED, null, null, null);
        TalentView talent = fixtures.create(master, d);
        mvc.perform(post("/api/v1/talent-requests").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"talentId\":%d,\"policyId\":%d}".formatted(talent.id(), d.housing().id())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("学历硕士，低于要求的博士"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM talent_request WHERE talent_id = :t").param("t", talent.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRequestPastItsDeadlineLightsRedAndTheDailyJobUrgesTheUnitOnce() throws Exception {
        long id = open();
        at("2026-10-09"); // Friday: two working days left (Sat 10th is 调休上班, then Mon 12th)
        job.run();
        assertThat(inbox(d.deptHead(), "人才服务事项即将到期%")).isZero();
        at("2026-10-10"); // the make-up Saturday: due the next working day
        job.run();
        assertThat(inbox(d.deptHead(), "人才服务事项即将到期%")).isEqualTo(1);
        at("2026-10-13");
        mvc.perform(get("/api/v1/talent-requests/{id}", id).header("Authorization", office))
                .andExpect(jsonPath("$.light").value("RED"));
        job.run();
        job.run();
        assertThat(inbox(d.deptHead(), "【催办】人才服务事项逾期%")).isEqualTo(1);
        assertThat(inbox(d.office(), "人才服务事项逾期%")).isEqualTo(1);
        mvc.perform(get("/api/v1/talent-requests").param("overdue", "true").header("Authorization", head))
                .andExpect(jsonPath("$.items[?(@.id == %d)]".formatted(id)).exists());
    }

    @Test
    void theUnitCompletesTheRatingClosesItAndTheDashboardAndTheCampaignIndicatorsCountIt() throws Exception {
        TaskView task = driveTask();
        long onTime = task.indicators().get(0).id();
        long satisfaction = task.indicators().get(1).id();
        DataScope all = DataScope.everything();
        feeds.bind(task.id(), onTime, FeedMetric.ON_TIME_RATE, d.c().county().id(), d.officeUser(), all);
        feeds.bind(task.id(), satisfaction, FeedMetric.SATISFACTION_RATE, d.c().county().id(), d.officeUser(), all);

        long id = open();
        act(head, id, "START", "");
        at("2026-10-09");
        act(head, id, "COMPLETE", "");
        mvc.perform(post("/api/v1/talent-requests/{id}/rating", id).header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"SATISFIED\",\"comment\":\"办理很快\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.rating").value("SATISFIED"))
                .andExpect(jsonPath("$.workingDays").value(3));

        var view = dashboard.view(DataScope.of(d.c().county().id(), d.c().county().path()));
        assertThat(view.onTime()).isEqualTo(1);
        assertThat(view.onTimeRate()).isEqualByComparingTo("100");
        assertThat(view.satisfactionRate()).isEqualByComparingTo("100");
        assertThat(view.averageWorkingDays()).isEqualByComparingTo("3");

        feeds.run();
        TaskView fed = tasks.task(task.id(), all);
        assertThat(fed.indicators().get(0).actual()).isEqualByComparingTo("100");
        assertThat(fed.indicators().get(1).actual()).isEqualByComparingTo("100");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'indicator.feed' AND entity_id = :i")
                .param("i", String.valueOf(onTime)).query(Long.class).single()).isEqualTo(1);
        assertThat(tasks.history(task.id(), all)).anySatisfy(change ->
                assertThat(change.toString()).contains("人才服务台·服务事项按期办结率"));
    }

    @Test
    void aLateDeskMovesTheDrivesIndicatorAndItsLightReasonAtOnce() throws Exception {
        TaskView task = driveTask();
        DataScope all = DataScope.everything();
        lights.evaluateCampaign(task.campaignId(), LocalDate.of(2026, 9, 29)); // under supervision from now on
        feeds.bind(task.id(), task.indicators().get(0).id(), FeedMetric.ON_TIME_RATE, d.c().county().id(), d.officeUser(), all);
        long done = open();
        act(head, done, "START", "");
        act(head, done, "COMPLETE", "");
        open(); // left lying past its deadline
        at("2026-10-13");
        job.run();
        TaskView fed = tasks.task(task.id(), all);
        assertThat(fed.indicators().get(0).actual()).isEqualByComparingTo("50");
        assertThat(fed.light()).isEqualTo(Light.RED);
        assertThat(fed.lightReasons()).anySatisfy(reason -> assertThat(reason).contains("服务事项按期办结率").contains("实际50"));
    }

    @Test
    void aDissatisfiedRatingSendsTheRequestToTheOfficesReviewWhichCanSendItBack() throws Exception {
        long id = open();
        act(head, id, "START", "");
        act(head, id, "COMPLETE", "");
        mvc.perform(post("/api/v1/talent-requests/{id}/rating", id).header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"DISSATISFIED\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/talent-requests/{id}/rating", id).header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"DISSATISFIED\",\"comment\":\"补贴少发了一半\"}"))
                .andExpect(jsonPath("$.status").value("REVIEW"));
        assertThat(inbox(d.office(), "不满意评价待复核%")).isEqualTo(1);
        // the unit cannot close the review; the office sends it back with a new deadline
        mvc.perform(post("/api/v1/talent-requests/{id}/actions", id).header("Authorization", head)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"CONFIRM\",\"text\":\"已核实\"}"))
                .andExpect(status().isForbidden());
        act(office, id, "REOPEN", "请补发剩余补贴");
        mvc.perform(get("/api/v1/talent-requests/{id}", id).header("Authorization", head))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.rating").doesNotExist())
                .andExpect(jsonPath("$.dueOn").value("2026-10-12"));
        // a stale version is a conflict
        mvc.perform(post("/api/v1/talent-requests/{id}/actions", id).header("Authorization", head)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"COMPLETE\",\"version\":0}"))
                .andExpect(status().isConflict());
    }

    private TaskView driveTask() {
        DataScope all = DataScope.everything();
        CampaignView drive = campaigns.create(new CampaignCommand("人才改革攻坚行动" + d.c().tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), d.c().county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), all);
        TaskView task = tasks.create(drive.id(), new TaskCommand("优化人才服务" + d.c().tag(), null, "人才工作",
                d.c().county().id(), null, List.of(), null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                List.of(new TaskCommand.IndicatorInput(null, "服务事项按期办结率", "%", BigDecimal.ZERO, new BigDecimal("100"),
                                Direction.HIGHER_IS_BETTER),
                        new TaskCommand.IndicatorInput(null, "满意率", "%", BigDecimal.ZERO, new BigDecimal("95"),
                                Direction.HIGHER_IS_BETTER)), List.of()), all);
        return task;
    }
}
