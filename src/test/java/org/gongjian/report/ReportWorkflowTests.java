package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** The review workflow over the API: who may do what, in which state, and what an approval changes. */
class ReportWorkflowTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired ReportFixtures fixtures;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;

    @Test
    void aReportGoesUpThroughTheUnitHeadAndTheOfficeAndMovesTheTask() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, true);
        String liaison = Logins.token(mvc, s.liaison());
        JsonNode draft = ReportFixtures.body(create(liaison, s.task().id(), Map.of("period", "2026-06",
                "indicatorValues", List.of(Map.of("indicatorId", s.jobs(), "value", 450)),
                "progressText", "举办招聘会3场，新增就业450人", "problems", "企业用工需求不足",
                "nextSteps", "对接县工业园区企业", "milestonesDone", List.of(Map.of("milestoneId", s.milestone(0),
                        "doneOn", "2026-05-28")))).andExpect(status().isCreated()));
        long id = draft.get("id").asLong();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("period").asText()).isEqualTo("2026-06");
        assertThat(draft.get("deadline").asText()).isEqualTo("2026-07-05");

        JsonNode submitted = ReportFixtures.body(action(liaison, id, "submit").andExpect(status().isOk()));
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("reviewStage").asText()).isEqualTo("UNIT_HEAD");
        assertThat(submitted.get("late").asBoolean()).isFalse();

        // The office can't jump the unit head's stage; the liaison can't approve at all.
        action(Logins.token(mvc, s.office()), id, "approve").andExpect(status().isForbidden());
        action(liaison, id, "approve").andExpect(status().isForbidden());
        JsonNode unitApproved = ReportFixtures.body(action(Logins.token(mvc, s.head()), id, "approve")
                .andExpect(status().isOk()));
        assertThat(unitApproved.get("reviewStage").asText()).isEqualTo("OFFICE");
        // Nothing reaches the task before the office approves.
        assertThat(tasks.task(s.task().id(), DataScope.everything()).indicators().get(0).actual()).isNull();

        JsonNode approved = ReportFixtures.body(action(Logins.token(mvc, s.office()), id, "approve")
                .andExpect(status().isOk()));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("contentHash").asText()).hasSize(64);
        assertThat(approved.get("reviews")).extracting(r -> r.get("action").asText())
                .containsExactly("提交", "单位审核通过", "通过");

        TaskView task = tasks.task(s.task().id(), DataScope.everything());
        assertThat(task.indicators().get(0).actual()).isEqualByComparingTo("450");
        assertThat(task.milestones().get(0).doneDate()).isEqualTo(LocalDate.of(2026, 5, 28));
        assertThat(task.progress()).isGreaterThan(BigDecimal.ZERO);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'report' AND entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(4);
        mvc.perform(get("/api/v1/tasks/" + s.task().id() + "/reports/verify").header(HttpHeaders.AUTHORIZATION, liaison))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.checked").value(1));
        // Each step told the next person: the head, then the office, then the liaison.
        assertThat(inbox(s.head())).contains("SUBMITTED");
        assertThat(inbox(s.office())).contains("SUBMITTED");
        assertThat(inbox(s.liaison())).contains("APPROVED");
    }

    private List<String> inbox(String username) {
        return jdbc.sql("SELECT n.kind FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = :u")
                .param("u", username).query(String.class).list();
    }

    @Test
    void aReturnNeedsAReasonAndTheResubmissionKeepsTheFirstSubmissionsTimeliness() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        String office = Logins.token(mvc, s.office());
        long id = ReportFixtures.body(create(liaison, s.task().id(), Map.of("period", "2026-06",
                "progressText", "推进中"))).get("id").asLong();
        action(liaison, id, "submit").andExpect(status().isOk()).andExpect(jsonPath("$.reviewStage").value("OFFICE"));

        mvc.perform(post("/api/v1/reports/" + id + "/return").header(HttpHeaders.AUTHORIZATION, office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"  \"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/reports/" + id + "/return").header(HttpHeaders.AUTHORIZATION, office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"请补充招聘会照片\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"));

        // Fixed after the deadline: still on time, because it was first handed in on time.
        clock.set(Instant.parse("2026-07-10T02:00:00Z"));
        liaison = Logins.token(mvc, s.liaison()); // tokens expire with the clock
        office = Logins.token(mvc, s.office());
        JsonNode current = ReportFixtures.body(mvc.perform(get("/api/v1/reports/" + id).header(HttpHeaders.AUTHORIZATION, liaison)));
        mvc.perform(put("/api/v1/reports/" + id).header(HttpHeaders.AUTHORIZATION, liaison)
                        .header(HttpHeaders.IF_MATCH, "\"" + current.get("version").asInt() + "\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ReportFixtures.json(Map.of("progressText", "推进中，已补充照片"))))
                .andExpect(status().isOk());
        action(liaison, id, "submit").andExpect(status().isOk()).andExpect(jsonPath("$.late").value(false))
                .andExpect(jsonPath("$.reviews[2].action").value("重新提交"));
        action(office, id, "approve").andExpect(status().isOk());
        // The reviewer's reason stays in the trail.
        mvc.perform(get("/api/v1/reports/" + id).header(HttpHeaders.AUTHORIZATION, liaison))
                .andExpect(jsonPath("$.reviews[1].reason").value("请补充招聘会照片"));
    }

    @Test
    void aReportFirstSubmittedAfterItsDeadlineIsLate() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        long onTime = ReportFixtures.body(create(liaison, s.task().id(), Map.of("period", "2026-05", "progressText", "五月进展")))
                .get("id").asLong();
        // The May report is due 5 June: 23:59 on 5 June in Shanghai is on time...
        clock.set(Instant.parse("2026-06-05T15:59:00Z"));
        liaison = Logins.token(mvc, s.liaison()); // tokens expire with the clock
        action(liaison, onTime, "submit").andExpect(jsonPath("$.late").value(false));
        clock.set(Instant.parse("2026-07-06T16:00:30Z")); // ...00:00 on 7 July in Shanghai is a day late for June.
        liaison = Logins.token(mvc, s.liaison());
        long late = ReportFixtures.body(create(liaison, s.task().id(), Map.of("period", "2026-06", "progressText", "六月进展")))
                .get("id").asLong();
        action(liaison, late, "submit").andExpect(jsonPath("$.late").value(true));
    }

    @Test
    void anApprovedReportIsFrozenAndACorrectionIsTheNextRevision() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        String office = Logins.token(mvc, s.office());
        long id = drafted(s, liaison, "2026-06", "进展", 300);
        action(liaison, id, "submit");
        action(office, id, "approve").andExpect(status().isOk());

        mvc.perform(put("/api/v1/reports/" + id).header(HttpHeaders.AUTHORIZATION, liaison)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"progressText\":\"改一下\"}"))
                .andExpect(status().isConflict());
        action(liaison, id, "submit").andExpect(status().isConflict());

        JsonNode correction = ReportFixtures.body(mvc.perform(post("/api/v1/reports/" + id + "/corrections")
                .header(HttpHeaders.AUTHORIZATION, liaison)).andExpect(status().isCreated()));
        long fix = correction.get("id").asLong();
        assertThat(correction.get("revision").asInt()).isEqualTo(2);
        assertThat(correction.get("correctsReportId").asLong()).isEqualTo(id);
        assertThat(correction.get("progressText").asText()).isEqualTo("进展");
        mvc.perform(post("/api/v1/reports/" + id + "/corrections").header(HttpHeaders.AUTHORIZATION, liaison))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/reports/" + fix).header(HttpHeaders.AUTHORIZATION, liaison)
                        .contentType(MediaType.APPLICATION_JSON).content(ReportFixtures.json(Map.of("progressText", "进展（更正）",
                                "indicatorValues", List.of(Map.of("indicatorId", s.jobs(), "value", 280))))))
                .andExpect(status().isOk());
        action(liaison, fix, "submit");
        action(office, fix, "approve").andExpect(status().isOk());
        assertThat(tasks.task(s.task().id(), DataScope.everything()).indicators().get(0).actual()).isEqualByComparingTo("280");
        // The original stays as it was approved.
        mvc.perform(get("/api/v1/reports/" + id).header(HttpHeaders.AUTHORIZATION, liaison))
                .andExpect(jsonPath("$.progressText").value("进展")).andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(get("/api/v1/tasks/" + s.task().id() + "/reports/verify").header(HttpHeaders.AUTHORIZATION, liaison))
                .andExpect(jsonPath("$.intact").value(true)).andExpect(jsonPath("$.checked").value(2));
    }

    /**
     * May's report approved after June's is linked after it in the chain and moves nothing June moved: its value is
     * older than the task's (both read in the approval's one read of the task's chain, ReportStore.chainTail).
     */
    @Test
    void anOlderPeriodApprovedLateIsChainedLastAndLeavesTheNewerFigure() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        String office = Logins.token(mvc, s.office());
        long may = drafted(s, liaison, "2026-05", "五月", 200);
        long june = approved(s, liaison, office, "2026-06", "六月：新增400人", 400);
        action(liaison, may, "submit").andExpect(status().isOk());
        action(office, may, "approve").andExpect(status().isOk());

        assertThat(tasks.task(s.task().id(), DataScope.everything()).indicators().get(0).actual())
                .isEqualByComparingTo("400");
        assertThat(jdbc.sql("SELECT id FROM progress_report WHERE task_id = :t AND chain_seq IS NOT NULL ORDER BY chain_seq")
                .param("t", s.task().id()).query(Long.class).list()).containsExactly(june, may);
        mvc.perform(get("/api/v1/tasks/" + s.task().id() + "/reports/verify").header(HttpHeaders.AUTHORIZATION, office))
                .andExpect(jsonPath("$.intact").value(true)).andExpect(jsonPath("$.checked").value(2));
    }

    @Test
    void editingAnApprovedReportInTheDatabaseBreaksTheChainAtThatReport() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        String office = Logins.token(mvc, s.office());
        long may = approved(s, liaison, office, "2026-05", "五月：新增200人", 200);
        long june = approved(s, liaison, office, "2026-06", "六月：新增400人", 400);
        jdbc.sql("UPDATE report_indicator_value SET reported_value = 900 WHERE report_id = :id").param("id", may).update();
        mvc.perform(get("/api/v1/tasks/" + s.task().id() + "/reports/verify").header(HttpHeaders.AUTHORIZATION, office))
                .andExpect(jsonPath("$.intact").value(false)).andExpect(jsonPath("$.brokenReportId").value(may))
                .andExpect(jsonPath("$.problem").value("报告数据与签存内容不符（报告被改动）"));
        jdbc.sql("UPDATE report_indicator_value SET reported_value = 200 WHERE report_id = :id").param("id", may).update();
        jdbc.sql("UPDATE progress_report SET previous_hash = :h WHERE id = :id").param("h", "a".repeat(64))
                .param("id", june).update();
        mvc.perform(get("/api/v1/tasks/" + s.task().id() + "/reports/verify").header(HttpHeaders.AUTHORIZATION, office))
                .andExpect(jsonPath("$.intact").value(false)).andExpect(jsonPath("$.brokenReportId").value(june));
    }

    @Test
    void aNewReportStartsFromTheLastOne() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        create(liaison, s.task().id(), Map.of("period", "2026-05", "progressText", "五月进展", "problems", "资金缺口",
                "nextSteps", "争取上级资金", "indicatorValues", List.of(Map.of("indicatorId", s.jobs(), "value", 120))));
        JsonNode june = ReportFixtures.body(create(liaison, s.task().id(), Map.of("period", "2026-06"))
                .andExpect(status().isCreated()));
        assertThat(june.get("progressText").asText()).isEqualTo("五月进展");
        assertThat(june.get("problems").asText()).isEqualTo("资金缺口");
        assertThat(june.get("nextSteps").asText()).isEqualTo("争取上级资金");
        assertThat(june.get("indicatorValues").get(0).get("value").decimalValue()).isEqualByComparingTo("120");
        // A second June report is refused: there is one report per task and period.
        create(liaison, s.task().id(), Map.of("period", "2026-06")).andExpect(status().isConflict());
    }

    @Test
    void otherUnitsAndOtherRolesCannotReport() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        long id = ReportFixtures.body(create(liaison, s.task().id(), Map.of("period", "2026-06", "progressText", "x")))
                .get("id").asLong();
        String other = Logins.token(mvc, s.otherLiaison());
        mvc.perform(get("/api/v1/reports/" + id).header(HttpHeaders.AUTHORIZATION, other)).andExpect(status().isNotFound());
        create(other, s.task().id(), Map.of("period", "2026-05")).andExpect(status().isNotFound());
        action(other, id, "submit").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tasks/" + s.task().id() + "/reports").header(HttpHeaders.AUTHORIZATION, other))
                .andExpect(status().isNotFound());
        // The county leader sees it but doesn't write it.
        String leader = Logins.token(mvc, s.county().leaderUser());
        mvc.perform(get("/api/v1/reports/" + id).header(HttpHeaders.AUTHORIZATION, leader)).andExpect(status().isOk());
        create(leader, s.task().id(), Map.of("period", "2026-05")).andExpect(status().isForbidden());
        // A liaison can't approve the own unit's report.
        action(liaison, id, "submit");
        action(liaison, id, "approve").andExpect(status().isForbidden());
    }

    @Test
    void badInputIsRefusedWithAReasonAndChangesNothing() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        ReportFixtures.Setup other = fixtures.county(ReportingFrequency.MONTHLY, false);
        long before = count(s);
        create(liaison, s.task().id(), Map.of("period", "2026-13")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        create(liaison, s.task().id(), Map.of("period", "2026-09")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("2026年9月尚未开始，不能提前报送"));
        create(liaison, s.task().id(), Map.of("period", "2026-06", "indicatorValues",
                List.of(Map.of("indicatorId", other.jobs(), "value", 1)))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("indicatorValues[0]"));
        create(liaison, s.task().id(), Map.of("period", "2026-06", "indicatorValues",
                List.of(Map.of("indicatorId", s.jobs(), "value", "1e20")))).andExpect(status().isUnprocessableContent());
        create(liaison, s.task().id(), Map.of("period", "2026-06", "milestonesDone",
                List.of(Map.of("milestoneId", s.milestone(0), "doneOn", "2026-08-01")))).andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/tasks/" + s.task().id() + "/reports").header(HttpHeaders.AUTHORIZATION, liaison)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"indicatorValues\":[{\"indicatorId\":\"x\",\"value\":\"abc\"}]}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/api/v1/tasks/" + s.task().id() + "/reports").header(HttpHeaders.AUTHORIZATION, liaison)
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().is4xxClientError());
        assertThat(count(s)).isEqualTo(before);

        // Text is stored as written, including what looks like markup or SQL.
        String nasty = "<script>alert(1)</script>'; DROP TABLE progress_report;--";
        JsonNode saved = ReportFixtures.body(create(liaison, s.task().id(), Map.of("period", "2026-06", "progressText", nasty)));
        assertThat(saved.get("progressText").asText()).isEqualTo(nasty);
        // An empty report can't be submitted.
        long empty = ReportFixtures.body(create(liaison, s.task().id(), Map.of("period", "2026-05"))).get("id").asLong();
        action(liaison, empty, "submit").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("progressText"));
    }

    @Test
    void aStaleEditIsAConflictNotALostUpdate() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        JsonNode draft = ReportFixtures.body(create(liaison, s.task().id(), Map.of("period", "2026-06", "progressText", "v0")));
        long id = draft.get("id").asLong();
        String loaded = "\"" + draft.get("version").asInt() + "\"";
        mvc.perform(put("/api/v1/reports/" + id).header(HttpHeaders.AUTHORIZATION, liaison).header(HttpHeaders.IF_MATCH, loaded)
                .contentType(MediaType.APPLICATION_JSON).content("{\"progressText\":\"第一位\"}")).andExpect(status().isOk());
        mvc.perform(put("/api/v1/reports/" + id).header(HttpHeaders.AUTHORIZATION, liaison).header(HttpHeaders.IF_MATCH, loaded)
                .contentType(MediaType.APPLICATION_JSON).content("{\"progressText\":\"第二位\"}")).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/reports/" + id).header(HttpHeaders.AUTHORIZATION, liaison))
                .andExpect(jsonPath("$.progressText").value("第一位"));
        mvc.perform(post("/api/v1/reports/" + id + "/submit").header(HttpHeaders.AUTHORIZATION, liaison)
                .header(HttpHeaders.IF_MATCH, loaded)).andExpect(status().isConflict());
    }

    @Test
    void aRetriedPostWithTheSameKeyCreatesOneReport() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        String body = ReportFixtures.json(Map.of("period", "2026-06", "progressText", "重试"));
        JsonNode first = ReportFixtures.body(mvc.perform(post("/api/v1/tasks/" + s.task().id() + "/reports")
                .header(HttpHeaders.AUTHORIZATION, liaison).header("Idempotency-Key", "k-" + s.county().tag())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()));
        JsonNode retry = ReportFixtures.body(mvc.perform(post("/api/v1/tasks/" + s.task().id() + "/reports")
                .header(HttpHeaders.AUTHORIZATION, liaison).header("Idempotency-Key", "k-" + s.county().tag())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()));
        assertThat(retry.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(count(s)).isEqualTo(1);
        long id = first.get("id").asLong();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/reports/" + id + "/submit").header(HttpHeaders.AUTHORIZATION, liaison)
                    .header("Idempotency-Key", "s-" + s.county().tag())).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("SUBMITTED"));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_review WHERE report_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void evidenceIsCheckedByContentHashedIntoTheApprovalAndFrozenWithIt() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        long id = ReportFixtures.body(create(liaison, s.task().id(), Map.of("period", "2026-06", "progressText", "有照片")))
                .get("id").asLong();
        byte[] exe = new byte[64];
        exe[0] = 'M';
        exe[1] = 'Z';
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/reports/" + id + "/evidence")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "现场照片.jpg", "image/jpeg", exe))
                        .header(HttpHeaders.AUTHORIZATION, liaison))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/reports/" + id + "/evidence")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "../../etc/现场.png", "image/png", png()))
                        .header(HttpHeaders.AUTHORIZATION, liaison))
                .andExpect(status().isOk()).andExpect(jsonPath("$.evidence.length()").value(1))
                .andExpect(jsonPath("$.evidence[0].fileName").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/"))));
        // Another township can't attach its liaison's view of this report, nor see it.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/reports/" + id + "/evidence")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "x.png", "image/png", png()))
                        .header(HttpHeaders.AUTHORIZATION, Logins.token(mvc, s.otherLiaison())))
                .andExpect(status().isNotFound());
        action(liaison, id, "submit");
        JsonNode approved = ReportFixtures.body(action(Logins.token(mvc, s.office()), id, "approve").andExpect(status().isOk()));
        String sha = approved.get("evidence").get(0).get("sha256").asText();
        assertThat(jdbc.sql("SELECT content_json FROM progress_report WHERE id = :id").param("id", id).query(String.class)
                .single()).contains(sha);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/reports/" + id + "/evidence")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "later.png", "image/png", png()))
                        .header(HttpHeaders.AUTHORIZATION, liaison))
                .andExpect(status().isConflict());
        // Swapping the evidence behind an approved report breaks its chain.
        jdbc.sql("DELETE FROM report_evidence WHERE report_id = :id").param("id", id).update();
        mvc.perform(get("/api/v1/tasks/" + s.task().id() + "/reports/verify").header(HttpHeaders.AUTHORIZATION, liaison))
                .andExpect(jsonPath("$.intact").value(false)).andExpect(jsonPath("$.brokenReportId").value(id));
    }

    private static byte[] png() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff0000);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private long approved(ReportFixtures.Setup s, String liaison, String office, String period, String text, int value)
            throws Exception {
        long id = drafted(s, liaison, period, text, value);
        action(liaison, id, "submit").andExpect(status().isOk());
        action(office, id, "approve").andExpect(status().isOk());
        return id;
    }

    private long drafted(ReportFixtures.Setup s, String liaison, String period, String text, int value) throws Exception {
        return ReportFixtures.body(create(liaison, s.task().id(), Map.of("period", period, "progressText", text,
                "indicatorValues", List.of(Map.of("indicatorId", s.jobs(), "value", value))))).get("id").asLong();
    }

    private long count(ReportFixtures.Setup s) {
        return jdbc.sql("SELECT COUNT(*) FROM progress_report WHERE task_id = :t").param("t", s.task().id())
                .query(Long.class).single();
    }

    private ResultActions create(String token, long taskId, Map<String, ?> body) throws Exception {
        return mvc.perform(post("/api/v1/tasks/" + taskId + "/reports").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(ReportFixtures.json(body)));
    }

    private ResultActions action(String token, long id, String action) throws Exception {
        return mvc.perform(post("/api/v1/reports/" + id + "/" + action).header(HttpHeaders.AUTHORIZATION, token));
    }
}
