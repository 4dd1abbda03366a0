package org.gongjian.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gongjian.identity.Role;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 个人信息读取审计: a read of personal data leaves one line (who, what, which ids, when, from where, with what answer);
 * other reads leave none; the lines can't be changed, nor deleted before their retention, and the retention job
 * removes only the expired; the audit administrator browses them and exports both trails as JSON lines.
 */
class PersonalDataReadTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditReadRetention retention;

    final JsonMapper json = JsonMapper.builder().build();

    County c;
    String auditor;

    @BeforeEach
    void county() {
        c = fixtures.county();
        auditor = fixtures.user("pda" + c.tag(), c.county(), Role.AUDIT_ADMIN);
    }

    record Line(Instant at, String actor, String what, String ids, String method, String path, int status, String address) {}

    @Test
    void readingAPersonWritesWhoWhatWhichWhenAndFromWhere() throws Exception {
        clock.set(Instant.parse("2026-06-15T02:00:00Z"));
        String reader = c.orgDeptUser();
        mvc.perform(get("/api/v1/people/" + c.cadreA().id()).header("Authorization", Logins.token(mvc, reader)))
                .andExpect(status().isOk());

        List<Line> lines = lines(reader);
        assertThat(lines).hasSize(1);
        Line line = lines.get(0);
        assertThat(line.what()).isEqualTo("person");
        assertThat(line.ids()).isEqualTo("id=" + c.cadreA().id());
        assertThat(line.method()).isEqualTo("GET");
        assertThat(line.path()).isEqualTo("/api/v1/people/" + c.cadreA().id());
        assertThat(line.status()).isEqualTo(200);
        assertThat(line.address()).isEqualTo("127.0.0.1");
        assertThat(line.at()).isEqualTo(Instant.parse("2026-06-15T02:00:00Z"));
    }

    @Test
    void listsAndPagesAreReadsTooAndAnAttemptOutOfScopeIsSeen() throws Exception {
        String liaison = c.liaisonAUser();
        String token = Logins.token(mvc, liaison);
        mvc.perform(get("/api/v1/people?q=zz").header("Authorization", token)).andExpect(status().isOk());
        mvc.perform(get("/people").session(Logins.session(mvc, liaison))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/people/" + c.cadreB().id()).header("Authorization", token)).andExpect(status().isNotFound());

        assertThat(lines(liaison)).extracting(Line::what, Line::status, Line::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("people", 200, "/api/v1/people?q=zz"),
                org.assertj.core.groups.Tuple.tuple("people", 200, "/people"),
                org.assertj.core.groups.Tuple.tuple("person", 404, "/api/v1/people/" + c.cadreB().id()));
    }

    @Test
    void readsWithoutPersonalDataLeaveNoLine() throws Exception {
        String liaison = c.liaisonAUser();
        String token = Logins.token(mvc, liaison);
        mvc.perform(get("/api/v1/units/" + c.townshipA().id()).header("Authorization", token)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isOk());
        assertThat(lines(liaison)).isEmpty();
    }

    @Test
    void theUserListAndTheAuditLogAreReadsOfPersonalData() throws Exception {
        String system = fixtures.user("pds" + c.tag(), c.county(), Role.SYS_ADMIN);
        mvc.perform(get("/api/v1/users").header("Authorization", Logins.token(mvc, system))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit").header("Authorization", Logins.token(mvc, auditor))).andExpect(status().isOk());
        mvc.perform(get("/audit").session(Logins.session(mvc, auditor))).andExpect(status().isOk());
        assertThat(lines(system)).extracting(Line::what).containsExactly("user-list");
        assertThat(lines(auditor)).extracting(Line::what).containsExactly("audit-log", "audit-log");
    }

    @Test
    void theDatabaseRefusesToChangeALineOrDeleteOneBeforeItsRetention() {
        long young = insert("young" + c.tag(), Instant.now());
        long old = insert("old" + c.tag(), Instant.now().minus(Duration.ofDays(200)));

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_read SET actor = 'mallory' WHERE id = :id").param("id", old).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_read WHERE id = :id").param("id", young).update())
                .hasMessageContaining("kept");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_read_policy SET retention_days = 1").update())
                .as("six months at least").isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(jdbc.sql("DELETE FROM audit_read WHERE id = :id").param("id", old).update()).isOne();
        assertThat(jdbc.sql("SELECT actor FROM audit_read WHERE id = :id").param("id", young).query(String.class).single())
                .isEqualTo("young" + c.tag());
    }

    @Test
    void theRetentionJobRemovesExpiredLinesOnly() {
        clock.set(Instant.now());
        long young = insert("rj" + c.tag(), Instant.now().minus(Duration.ofDays(179)));
        long old = insert("rj" + c.tag(), Instant.now().minus(Duration.ofDays(181)));
        assertThat(retention.run()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT id FROM audit_read WHERE actor = :a").param("a", "rj" + c.tag()).query(Long.class).list())
                .containsExactly(young).doesNotContain(old);
    }

    @Test
    void retentionUnderSixMonthsIsRefused() {
        assertThatThrownBy(() -> new AuditSettings(Duration.ofDays(30))).hasMessageContaining("180");
        assertThat(new AuditSettings(Duration.ofDays(365)).readRetention()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void theAuditAdministratorExportsBothTrailsAsJsonLines() throws Exception {
        String reader = c.orgDeptUser();
        mvc.perform(get("/api/v1/people/" + c.cadreA().id()).header("Authorization", Logins.token(mvc, reader)));
        String token = Logins.token(mvc, auditor);
        long lastRead = jdbc.sql("SELECT MAX(id) FROM audit_read").query(Long.class).single();
        long lastChange = jdbc.sql("SELECT MAX(id) FROM audit_event").query(Long.class).single();

        String body = mvc.perform(get("/api/v1/audit/export.jsonl").param("afterReadId", String.valueOf(lastRead - 1))
                        .param("afterChangeId", String.valueOf(lastChange - 1)).header("Authorization", token))
                .andExpect(status().isOk()).andExpect(content().contentType("application/jsonl;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString();
        List<JsonNode> lines = body.lines().map(json::readTree).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("trail").asString()).isEqualTo("change");
        assertThat(lines.get(0).get("id").asLong()).isEqualTo(lastChange);
        assertThat(lines.get(1).get("trail").asString()).isEqualTo("read");
        assertThat(lines.get(1).get("actor").asString()).isEqualTo(reader);
        assertThat(lines.get(1).get("what").asString()).isEqualTo("person");
        assertThat(lines.get(1).get("clientAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(lines.get(1).get("occurredAt").asString()).endsWith("Z");

        String reads = mvc.perform(get("/api/v1/audit/export.jsonl").param("trail", "READS")
                        .param("afterReadId", String.valueOf(lastRead)).header("Authorization", token))
                .andReturn().getResponse().getContentAsString();
        assertThat(reads.lines().map(json::readTree).map(n -> n.get("what").asString()).toList())
                .as("the export itself is a read").containsExactly("audit-export");

        mvc.perform(get("/api/v1/audit/export.jsonl").param("trail", "everything").header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        for (String other : List.of(reader, c.adminUser(), fixtures.user("pdx" + c.tag(), c.county(), Role.SEC_ADMIN))) {
            mvc.perform(get("/api/v1/audit/export.jsonl").header("Authorization", Logins.token(mvc, other)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theReadsPageIsTheAuditAdministratorsAlone() throws Exception {
        mvc.perform(get("/api/v1/people/" + c.cadreA().id()).header("Authorization", Logins.token(mvc, c.orgDeptUser())));
        mvc.perform(get("/audit/reads").param("actor", c.orgDeptUser()).session(Logins.session(mvc, auditor)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("干部信息")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/api/v1/people/" + c.cadreA().id())));
        mvc.perform(get("/audit/reads").session(Logins.session(mvc, c.orgDeptUser()))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/reads").session(Logins.session(mvc, c.adminUser()))).andExpect(status().isForbidden());
    }

    private long insert(String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO audit_read (occurred_at, actor, what, ids, http_method, path, status, client_address)
                VALUES (:at, :actor, 'person', 'id=1', 'GET', '/api/v1/people/1', 200, '10.0.0.1')""")
                .param("at", Timestamp.from(at)).param("actor", actor).update();
        return jdbc.sql("SELECT MAX(id) FROM audit_read WHERE actor = :a").param("a", actor).query(Long.class).single();
    }

    private List<Line> lines(String actor) {
        return jdbc.sql("SELECT * FROM audit_read WHERE actor = :actor ORDER BY id").param("actor", actor)
                .query((rs, n) -> new Line(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("what"), rs.getString("ids"), rs.getString("http_method"), rs.getString("path"),
                        rs.getInt("status"), rs.getString("client_address"))).list();
    }
}
