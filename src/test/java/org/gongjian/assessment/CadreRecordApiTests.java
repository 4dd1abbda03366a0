package org.gongjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.assessment.AssessmentFixtures.Setup;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 实绩档案 end to end for a hand-built cadre: 张三 (镇长 of township A) leads one task as lead leader, receives a 督办 (from 督办 on, notices name the lead leader)
 * on it, township A's October ranking is published, and the organisation department marks a hard post.
 */
class CadreRecordApiTests extends IntegrationTest {

    static final Instant OCT_15 = Instant.parse("2026-10-15T02:00:00Z");
    static final Instant NOV_10 = Instant.parse("2026-11-10T02:00:00Z");

    @Autowired AssessmentFixtures fixtures;
    @Autowired TaskService tasks;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    Setup s;
    TaskView led;
    long notice;
    String org;

    @BeforeEach
    void setUp() throws Exception {
        clock.set(OCT_15);
        s = fixtures.october();
        led = tasks.create(s.campaign().id(), new TaskCommand("河道清淤" + s.c().tag(), null, "生态环保",
                s.c().townshipA().id(), s.c().cadreA().id(), List.of(), null, AssessmentFixtures.START,
                AssessmentFixtures.END, List.of(), List.of()), AssessmentFixtures.ALL);
        String office = Logins.token(mvc, s.office());
        notice = call(post("/api/v1/supervision/notices").header("Authorization", office)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"taskId":%d,"level":"SUPERVISE","requirement":"清淤进度滞后","responseDue":"2026-10-20"}"""
                        .formatted(led.id())), 201).get("id").asLong();
        clock.set(NOV_10);
        office = Logins.token(mvc, s.office());
        String ranking = "/api/v1/campaigns/" + s.campaign().id() + "/rankings%s?period=2026-10&group=TOWNSHIP";
        call(post(ranking.formatted("/draft")).header("Authorization", office), 200);
        call(post(ranking.formatted("/publish")).header("Authorization", office), 200);
        org = Logins.token(mvc, s.c().orgDeptUser());
    }

    JsonNode call(RequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? json.createObjectNode() : json.readTree(body);
    }

    String record() {
        return "/api/v1/cadres/" + s.c().cadreA().id() + "/record";
    }

    RequestBuilder mark(String token, String body) {
        return post("/api/v1/cadres/" + s.c().cadreA().id() + "/marks").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    long marks() {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_record_mark WHERE person_id = :p")
                .param("p", s.c().cadreA().id()).query(Long.class).single();
    }

    static List<JsonNode> entries(JsonNode record, String kind) {
        List<JsonNode> found = new ArrayList<>();
        record.get("entries").forEach(e -> {
            if (e.get("kind").asText().equals(kind)) {
                found.add(e);
            }
        });
        return found;
    }

    @Test
    void theRecordHoldsTasksLedNoticesRankingsAndMarksNewestFirst() throws Exception {
        call(mark(org, """
                {"kind":"HARD_POST","description":"抗洪抢险一线指挥","date":"2026-11-02","evidenceIds":[]}"""), 201);

        JsonNode record = call(get(record()).header("Authorization", org), 200);
        assertThat(record.get("name").asText()).isEqualTo(s.c().cadreA().name());

        List<JsonNode> taskEntries = entries(record, "TASK");
        assertThat(taskEntries).hasSize(1);
        assertThat(taskEntries.get(0).get("text").asText()).contains(led.title());
        assertThat(taskEntries.get(0).get("link").asText()).isEqualTo("/tasks/" + led.id());
        assertThat(taskEntries.get(0).get("result").asText()).contains("未完成");

        List<JsonNode> noticeEntries = entries(record, "NOTICE");
        assertThat(noticeEntries).hasSize(1);
        assertThat(noticeEntries.get(0).get("link").asText()).isEqualTo("/supervision/notices/" + notice);
        assertThat(noticeEntries.get(0).get("text").asText()).contains("督办").contains("清淤进度滞后");

        // township A's published score and rank, as the ranking API shows them
        JsonNode ranking = call(get("/api/v1/campaigns/" + s.campaign().id() + "/rankings?period=2026-10&group=TOWNSHIP")
                .header("Authorization", org), 200);
        JsonNode a = null;
        for (JsonNode item : ranking.get("items")) {
            if (item.get("unitId").asLong() == s.c().townshipA().id()) {
                a = item;
            }
        }
        assertThat(a).isNotNull();
        List<JsonNode> rankingEntries = entries(record, "RANKING");
        assertThat(rankingEntries).hasSize(1);
        String result = rankingEntries.get(0).get("result").asText();
        assertThat(new java.math.BigDecimal(result.substring(0, result.indexOf('分'))))
                .isEqualByComparingTo(a.get("score").decimalValue());
        assertThat(result).contains("第" + a.get("rank").asInt() + "名");

        List<JsonNode> markEntries = entries(record, "HARD_POST");
        assertThat(markEntries).hasSize(1);
        assertThat(markEntries.get(0).get("text").asText()).isEqualTo("抗洪抢险一线指挥");
        assertThat(markEntries.get(0).get("date").asText()).isEqualTo("2026-11-02");

        List<String> dates = new ArrayList<>();
        record.get("entries").forEach(e -> dates.add(e.get("date").asText()));
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(record.get("years").toString()).isEqualTo("[2026]");

        // the year filter
        JsonNode other = call(get(record() + "?year=2025").header("Authorization", org), 200);
        assertThat(other.get("entries")).isEmpty();
    }

    @Test
    void everyReadIsAuditedWithReaderAndCadre() throws Exception {
        String cadre = String.valueOf(s.c().cadreA().id());
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'record.read' AND entity_id = :e AND actor = :a")
                .param("e", cadre).param("a", s.c().orgDeptUser()).query(Long.class).single();
        call(get(record()).header("Authorization", org), 200);
        long after = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'record.read' AND entity_id = :e AND actor = :a")
                .param("e", cadre).param("a", s.c().orgDeptUser()).query(Long.class).single();
        assertThat(after).isEqualTo(before + 1);
        mvc.perform(get(record() + ".xlsx").header("Authorization", org)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'record.export' AND entity_id = :e")
                .param("e", cadre).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCadreOutsideTheScopeIsNotFoundAndOtherRolesAreForbidden() throws Exception {
        String orgA = Logins.token(mvc, s.c().orgDeptAUser());
        call(get("/api/v1/cadres/" + s.c().cadreB().id() + "/record").header("Authorization", orgA), 404);
        call(get("/api/v1/cadres/" + s.c().cadreB().id() + "/record.xlsx").header("Authorization", orgA), 404);
        call(post("/api/v1/cadres/" + s.c().cadreB().id() + "/marks").header("Authorization", orgA)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"URGENT_TASK\",\"description\":\"x\",\"date\":\"2026-11-01\"}"), 404);
        call(get("/api/v1/cadres/" + s.c().cadreA().id() + "/record").header("Authorization", orgA), 200);

        call(get(record()).header("Authorization", Logins.token(mvc, s.c().liaisonAUser())), 403);
        call(get(record()).header("Authorization", Logins.token(mvc, s.office())), 403);
        String leader = Logins.token(mvc, s.c().leaderUser());
        call(get(record()).header("Authorization", leader), 200);
        call(mark(leader, "{\"kind\":\"URGENT_TASK\",\"description\":\"x\",\"date\":\"2026-11-01\"}"), 403);
        assertThat(marks()).isZero();
    }

    @Test
    void badMarksChangeNothing() throws Exception {
        JsonNode blank = call(mark(org, "{\"kind\":\"HARD_POST\",\"description\":\"  \",\"date\":\"2026-11-01\"}"), 422);
        assertThat(blank.toString()).contains("description");
        call(mark(org, "{\"kind\":\"NOT_A_KIND\",\"description\":\"x\",\"date\":\"2026-11-01\"}"), 400);
        call(mark(org, "{\"kind\":\"HARD_POST\",\"description\":\"x\",\"date\":\"2099-01-01\"}"), 422);
        call(mark(org, "{\"kind\":\"HARD_POST\",\"description\":\"x\"}"), 422);
        JsonNode evidence = call(mark(org, """
                {"kind":"URGENT_TASK","description":"x","date":"2026-11-01","evidenceIds":[987654321]}"""), 422);
        assertThat(evidence.toString()).contains("evidenceIds");
        assertThat(marks()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'record_mark.create' AND after_state LIKE :p")
                .param("p", "%\"personId\":" + s.c().cadreA().id() + ",%").query(Long.class).single()).isZero();
    }

    @Test
    void theXlsxExportReadsBackAndKeepsFormulasInert() throws Exception {
        call(mark(org, """
                {"kind":"URGENT_TASK","description":"=HYPERLINK(\\"http://x\\",\\"点我\\")","date":"2026-11-03"}"""), 201);
        byte[] bytes = mvc.perform(get(record() + ".xlsx").header("Authorization", org)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheet("实绩档案");
            assertThat(sheet).isNotNull();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("日期", "类别", "事项", "结果/得分", "来源");
            List<String> texts = new ArrayList<>();
            Cell formula = null;
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                texts.add(row.getCell(1).getStringCellValue() + "|" + row.getCell(2).getStringCellValue());
                if (row.getCell(2).getStringCellValue().startsWith("=")) {
                    formula = row.getCell(2);
                }
            }
            assertThat(texts).anyMatch(t -> t.startsWith("牵头任务|") && t.contains(led.title()));
            assertThat(texts).anyMatch(t -> t.startsWith("督办|"));
            assertThat(texts).anyMatch(t -> t.startsWith("考核排名|"));
            assertThat(formula).isNotNull();
            assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void theTimelinePageShowsTheRecordAndTheOfficeMarksThroughTheForm() throws Exception {
        var session = Logins.session(mvc, s.c().orgDeptUser());
        String page = "/cadres/" + s.c().cadreA().id() + "/record";
        mvc.perform(post("/cadres/" + s.c().cadreA().id() + "/marks").session(session)
                        .with(csrf())
                        .param("kind", "URGENT_TASK").param("description", " ").param("date", "2026-11-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash()
                        .attribute("error", "请填写事项说明"));
        assertThat(marks()).isZero();
        mvc.perform(post("/cadres/" + s.c().cadreA().id() + "/marks").session(session)
                        .with(csrf())
                        .param("kind", "URGENT_TASK").param("description", "连夜转移受困群众").param("date", "2026-11-01"))
                .andExpect(status().is3xxRedirection());
        assertThat(marks()).isEqualTo(1);
        String html = mvc.perform(get(page).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains(s.c().cadreA().name()).contains("连夜转移受困群众").contains("急难险重")
                .contains(led.title()).contains("data-test=\"mark-form\"");
        String leaderHtml = mvc.perform(get(page).session(Logins.session(mvc, s.c().leaderUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(leaderHtml).contains("连夜转移受困群众").doesNotContain("data-test=\"mark-form\"");
        mvc.perform(get("/cadres/" + s.c().cadreB().id() + "/record").session(Logins.session(mvc, s.c().orgDeptAUser())))
                .andExpect(status().isNotFound());
        String list = mvc.perform(get("/cadres").param("q", s.c().cadreA().name()).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(page);
    }
}
