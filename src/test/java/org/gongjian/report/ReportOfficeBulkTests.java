package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * The office in bulk and the form that doesn't invite copy-paste: batch approval (each report on its own, refusals
 * listed), approve and next, 催报 once per unit and day, 上期 beside the fields, and the confirm step before a report
 * identical to last period's goes up.
 */
class ReportOfficeBulkTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired ReportFixtures fixtures;
    @Autowired ReportService reports;
    @Autowired JdbcClient jdbc;

    @Test
    void theOfficeApprovesSeveralReportsWithOneNoteAndHearsWhichWereRefused() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        TaskView second = fixtures.task(s.campaign(), s.county().townshipA(), "稳增长" + s.county().tag());
        String liaison = Logins.token(mvc, s.liaison());
        long a = submitted(liaison, s.task(), "2026-05", "新增就业450人", 450);
        long b = submitted(liaison, second, "2026-05", "新增就业300人", 300);
        long draft = ReportFixtures.body(create(liaison, s.task().id(), Map.of("period", "2026-06",
                "progressText", "草稿"))).get("id").asLong();

        bulk(liaison, List.of(a, b), "同意").andExpect(status().isForbidden());
        String office = Logins.token(mvc, s.office());
        bulk(office, List.of(a), "x".repeat(1001)).andExpect(status().isUnprocessableEntity());
        assertThat(reports.report(a, DataScope.everything()).status()).isEqualTo(ReportStatus.SUBMITTED);

        JsonNode result = ReportFixtures.body(bulk(office, List.of(a, b, draft, 987_654_321L), "同意，按期推进")
                .andExpect(status().isOk()));
        assertThat(result.get("approved").asLong()).isEqualTo(2);
        assertThat(result.get("refused").asLong()).isEqualTo(2);
        assertThat(result.get("results").get(2).get("problem").asText()).contains("不能审核");
        assertThat(result.get("results").get(3).get("problem").asText()).contains("不存在");
        for (long id : List.of(a, b)) {
            ReportView approved = reports.report(id, DataScope.everything());
            assertThat(approved.status()).isEqualTo(ReportStatus.APPROVED);
            assertThat(approved.reviews()).last().satisfies(step -> {
                assertThat(step.action()).isEqualTo("通过");
                assertThat(step.reason()).isEqualTo("同意，按期推进");
            });
            assertThat(audits("report.approve", String.valueOf(id))).isEqualTo(1);
        }
        assertThat(reports.report(draft, DataScope.everything()).status()).isEqualTo(ReportStatus.DRAFT);
    }

    @Test
    void approveAndNextGoesOnThroughTheQueueAndTheReviewShowsLastPeriodBeside() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        String office = Logins.token(mvc, s.office());
        long may = submitted(liaison, s.task(), "2026-04", "新增就业450人", 450);
        action(office, may, "approve").andExpect(status().isOk());
        long june = submitted(liaison, s.task(), "2026-05", "新增就业520人", 520);
        TaskView second = fixtures.task(s.campaign(), s.county().townshipA(), "稳增长" + s.county().tag());
        long other = submitted(liaison, second, "2026-05", "新增就业300人", 300);

        MockHttpSession session = Logins.session(mvc, s.office());
        String page = mvc.perform(get("/reports/" + june).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-test=\"report-compare\"").contains("2026年4月").contains("+70")
                .contains("data-test=\"report-approve-next\"");

        mvc.perform(post("/reports/" + june + "/approve").param("next", "1").session(session).with(csrf()))
                .andExpect(redirectedUrl("/reports/" + other));
        mvc.perform(post("/reports/" + other + "/approve").param("next", "1").session(session).with(csrf()))
                .andExpect(redirectedUrl("/reports"));
        assertThat(reports.report(other, DataScope.everything()).status()).isEqualTo(ReportStatus.APPROVED);
    }

    @Test
    void 催报RemindsEachLateUnitOnceADay() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        fixtures.task(s.campaign(), s.county().townshipB(), "稳产业" + s.county().tag());
        String office = Logins.token(mvc, s.office());
        long before = inbox(s.liaison());

        remind(Logins.token(mvc, s.liaison()), s, "2026-05").andExpect(status().isForbidden());
        remind(office, s, "2026-06").andExpect(status().isUnprocessableEntity()); // June's deadline (5 July) has not passed

        JsonNode first = ReportFixtures.body(remind(office, s, "2026-05").andExpect(status().isOk()));
        assertThat(first.get("sent").asLong()).isEqualTo(2);
        assertThat(inbox(s.liaison())).isEqualTo(before + 1);
        assertThat(inbox(s.otherLiaison())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT title FROM notification n JOIN app_user u ON u.id = n.user_id"
                        + " WHERE u.username = :u AND n.kind = 'DEADLINE'").param("u", s.liaison()).query(String.class)
                .single()).startsWith("催报：").contains("2026年5月");

        JsonNode again = ReportFixtures.body(remind(office, s, "2026-05").andExpect(status().isOk()));
        assertThat(again.get("sent").asLong()).isZero();
        assertThat(again.get("alreadyToday").asLong()).isEqualTo(2);
        assertThat(inbox(s.liaison())).isEqualTo(before + 1);

        clock.set(Instant.parse("2026-06-16T02:00:00Z"));
        office = Logins.token(mvc, s.office());
        assertThat(ReportFixtures.body(remind(office, s, "2026-05")).get("sent").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'report.remind' AND entity_id LIKE :c")
                .param("c", s.campaign().id() + ":%").query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void theFormShowsLastPeriodBesideTheFieldsAndAnUnchangedReportNeedsConfirming() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        ReportFixtures.body(create(liaison, s.task().id(), Map.of("period", "2026-04", "progressText", "四月进展：招聘会两场",
                "problems", "用工需求不足", "indicatorValues", List.of(Map.of("indicatorId", s.jobs(), "value", 450)))));

        MockHttpSession session = Logins.session(mvc, s.liaison());
        String form = mvc.perform(get("/tasks/" + s.task().id() + "/reports/new").param("period", "2026-05")
                .session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("上期（2026年4月）：450人").contains("四月进展：招聘会两场")
                .containsPattern("<textarea[^>]*id=\"progressText\"[^>]*></textarea>")
                .containsPattern("id=\"value_" + s.jobs() + "\"[^>]*value=\"450\"|value=\"450\"[^>]*id=\"value_" + s.jobs() + "\"");

        ResultActions unchanged = mvc.perform(post("/tasks/" + s.task().id() + "/reports").session(session).with(csrf())
                .param("period", "2026-05").param("value_" + s.jobs(), "450").param("progressText", "四月进展：招聘会两场 ")
                .param("problems", "用工需求不足").param("nextSteps", "").param("action", "submit"));
        long id = reports.ofTask(s.task().id(), DataScope.everything()).get(0).id();
        unchanged.andExpect(redirectedUrl("/reports/" + id + "/edit")).andExpect(flash().attribute("unchanged", true));
        assertThat(reports.report(id, DataScope.everything()).status()).isEqualTo(ReportStatus.DRAFT);
        // The detail page's 提交 asks the same.
        mvc.perform(post("/reports/" + id + "/submit").session(session).with(csrf()))
                .andExpect(redirectedUrl("/reports/" + id + "/edit"));
        assertThat(mvc.perform(get("/reports/" + id + "/edit").session(session).flashAttr("unchanged", true))
                .andReturn().getResponse().getContentAsString()).contains("data-test=\"report-confirm-unchanged\"");

        mvc.perform(post("/reports/" + id).session(session).with(csrf()).param("version", String.valueOf(reports.report(id, DataScope.everything()).version()))
                        .param("value_" + s.jobs(), "450").param("progressText", "四月进展：招聘会两场")
                        .param("problems", "用工需求不足").param("confirmUnchanged", "1").param("action", "submit"))
                .andExpect(redirectedUrl("/reports/" + id));
        assertThat(reports.report(id, DataScope.everything()).status()).isEqualTo(ReportStatus.SUBMITTED);
    }

    private long submitted(String token, TaskView task, String period, String text, int value) throws Exception {
        long id = ReportFixtures.body(create(token, task.id(), Map.of("period", period, "progressText", text,
                "indicatorValues", List.of(Map.of("indicatorId", task.indicators().get(0).id(), "value", value)))))
                .get("id").asLong();
        action(token, id, "submit").andExpect(status().isOk());
        return id;
    }

    private long audits(String action, String entityId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND entity_id = :id")
                .param("a", action).param("id", entityId).query(Long.class).single();
    }

    private long inbox(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = :u")
                .param("u", username).query(Long.class).single();
    }

    private ResultActions bulk(String token, List<Long> ids, String note) throws Exception {
        return mvc.perform(post("/api/v1/reports/approvals").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(ReportFixtures.json(Map.of("reportIds", ids, "note", note))));
    }

    private ResultActions remind(String token, ReportFixtures.Setup s, String period) throws Exception {
        return mvc.perform(post("/api/v1/campaigns/" + s.campaign().id() + "/reports/reminders").param("period", period)
                .header(HttpHeaders.AUTHORIZATION, token));
    }

    private ResultActions create(String token, long taskId, Map<String, ?> body) throws Exception {
        return mvc.perform(post("/api/v1/tasks/" + taskId + "/reports").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(ReportFixtures.json(body)));
    }

    private ResultActions action(String token, long id, String action) throws Exception {
        return mvc.perform(post("/api/v1/reports/" + id + "/" + action).header(HttpHeaders.AUTHORIZATION, token));
    }
}
