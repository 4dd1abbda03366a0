package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.integrity.IntegrityService;
import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.ChainKeys;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Anchors: the chain heads signed with Ed25519 into an append-only file outside the database. A whole chain
 * rewritten consistently — even with the chain key itself, as if it had leaked — verifies link by link, but no
 * longer matches the anchor; an edited anchor line fails its signature. Anchoring is for administrators, the public
 * key is open.
 */
class AnchoredHistoryTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired ReportFixtures fixtures;
    @Autowired IntegrityService integrity;
    @Autowired ChainKeys keys;
    @Autowired JdbcClient jdbc;

    @Test
    void aWholeChainRewrittenEvenWithTheKeyNoLongerMatchesTheAnchor() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        String office = Logins.token(mvc, s.office());
        String admin = Logins.token(mvc, s.county().adminUser());
        long may = approved(s, liaison, office, "2026-05", 200);
        long june = approved(s, liaison, office, "2026-06", 400);

        mvc.perform(post("/api/v1/integrity/anchors").header(HttpHeaders.AUTHORIZATION, office)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/integrity/anchors").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.signature").isNotEmpty());
        assertThat(integrity.anchors().get(0).heads()).anyMatch(h -> h.startsWith("report:" + s.task().id() + ":2:"));
        // (Other tests' deliberately broken chains share this database: look at this task's chain only.)
        String ours = "[?(@.chain == 'report' && @.chainId == " + s.task().id() + ")]";
        mvc.perform(get("/api/v1/integrity/verify").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.brokenChains" + ours).isEmpty())
                .andExpect(jsonPath("$.anchorsChecked").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        assertThat(integrity.verify().anchorProblems()).noneMatch(p -> p.contains("report:" + s.task().id() + ":"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'integrity.anchor'").query(Long.class).single())
                .isPositive();

        // The forger holds the key: May's value 200 → 900, content, hashes and both links recomputed.
        jdbc.sql("UPDATE report_indicator_value SET reported_value = 900 WHERE report_id = :id").param("id", may).update();
        String json = column("content_json", may);
        String forged = json.replace("\"value\":200}", "\"value\":900}");
        assertThat(forged).isNotEqualTo(json);
        String mayHash = CanonicalJson.sha256(forged);
        String mayLink = keys.mac("t2", CanonicalJson.GENESIS + "|" + mayHash + "|APPROVED");
        String juneLink = keys.mac("t2", mayLink + "|" + column("content_hash", june) + "|APPROVED");
        jdbc.sql("UPDATE progress_report SET content_json = :j, content_hash = :h, chain_hash = :c WHERE id = :id")
                .param("j", forged).param("h", mayHash).param("c", mayLink).param("id", may).update();
        jdbc.sql("UPDATE progress_report SET previous_hash = :p, chain_hash = :c WHERE id = :id")
                .param("p", mayLink).param("c", juneLink).param("id", june).update();

        IntegrityService.Verification v = integrity.verify();
        assertThat(v.brokenChains()).noneMatch(c -> c.chain().equals("report") && c.chainId() == s.task().id());
        assertThat(v.valid()).isFalse();
        assertThat(v.anchorProblems()).anyMatch(p -> p.contains("report:" + s.task().id() + ":2") && p.contains("链被改写"));
        mvc.perform(get("/api/v1/integrity/verify").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(jsonPath("$.valid").value(false)).andExpect(jsonPath("$.brokenChains" + ours).isEmpty());
    }

    @Test
    void anEditedAnchorLineFailsItsSignatureAndThePublicKeyIsOpen() throws Exception {
        integrity.anchorNow("testadmin");
        Path file = integrity.anchorFile();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String last = lines.get(lines.size() - 1);
        String edited = last.replaceFirst("\"actor\":\"testadmin\"", "\"actor\":\"someone\"");
        assertThat(edited).isNotEqualTo(last);
        lines.set(lines.size() - 1, edited);
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertThat(integrity.verify().anchorProblems()).anyMatch(p -> p.contains("签名或摘要不符"));
        lines.set(lines.size() - 1, last);
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertThat(integrity.verify().anchorProblems()).noneMatch(p -> p.contains("签名或摘要不符"));

        mvc.perform(get("/api/v1/integrity/public-key")).andExpect(status().isOk())
                .andExpect(jsonPath("$.algorithm").value("Ed25519"))
                .andExpect(jsonPath("$.pem").value(org.hamcrest.Matchers.startsWith("-----BEGIN PUBLIC KEY-----")));
    }

    @Test
    void theIntegrityPageShowsAnchorsAndTheCheckInChinese() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        integrity.anchorNow("testadmin");
        mvc.perform(get("/integrity").param("check", "true").session(Logins.session(mvc, s.county().adminUser())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("数据完整性")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("锚定记录")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-test=\"integrity-result\"")));
        mvc.perform(get("/integrity").session(Logins.session(mvc, s.office()))).andExpect(status().isForbidden());
    }

    private long approved(ReportFixtures.Setup s, String liaison, String office, String period, int value) throws Exception {
        long id = ReportFixtures.body(mvc.perform(post("/api/v1/tasks/" + s.task().id() + "/reports")
                .header(HttpHeaders.AUTHORIZATION, liaison).contentType(MediaType.APPLICATION_JSON)
                .content(ReportFixtures.json(Map.of("period", period, "progressText", "新增" + value + "人",
                        "indicatorValues", List.of(Map.of("indicatorId", s.jobs(), "value", value))))))).get("id").asLong();
        mvc.perform(post("/api/v1/reports/" + id + "/submit").header(HttpHeaders.AUTHORIZATION, liaison)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/reports/" + id + "/approve").header(HttpHeaders.AUTHORIZATION, office)).andExpect(status().isOk());
        return id;
    }

    private String column(String name, long id) {
        return jdbc.sql("SELECT " + name + " FROM progress_report WHERE id = :id").param("id", id).query(String.class).single().trim();
    }
}
