package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.SubtaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.gongjian.supervision.LightEvaluation;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The progress update the load harness drives (issue #18), as the three HTTP requests it is — create the report,
 * submit it, approve it — through the whole filter chain with bearer tokens: every statement and every connection
 * taken from the pool (one transaction, or one auto-committed statement) per request, token lookup, data scope,
 * service, audit and events included. The service-level budgets ({@link WritePathStatementsTests},
 * {@link ApprovalStatementsTests}) hold the service; this one holds what a request costs around it.
 */
class ProgressUpdateRequestsStatementsTests extends IntegrationTest {

    // before issue #18's update-path work (2026-12-04, 400a271): statements 23, 16, 54; connections 3, 3, 3; the
    // incremental daily evaluation then added one statement to submit and one to approve; the locked one-read task
    // chain of the roll-up then took approval from 55 to 47 (create 14 → 13), later 45; reading the light states
    // again, locked, before their write (LightStore.reconciled) made it 46. Then (2026-12-05) submit 15 → 14 and
    // approve 46 → 45: the report's row is not read back after its save (ProgressReport#saved); create 13 → 12: nor
    // after its insert; approve 45 → 42: the re-light reads its chain and the parent's subtasks in one statement,
    // and takes the tasks' dates and subtasks for their reporting facts from that read; 42 → 41: the chain is not
    // marked for the next daily run when the approval re-lights it itself (LightTriggers.FactMarks); 41 → 42: the
    // re-lit chain's reasons are dated with their day (TaskLightReasons.evaluatedOn), so an approval before the day's
    // run shows today's words beside today's light; create 12 → 10: the task is read without its trajectory points
    // and cooperating units (TaskService.taskForReporting); submit 14 → 13: of the campaign only its review route;
    // approve 42 → 40: the cockpit's stale mark is one appended row (an update, here an update and an insert, before),
    // and the chain's last link and whether a later period is approved are one narrow read (ReportStore.chainTail)
    static final int CREATE_STATEMENTS = 10;
    static final int SUBMIT_STATEMENTS = 13;
    static final int APPROVE_STATEMENTS = 40;
    /** One for the token (with the user's scope), one for the service's transaction. */
    static final int CONNECTIONS = 2;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired ReportFixtures fixtures;
    @Autowired TaskService tasks;
    @Autowired LightEvaluation lights;

    @Test
    void aProgressUpdateOverHttpStaysWithinItsStatementAndTransactionBudgets() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        TaskView subtask = tasks.decompose(s.task().id(), List.of(new SubtaskCommand("甲镇分解" + s.county().tag(),
                s.county().townshipA().id(), null, new BigDecimal("600"), null, LocalDate.of(2026, 12, 31))),
                DataScope.everything()).subtasks().get(0);
        clock.set(Instant.parse("2026-07-02T02:00:00Z"));
        lights.evaluateCampaign(s.campaign().id(), LocalDate.of(2026, 7, 2));
        // a clock finer than the database's microseconds: the answers below are built from what was written, not read
        clock.set(Instant.parse("2026-07-02T02:00:00.555555555Z"));
        String liaison = Logins.token(mvc, s.liaison());
        String office = Logins.token(mvc, s.office());
        String body = "{\"period\":\"2026-06\",\"progressText\":\"按计划推进，本月完成入户走访。\",\"problems\":\"无\","
                + "\"nextSteps\":\"继续推进\",\"indicatorValues\":[{\"indicatorId\":" + subtask.indicators().get(0).id()
                + ",\"value\":300}]}";

        var created = StatementCounter.count(() -> call("/api/v1/tasks/" + subtask.id() + "/reports", liaison, body));
        assertThat(created.result().getStatus()).as(created.result().getContentAsString()).isEqualTo(201);
        long id = json(created.result()).get("id").asLong();
        // the new report is answered without reading it back whole: what a read gives now, to the last decimal
        assertThat(json(created.result())).isEqualTo(json(read(id, liaison)));
        clock.set(Instant.parse("2026-07-02T02:00:01.123456789Z"));
        var submitted = StatementCounter.count(() -> call("/api/v1/reports/" + id + "/submit", liaison, null));
        assertThat(submitted.result().getStatus()).as(submitted.result().getContentAsString()).isEqualTo(200);
        assertThat(json(submitted.result())).isEqualTo(json(read(id, liaison)));
        clock.set(Instant.parse("2026-07-02T02:00:02.987654321Z"));
        var approved = StatementCounter.count(() -> call("/api/v1/reports/" + id + "/approve", office, null));
        assertThat(approved.result().getStatus()).as(approved.result().getContentAsString()).isEqualTo(200);
        // the approval is answered and sealed as a read gives it: the chain verifies from the stored rows
        assertThat(json(approved.result())).isEqualTo(json(read(id, office)));
        JsonNode chain = JSON.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/tasks/" + subtask.id() + "/reports/verify").header("Authorization", office))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(chain.get("intact").asBoolean()).as(chain.toString()).isTrue();

        print("create", created);
        print("submit", submitted);
        print("approve", approved);
        assertThat(json(approved.result()).get("status").asString()).isEqualTo("APPROVED");
        assertThat(tasks.task(subtask.id(), DataScope.everything()).indicators().get(0).actual())
                .isEqualByComparingTo("300");
        assertThat(tasks.task(s.task().id(), DataScope.everything()).progress()).isEqualByComparingTo("50");
        assertThat(created.count()).isLessThanOrEqualTo(CREATE_STATEMENTS);
        assertThat(submitted.count()).isLessThanOrEqualTo(SUBMIT_STATEMENTS);
        assertThat(approved.count()).isLessThanOrEqualTo(APPROVE_STATEMENTS);
        assertThat(List.of(created.connections(), submitted.connections(), approved.connections()))
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(CONNECTIONS));
    }

    private MockHttpServletResponse call(String path, String token, String body) {
        try {
            var request = post(path).header("Authorization", token);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
            }
            return mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MockHttpServletResponse read(long id, String token) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/reports/" + id).header("Authorization", token)).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static void print(String what, StatementCounter.Counted<?> counted) {
        System.out.printf("%s: %d statements, %d connections%n", what, counted.count(), counted.connections());
        counted.statements().forEach(sql -> System.out.println("  " + sql.replaceAll("\\s+", " ")));
    }
}
