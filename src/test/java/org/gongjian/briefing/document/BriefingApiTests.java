package org.gongjian.briefing.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.CanonicalJson;
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

/** The briefing API: figures from the data, docx and PDF contents, edit and publish (then frozen), scope, bad input. */
class BriefingApiTests extends IntegrationTest {

    @Autowired BriefingFixtures fixtures;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    BriefingFixtures.Setup s;
    String office;
    String base;

    @BeforeEach
    void setUp() throws Exception {
        s = fixtures.county();
        office = Logins.token(mvc, s.supervisor());
        base = "/api/v1/campaigns/" + s.campaign().id() + "/briefings/";
    }

    long lit(Light light) {
        return s.tasks().stream().filter(t -> t.light() == light).count();
    }

    void urge(TaskView task) throws Exception {
        mvc.perform(post("/api/v1/supervision/notices").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\":%d,\"level\":\"URGE\",\"requirement\":\"请加快进度\",\"responseDue\":\"2026-06-20\"}"
                                .formatted(task.id())))
                .andExpect(status().isCreated());
    }

    byte[] download(String token, String path) throws Exception {
        return mvc.perform(get(base + path).header("Authorization", token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void theDraftSaysWhatTheDataSaysInJsonWordAndPdf() throws Exception {
        TaskView red = s.task(0);
        assertThat(red.light()).isEqualTo(Light.RED);
        urge(red);
        JsonNode body = json.readTree(mvc.perform(get(base + "2026-06").header("Authorization", office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode f = body.get("data").get("figures");
        assertThat(body.get("published").asBoolean()).isFalse();
        assertThat(f.get("tasks").asInt()).isEqualTo(3);
        assertThat(f.get("red").asLong()).isEqualTo(lit(Light.RED));
        assertThat(f.get("yellow").asLong()).isEqualTo(lit(Light.YELLOW));
        assertThat(f.get("green").asLong()).isEqualTo(lit(Light.GREEN));
        assertThat(f.get("reportsExpected").asInt()).isEqualTo(3);
        assertThat(f.get("missing").asInt()).isEqualTo(3);
        assertThat(f.get("notices").asInt()).isEqualTo(1);
        assertThat(body.get("data").get("head").get("issuingUnit").asString()).isEqualTo(s.c().county().name() + "攻坚办");

        String expected = "其中绿灯" + lit(Light.GREEN) + "项、黄灯" + lit(Light.YELLOW) + "项、红灯" + lit(Light.RED) + "项";
        String word = BriefingDocxTests.text(download(office, "2026-06.docx"));
        String pdf = BriefingPdfTests.text(download(office, "2026-06.pdf"));
        for (String text : List.of(word, pdf)) {
            assertThat(text).contains(s.c().county().name() + "攻坚办", "关于2026年6月重点工作攻坚推进情况的通报",
                    "共有攻坚任务3项", expected, "应报送进度3份", "未报送3份", "催办1件", red.title(),
                    red.lightReasons().get(0).replaceAll("\\s+", ""), s.c().townshipA().name(),
                    s.c().townshipB().name(), s.c().department().name(), BriefingText.NO_RANKINGS);
        }
        assertThat(pdf).contains("草　稿");
        assertThat(word).contains("草稿");
    }

    /**
     * A leader reads the units directly under the issuing one with their whole subtrees first (a city its counties),
     * as the cockpit sums them, then the lead units — only where the two differ: here once a village leads a task.
     */
    @Test
    void unitsDirectlyUnderTheIssuingOneAreSummedWithTheirSubtreesOnceALeadUnitSitsBelowThem() throws Exception {
        JsonNode before = json.readTree(mvc.perform(get(base + "2026-06").header("Authorization", office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("data");
        assertThat(before.get("branches")).hasSize(3);
        assertThat(BriefingDocxTests.text(download(office, "2026-06.docx"))).doesNotContain("按下辖单位汇总");

        TaskView village = fixtures.villageTask(s);
        assertThat(village.light()).isEqualTo(Light.RED);
        JsonNode data = json.readTree(mvc.perform(get(base + "2026-06").header("Authorization", office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("data");
        JsonNode townshipA = null;
        for (JsonNode b : data.get("branches")) {
            if (b.get("unitId").asLong() == s.c().townshipA().id()) {
                townshipA = b;
            }
        }
        assertThat(townshipA).isNotNull();
        // its own red task and its village's
        assertThat(townshipA.get("total").asLong()).isEqualTo(2);
        assertThat(townshipA.get("red").asLong()).isEqualTo(2);
        assertThat(data.get("units")).extracting(u -> u.get("unitId").asLong()).contains(s.c().villageA().id());
        long summed = 0;
        for (JsonNode b : data.get("branches")) {
            summed += b.get("total").asLong();
        }
        long led = 0;
        for (JsonNode u : data.get("units")) {
            led += u.get("total").asLong();
        }
        assertThat(summed).as("every lit task once in either table").isEqualTo(led).isEqualTo(4);

        for (String text : List.of(BriefingDocxTests.text(download(office, "2026-06.docx")),
                BriefingPdfTests.text(download(office, "2026-06.pdf")))) {
            assertThat(text).contains("按下辖单位汇总（各单位含其所辖单位牵头的任务）", "按牵头单位分列（与上表相同的单位不再列出）",
                    s.c().villageA().name());
        }
    }

    @Test
    void theOfficeEditsAndPublishesAndThenTheBriefingIsFrozen() throws Exception {
        String prefix = "测" + s.c().tag() + "办";
        mvc.perform(put("/api/v1/campaigns/" + s.campaign().id() + "/briefing-settings").header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"issuingUnit\":\"测试县重点工作攻坚年领导小组办公室\",\"numberPrefix\":\"" + prefix + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.numberPrefix").value(prefix));
        String narrative = "{\"overview\":\"六月攻坚势头良好。\",\"commendations\":\"表扬营商环境专班。\",\"nextSteps\":\"一是抓招标。\"}";
        mvc.perform(put(base + "2026-05").header("Authorization", office).contentType(MediaType.APPLICATION_JSON).content(narrative))
                .andExpect(status().isOk()).andExpect(jsonPath("$.data.narrative.overview").value("六月攻坚势头良好。"));
        mvc.perform(post(base + "2026-05/publish").header("Authorization", office))
                .andExpect(status().isOk()).andExpect(jsonPath("$.published").value(true))
                .andExpect(jsonPath("$.data.head.number").value(prefix + "〔2026〕1号"));
        mvc.perform(post(base + "2026-06/publish").header("Authorization", office))
                .andExpect(status().isOk()).andExpect(jsonPath("$.data.head.number").value(prefix + "〔2026〕2号"));

        // frozen: edits and a second publication are 409, and new data does not change what downloads
        mvc.perform(put(base + "2026-05").header("Authorization", office).contentType(MediaType.APPLICATION_JSON).content(narrative))
                .andExpect(status().isConflict());
        mvc.perform(post(base + "2026-05/publish").header("Authorization", office)).andExpect(status().isConflict());
        urge(s.task(0));
        String pdf = BriefingPdfTests.text(download(office, "2026-06.pdf"));
        assertThat(pdf).contains("本月未下发督办单", prefix + "〔2026〕2号").doesNotContain("草　稿");
        String word = BriefingDocxTests.text(download(office, "2026-05.docx"));
        assertThat(word).contains("测试县重点工作攻坚年领导小组办公室", "六月攻坚势头良好。", "表扬营商环境专班。", "一是抓招标。",
                prefix + "〔2026〕1号");

        // the stored content matches its hash; every write is audited
        var row = jdbc.sql("SELECT id, content_json, content_hash FROM briefing WHERE campaign_id = :c AND period = '2026-05'")
                .param("c", s.campaign().id()).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        assertThat(CanonicalJson.sha256(row[1])).isEqualTo(row[2]);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'briefing' AND entity_id = :id ORDER BY id")
                .param("id", row[0]).query(String.class).list()).containsExactly("briefing.edit", "briefing.publish");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'briefing_setting.update' AND entity_id = :c")
                .param("c", String.valueOf(s.campaign().id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rolesAndScope() throws Exception {
        String other = Logins.token(mvc, s.otherSupervisor());
        mvc.perform(get(base + "2026-06").header("Authorization", other)).andExpect(status().isNotFound());
        mvc.perform(get(base + "2026-06.pdf").header("Authorization", other)).andExpect(status().isNotFound());
        mvc.perform(post(base + "2026-06/publish").header("Authorization", other)).andExpect(status().isNotFound());
        String liaison = Logins.token(mvc, s.c().liaisonAUser());
        mvc.perform(get(base + "2026-06").header("Authorization", liaison)).andExpect(status().isForbidden());
        String leader = Logins.token(mvc, s.c().leaderUser());
        mvc.perform(get(base + "2026-06.docx").header("Authorization", leader)).andExpect(status().isOk());
        mvc.perform(put(base + "2026-06").header("Authorization", leader).contentType(MediaType.APPLICATION_JSON)
                .content("{\"overview\":\"x\",\"commendations\":\"x\",\"nextSteps\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post(base + "2026-06/publish").header("Authorization", leader)).andExpect(status().isForbidden());
        // ORG_DEPT of township A: no county-wide draft, but the published briefing, as issued to every unit
        String township = Logins.token(mvc, s.c().orgDeptAUser());
        mvc.perform(get(base + "2026-06").header("Authorization", township)).andExpect(status().isNotFound());
        mvc.perform(post(base + "2026-06/publish").header("Authorization", office)).andExpect(status().isOk());
        mvc.perform(get(base + "2026-06").header("Authorization", township)).andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(true));
        mvc.perform(get("/api/v1/campaigns/" + s.campaign().id() + "/briefings").header("Authorization", township))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void aBadPeriodIs400AndAMonthOutsideTheCampaign422() throws Exception {
        for (String bad : List.of("2026-13", "garbage", "2026-00", "2026-6", "2026-13.pdf", "x.docx")) {
            mvc.perform(get(base + bad).header("Authorization", office)).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post(base + "2026-13/publish").header("Authorization", office)).andExpect(status().isBadRequest());
        mvc.perform(get(base + "2025-12").header("Authorization", office)).andExpect(status().isUnprocessableContent());
        mvc.perform(get(base + "2026-07.pdf").header("Authorization", office)).andExpect(status().isUnprocessableContent());
        mvc.perform(put(base + "2026-06").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"overview\":\" \",\"commendations\":\"x\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("overview", "nextSteps")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM briefing WHERE campaign_id = :c").param("c", s.campaign().id())
                .query(Long.class).single()).isZero();
    }
}
