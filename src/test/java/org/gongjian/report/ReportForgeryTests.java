package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #17's report forgeries, done as someone with write access to the database but without the chain key
 * would do them: every plain hash recomputed after changing an approved value; an approved report set back to
 * RETURNED. Both are detected by verify.
 */
class ReportForgeryTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired ReportFixtures fixtures;
    @Autowired ReportService reports;
    @Autowired JdbcClient jdbc;

    ReportFixtures.Setup s;
    String office;
    long may;
    long june;

    @BeforeEach
    void twoApprovedReports() throws Exception {
        s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        office = Logins.token(mvc, s.office());
        may = approved(liaison, "2026-05", "五月：新增200人", 200);
        june = approved(liaison, "2026-06", "六月：新增400人", 400);
        assertThat(reports.verify(s.task().id(), DataScope.everything()).intact()).isTrue();
        assertThat(column("chain_key_id", may)).isEqualTo("t2");
    }

    @Test
    void anApprovedValueChangedWithEveryPlainHashRecomputedIsDetected() throws Exception {
        jdbc.sql("UPDATE report_indicator_value SET reported_value = 900 WHERE report_id = :id").param("id", may).update();
        String json = column("content_json", may);
        String forged = json.replace("\"value\":200}", "\"value\":900}");
        assertThat(forged).isNotEqualTo(json);
        String mayHash = CanonicalJson.sha256(forged);
        String mayLink = ReportChain.legacyLink(null, mayHash);
        jdbc.sql("UPDATE progress_report SET content_json = :j, content_hash = :h, chain_hash = :c WHERE id = :id")
                .param("j", forged).param("h", mayHash).param("c", mayLink).param("id", may).update();
        String juneLink = ReportChain.legacyLink(mayLink, column("content_hash", june));
        jdbc.sql("UPDATE progress_report SET previous_hash = :p, chain_hash = :c WHERE id = :id")
                .param("p", mayLink).param("c", juneLink).param("id", june).update();

        ReportChain.Verification v = reports.verify(s.task().id(), DataScope.everything());
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenReportId()).isEqualTo(may);
        assertThat(v.problem()).contains("密钥化哈希校验失败");

        // Claiming the forged links are legacy (unkeyed) ones does not help either.
        jdbc.sql("UPDATE progress_report SET chain_key_id = NULL WHERE task_id = :t").param("t", s.task().id()).update();
        mvc.perform(get("/api/v1/tasks/" + s.task().id() + "/reports/verify").header(HttpHeaders.AUTHORIZATION, office))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.brokenReportId").value(may))
                .andExpect(jsonPath("$.problem").value("链接未用密钥计算（旧版或被替换的链接）"));
    }

    @Test
    void anApprovedReportSetToReturnedIsDetected() throws Exception {
        int rows = jdbc.sql("UPDATE progress_report SET status = 'RETURNED', review_stage = NULL WHERE id = :id")
                .param("id", june).update();
        assertThat(rows).isEqualTo(1);
        mvc.perform(get("/api/v1/tasks/" + s.task().id() + "/reports/verify").header(HttpHeaders.AUTHORIZATION, office))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.brokenReportId").value(june))
                .andExpect(jsonPath("$.problem").value("已通过报告的状态被改为「已退回」"));
    }

    @Test
    void aLinkMadeWithAnotherKeyIsDetected() {
        // Someone who recomputes the link with a key of their own (under the configured id) is caught.
        String forged = new org.gongjian.shared.ChainKeys("t2:" + java.util.Base64.getEncoder()
                .encodeToString("an-attackers-own-key-of-32-bytes!!".getBytes())).mac("t2",
                ReportChain.linkText(null, column("content_hash", may), ReportStatus.APPROVED));
        jdbc.sql("UPDATE progress_report SET chain_hash = :c WHERE id = :id").param("c", forged).param("id", may).update();
        ReportChain.Verification v = reports.verify(s.task().id(), DataScope.everything());
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenReportId()).isEqualTo(may);
    }

    private long approved(String liaison, String period, String text, int value) throws Exception {
        long id = ReportFixtures.body(mvc.perform(post("/api/v1/tasks/" + s.task().id() + "/reports")
                .header(HttpHeaders.AUTHORIZATION, liaison).contentType(MediaType.APPLICATION_JSON)
                .content(ReportFixtures.json(Map.of("period", period, "progressText", text,
                        "indicatorValues", List.of(Map.of("indicatorId", s.jobs(), "value", value))))))).get("id").asLong();
        mvc.perform(post("/api/v1/reports/" + id + "/submit").header(HttpHeaders.AUTHORIZATION, liaison)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/reports/" + id + "/approve").header(HttpHeaders.AUTHORIZATION, office)).andExpect(status().isOk());
        return id;
    }

    private String column(String name, long id) {
        return jdbc.sql("SELECT " + name + " FROM progress_report WHERE id = :id").param("id", id).query(String.class).single().trim();
    }
}
