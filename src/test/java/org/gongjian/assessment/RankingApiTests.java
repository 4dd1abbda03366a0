package org.gongjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.assessment.AssessmentFixtures.Setup;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rankings end to end: draft, publication, scope of breakdowns, tamper detection, appeals and their status codes,
 * the corrected version, the xlsx export. Township A: 60 + 20 + 16 (one approved report, unrated = 良) = 96;
 * township B: 60 + 0 + 0 − 1 (missing report) − 1 (催办) = 58.
 */
class RankingApiTests extends IntegrationTest {

    static final Instant OCT_15 = Instant.parse("2026-10-15T02:00:00Z");
    static final Instant NOV_10 = Instant.parse("2026-11-10T02:00:00Z");

    @Autowired AssessmentFixtures fixtures;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    Setup s;
    String office;
    long noticeB;

    @BeforeEach
    void setUp() throws Exception {
        clock.set(OCT_15);
        s = fixtures.october();
        office = Logins.token(mvc, s.office());
        noticeB = json.readTree(mvc.perform(post("/api/v1/supervision/notices").header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"taskId":%d,"level":"URGE","requirement":"请尽快开工","responseDue":"2026-10-20"}"""
                                .formatted(s.taskB().id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        clock.set(NOV_10);
        office = Logins.token(mvc, s.office()); // tokens expire: one issued in October is no good in November
    }

    String url(String action) {
        return "/api/v1/campaigns/" + s.campaign().id() + "/rankings" + action + "?period=2026-10&group=TOWNSHIP";
    }

    JsonNode call(org.springframework.test.web.servlet.RequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? json.createObjectNode() : json.readTree(body);
    }

    JsonNode published() throws Exception {
        call(post(url("/draft")).header("Authorization", office), 200);
        return call(post(url("/publish")).header("Authorization", office), 200);
    }

    static JsonNode unit(JsonNode ranking, long unitId) {
        for (JsonNode item : ranking.get("items")) {
            if (item.get("unitId").asLong() == unitId) {
                return item;
            }
        }
        throw new AssertionError("unit " + unitId + " not ranked");
    }

    static long deduction(JsonNode entry, String sourceType) {
        for (JsonNode item : entry.get("breakdown")) {
            if (item.get("category").asText().equals("DEDUCTION") && item.get("sourceType").asText().equals(sourceType)) {
                return item.get("id").asLong();
            }
        }
        throw new AssertionError("no " + sourceType + " deduction");
    }

    @Test
    void theOfficeComputesADraftAndPublishesAHashedSnapshot() throws Exception {
        JsonNode draft = call(post(url("/draft")).header("Authorization", office), 200);
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("items")).hasSize(2);
        JsonNode a = unit(draft, s.c().townshipA().id());
        JsonNode b = unit(draft, s.c().townshipB().id());
        assertThat(a.get("score").decimalValue()).isEqualByComparingTo("96");
        assertThat(a.get("rank").asInt()).isEqualTo(1);
        assertThat(b.get("score").decimalValue()).isEqualByComparingTo("58");
        assertThat(b.get("rank").asInt()).isEqualTo(2);
        assertThat(b.get("breakdown").toString()).contains("/supervision/notices/" + noticeB).contains("未报送").contains("催办");
        assertThat(a.get("breakdown").toString()).contains("/reports/" + s.reportA()).contains("未评级按良计");

        // a township sees no draft
        String liaisonA = Logins.token(mvc, s.c().liaisonAUser());
        call(get(url("")).header("Authorization", liaisonA), 404);

        // rating A's report 优 and recomputing the draft: 60 + 20 + 20 = 100
        call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/assessment/ratings/" + s.reportA())
                .header("Authorization", office).contentType(MediaType.APPLICATION_JSON).content("{\"grade\":\"EXCELLENT\"}"), 204);
        JsonNode again = call(post(url("/draft")).header("Authorization", office), 200);
        assertThat(unit(again, s.c().townshipA().id()).get("score").decimalValue()).isEqualByComparingTo("100");

        JsonNode published = call(post(url("/publish")).header("Authorization", office), 200);
        assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.get("version").asInt()).isEqualTo(1);
        assertThat(published.get("contentHash").asText()).hasSize(64);
        // frozen: no recomputation, no second publication, no scheme change
        call(post(url("/draft")).header("Authorization", office), 409);
        call(post(url("/publish")).header("Authorization", office), 409);
        call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/campaigns/" + s.campaign().id() + "/assessment-scheme")
                .header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Scheme.defaults())), 409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'assessment_ranking.publish' AND entity_id = :id")
                .param("id", published.get("id").asText()).query(Long.class).single()).isEqualTo(1);
        // the liaison of township A: names, scores, ranks of all; only A's breakdown
        JsonNode seen = call(get(url("")).header("Authorization", liaisonA), 200);
        assertThat(unit(seen, s.c().townshipA().id()).get("breakdown")).isNotEmpty();
        assertThat(unit(seen, s.c().townshipB().id()).get("breakdown")).isEmpty();
        assertThat(unit(seen, s.c().townshipB().id()).get("breakdownVisible").asBoolean()).isFalse();
        assertThat(unit(seen, s.c().townshipB().id()).get("score").decimalValue()).isEqualByComparingTo("58");
        long id = published.get("id").asLong();
        call(get("/api/v1/rankings/" + id + "/units/" + s.c().townshipB().id()).header("Authorization", liaisonA), 404);
        call(get("/api/v1/rankings/" + id + "/units/" + s.c().townshipA().id()).header("Authorization", liaisonA), 200);
    }

    @Test
    void verifyDetectsATamperedScoreOrItem() throws Exception {
        long id = published().get("id").asLong();
        assertThat(call(get("/api/v1/rankings/" + id + "/verify").header("Authorization", office), 200)
                .get("valid").asBoolean()).isTrue();
        jdbc.sql("UPDATE assessment_score SET score = 68 WHERE ranking_id = :r AND unit_id = :u")
                .param("r", id).param("u", s.c().townshipB().id()).update();
        JsonNode tampered = call(get("/api/v1/rankings/" + id + "/verify").header("Authorization", office), 200);
        assertThat(tampered.get("valid").asBoolean()).isFalse();
        assertThat(tampered.get("computedHash").asText()).isNotEqualTo(tampered.get("storedHash").asText());
        jdbc.sql("UPDATE assessment_score SET score = 58 WHERE ranking_id = :r AND unit_id = :u")
                .param("r", id).param("u", s.c().townshipB().id()).update();
        assertThat(call(get("/api/v1/rankings/" + id + "/verify").header("Authorization", office), 200)
                .get("valid").asBoolean()).isTrue();
        jdbc.sql("UPDATE assessment_score_item SET explanation = '无' WHERE ranking_id = :r AND category = 'DEDUCTION'")
                .param("r", id).update();
        assertThat(call(get("/api/v1/rankings/" + id + "/verify").header("Authorization", office), 200)
                .get("valid").asBoolean()).isFalse();
    }

    /**
     * A leader's instruction to A on 10-15, unanswered at the month's end (−1), and his commendation of B (+2);
     * a scheme that doubles the missing-report deduction (−2): A 96 − 1 = 95, B 60 − 2 − 1 + 2 = 59.
     */
    @Test
    void instructionsCommendationsAndTheSchemeCount() throws Exception {
        clock.set(OCT_15);
        String leader = Logins.token(mvc, s.c().leaderUser());
        call(post("/api/v1/tasks/" + s.taskA().id() + "/instructions").header("Authorization", leader)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"请加快进度\"}"), 201);
        clock.set(NOV_10);
        leader = Logins.token(mvc, s.c().leaderUser());
        call(post("/api/v1/campaigns/" + s.campaign().id() + "/commendations").header("Authorization", leader)
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitId\":%d,\"period\":\"2026-10\",\"reason\":\"抢险及时\"}"
                        .formatted(s.c().townshipB().id())), 201);
        // liaisons do not commend; an empty reason is a 400
        call(post("/api/v1/campaigns/" + s.campaign().id() + "/commendations").header("Authorization", Logins.token(mvc, s.c().liaisonAUser()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitId\":%d,\"period\":\"2026-10\",\"reason\":\"自夸\"}"
                        .formatted(s.c().townshipA().id())), 403);
        call(post("/api/v1/campaigns/" + s.campaign().id() + "/commendations").header("Authorization", leader)
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitId\":%d,\"period\":\"2026-10\",\"reason\":\"\"}"
                        .formatted(s.c().townshipB().id())), 400);
        Scheme doubled = new Scheme(new java.math.BigDecimal("60"), new java.math.BigDecimal("20"), new java.math.BigDecimal("20"),
                java.math.BigDecimal.ZERO, new java.math.BigDecimal("-1"), new java.math.BigDecimal("-2"), new java.math.BigDecimal("-3"),
                new java.math.BigDecimal("-5"), new java.math.BigDecimal("-0.5"), new java.math.BigDecimal("-2"), new java.math.BigDecimal("-1"),
                new java.math.BigDecimal("2"), new java.math.BigDecimal("10"), 5);
        String schemeUrl = "/api/v1/campaigns/" + s.campaign().id() + "/assessment-scheme";
        Scheme broken = new Scheme(new java.math.BigDecimal("70"), doubled.timelinessWeight(), doubled.qualityWeight(),
                doubled.remindPoints(), doubled.urgePoints(), doubled.supervisePoints(), doubled.interviewPoints(),
                doubled.accountabilityPoints(), doubled.lateReportPoints(), doubled.missingReportPoints(),
                doubled.openInstructionPoints(), doubled.commendationPoints(), doubled.returnPoints(), 5);
        JsonNode invalid = call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(schemeUrl)
                .header("Authorization", office).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(broken)), 422);
        assertThat(invalid.get("errors").get(0).get("field").asText()).isEqualTo("completionWeight");
        call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(schemeUrl).header("Authorization", office)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(doubled)), 200);

        JsonNode draft = call(post(url("/draft")).header("Authorization", office), 200);
        JsonNode a = unit(draft, s.c().townshipA().id());
        JsonNode b = unit(draft, s.c().townshipB().id());
        assertThat(a.get("score").decimalValue()).isEqualByComparingTo("95");
        assertThat(a.get("breakdown").toString()).contains("领导批示").contains("\"sourceType\":\"INSTRUCTION\"");
        assertThat(b.get("score").decimalValue()).isEqualByComparingTo("59");
        assertThat(b.get("bonus").decimalValue()).isEqualByComparingTo("2");
        assertThat(b.get("breakdown").toString()).contains("抢险及时");
    }

    String appeal(long itemId, String reason) {
        return "{\"itemId\":%d,\"reason\":\"%s\",\"evidenceIds\":[]}".formatted(itemId, reason);
    }

    @Test
    void appealsFollowTheRulesAndAnUpheldOneGivesACorrectedVersion() throws Exception {
        JsonNode v1 = published();
        JsonNode b = unit(v1, s.c().townshipB().id());
        long noticeItem = deduction(b, "NOTICE");
        long missingItem = deduction(b, "TASK");
        String headB = Logins.token(mvc, s.headB());
        String headA = Logins.token(mvc, s.headA());

        // problem bodies: empty reason 400, a foreign unit's deduction 404, a non-deduction 422
        JsonNode empty = call(post("/api/v1/appeals").header("Authorization", headB).contentType(MediaType.APPLICATION_JSON)
                .content(appeal(noticeItem, " ")), 400);
        assertThat(empty.get("title").asText()).isNotBlank();
        call(post("/api/v1/appeals").header("Authorization", headA).contentType(MediaType.APPLICATION_JSON)
                .content(appeal(noticeItem, "不是我们的")), 404);
        long completionItem = unit(v1, s.c().townshipB().id()).get("breakdown").get(0).get("id").asLong();
        call(post("/api/v1/appeals").header("Authorization", headB).contentType(MediaType.APPLICATION_JSON)
                .content(appeal(completionItem, "加分也申诉")), 422);
        // the office does not appeal
        call(post("/api/v1/appeals").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                .content(appeal(noticeItem, "x")), 403);

        JsonNode filed = call(post("/api/v1/appeals").header("Authorization", headB).contentType(MediaType.APPLICATION_JSON)
                .content(appeal(noticeItem, "催办单发出时已开工，有开工照片")), 201);
        assertThat(filed.get("status").asText()).isEqualTo("PENDING");
        call(post("/api/v1/appeals").header("Authorization", headB).contentType(MediaType.APPLICATION_JSON)
                .content(appeal(noticeItem, "再申诉一次")), 409);
        JsonNode second = call(post("/api/v1/appeals").header("Authorization", headB).contentType(MediaType.APPLICATION_JSON)
                .content(appeal(missingItem, "系统故障未能报送")), 201);

        // the office: empty reason 400; uphold the first, reject the second
        call(post("/api/v1/appeals/" + filed.get("id").asLong() + "/decision").header("Authorization", office)
                .contentType(MediaType.APPLICATION_JSON).content("{\"uphold\":true,\"reason\":\"\"}"), 400);
        JsonNode upheld = call(post("/api/v1/appeals/" + filed.get("id").asLong() + "/decision").header("Authorization", office)
                .contentType(MediaType.APPLICATION_JSON).content("{\"uphold\":true,\"reason\":\"照片显示10月12日已开工\"}"), 200);
        assertThat(upheld.get("status").asText()).isEqualTo("UPHELD");
        long v2id = upheld.get("correctedRankingId").asLong();
        JsonNode rejected = call(post("/api/v1/appeals/" + second.get("id").asLong() + "/decision").header("Authorization", office)
                .contentType(MediaType.APPLICATION_JSON).content("{\"uphold\":false,\"reason\":\"系统运行正常\"}"), 200);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        call(post("/api/v1/appeals/" + second.get("id").asLong() + "/decision").header("Authorization", office)
                .contentType(MediaType.APPLICATION_JSON).content("{\"uphold\":true,\"reason\":\"改判\"}"), 409);

        JsonNode current = call(get(url("")).header("Authorization", headB), 200);
        assertThat(current.get("id").asLong()).isEqualTo(v2id);
        assertThat(current.get("version").asInt()).isEqualTo(2);
        assertThat(current.get("contentHash").asText()).isNotEqualTo(v1.get("contentHash").asText());
        assertThat(unit(current, s.c().townshipB().id()).get("score").decimalValue()).isEqualByComparingTo("59");
        assertThat(unit(current, s.c().townshipB().id()).get("breakdown").toString()).contains("申诉成立");
        // the old version stays readable, marked superseded, and still verifies
        JsonNode old = call(get("/api/v1/rankings/" + v1.get("id").asLong()).header("Authorization", headB), 200);
        assertThat(old.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(unit(old, s.c().townshipB().id()).get("score").decimalValue()).isEqualByComparingTo("58");
        assertThat(call(get("/api/v1/rankings/" + v1.get("id").asLong() + "/verify").header("Authorization", office), 200)
                .get("valid").asBoolean()).isTrue();
        assertThat(call(get("/api/v1/rankings/" + v2id + "/verify").header("Authorization", office), 200)
                .get("valid").asBoolean()).isTrue();
        // an item of the superseded version can no longer be appealed
        call(post("/api/v1/appeals").header("Authorization", headB).contentType(MediaType.APPLICATION_JSON)
                .content(appeal(deduction(unit(old, s.c().townshipB().id()), "TASK"), "旧版本")), 409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'assessment_appeal' AND entity_id IN (:ids)")
                .param("ids", List.of(filed.get("id").asText(), second.get("id").asText())).query(Long.class).single())
                .isEqualTo(4);
    }

    @Test
    void aLateAppealIsRefused() throws Exception {
        JsonNode v1 = published();
        long item = deduction(unit(v1, s.c().townshipB().id()), "NOTICE");
        clock.set(NOV_10.plus(java.time.Duration.ofDays(6)));
        // five days after 11-10 is the last day (11-15); 11-16 is late
        JsonNode late = call(post("/api/v1/appeals").header("Authorization", Logins.token(mvc, s.headB()))
                .contentType(MediaType.APPLICATION_JSON).content(appeal(item, "迟到的申诉")), 422);
        assertThat(late.get("detail").asText()).contains("申诉期已过");
    }

    @Test
    void theExportHoldsTheRankingAndTheVisibleBreakdown() throws Exception {
        long id = published().get("id").asLong();
        byte[] xlsx = mvc.perform(get("/api/v1/rankings/" + id + "/export.xlsx").header("Authorization", office))
                .andExpect(status().isOk()).andExpect(content().contentType(AssessmentApiController.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> ranking = new ArrayList<>();
            for (Row row : book.getSheet(RankingExport.RANKING_SHEET)) {
                if (row.getRowNum() >= 4) {
                    ranking.add((int) row.getCell(0).getNumericCellValue() + " " + row.getCell(1).getStringCellValue()
                            + " " + row.getCell(2).getNumericCellValue());
                }
            }
            assertThat(ranking).containsExactly("1 " + s.c().townshipA().name() + " 96.0",
                    "2 " + s.c().townshipB().name() + " 58.0");
            List<String> items = new ArrayList<>();
            for (Row row : book.getSheet(RankingExport.BREAKDOWN_SHEET)) {
                items.add(row.getCell(0).getStringCellValue() + "|" + row.getCell(1).getStringCellValue() + "|"
                        + (row.getRowNum() == 0 ? "" : row.getCell(5).getNumericCellValue()));
            }
            assertThat(items).contains(s.c().townshipB().name() + "|扣分|-1.0");
        }
        // a township's export has only its own breakdown
        byte[] own = mvc.perform(get("/api/v1/rankings/" + id + "/export.xlsx")
                        .header("Authorization", Logins.token(mvc, s.c().liaisonAUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(own))) {
            for (Row row : book.getSheet(RankingExport.BREAKDOWN_SHEET)) {
                if (row.getRowNum() > 0) {
                    assertThat(row.getCell(0).getStringCellValue()).isEqualTo(s.c().townshipA().name());
                }
            }
        }
    }
}
