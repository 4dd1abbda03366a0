package org.gongjian.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.MutableClock;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every write leaves one audit line (who, when, what, before → after, from where); refused writes leave none. */
class AuditTrailTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    County c;
    String writer;
    /** 三员分立: the audit administrator reads the trail (ADMIN only in the demo, and tests run without it). */
    String auditor;

    @BeforeEach
    void county() throws Exception {
        c = fixtures.county();
        writer = Logins.token(mvc, c.orgDeptUser());
        auditor = fixtures.user("aud" + c.tag(), c.county(), org.gongjian.identity.Role.AUDIT_ADMIN);
    }

    record Line(Instant occurredAt, String actor, String action, String entityType, String entityId, String before,
                String after, String clientAddress) {}

    @Test
    void createAndUpdateEachWriteALineWithActorActionStatesAndAddress() throws Exception {
        Instant created = MutableClock.START.plusSeconds(3723);
        clock.set(created);
        long id = id(createVillage("旧名村" + c.tag(), "AV" + c.tag()).andExpect(status().isCreated()));
        clock.set(created.plusSeconds(60));
        saveVillage(put("/api/v1/units/" + id), "新名村" + c.tag(), "AV" + c.tag()).andExpect(status().isOk());

        List<Line> lines = lines(String.valueOf(id));
        assertThat(lines).hasSize(2);
        Line create = lines.get(0);
        assertThat(create.action()).isEqualTo("unit.create");
        assertThat(create.actor()).isEqualTo(c.orgDeptUser());
        assertThat(create.entityType()).isEqualTo("unit");
        assertThat(create.occurredAt()).isEqualTo(created);
        assertThat(create.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(create.before()).isNull();
        assertThat(json.readTree(create.after()).get("name").asString()).isEqualTo("旧名村" + c.tag());
        assertThat(json.readTree(create.after()).get("parentId").asLong()).isEqualTo(c.townshipA().id());

        Line update = lines.get(1);
        assertThat(update.action()).isEqualTo("unit.update");
        assertThat(update.actor()).isEqualTo(c.orgDeptUser());
        assertThat(update.occurredAt()).isEqualTo(created.plusSeconds(60));
        assertThat(update.clientAddress()).isEqualTo("127.0.0.1");
        JsonNode before = json.readTree(update.before());
        JsonNode after = json.readTree(update.after());
        assertThat(before.get("name").asString()).isEqualTo("旧名村" + c.tag());
        assertThat(after.get("name").asString()).isEqualTo("新名村" + c.tag());
        assertThat(after.get("id").asLong()).isEqualTo(before.get("id").asLong()).isEqualTo(id);

        mvc.perform(get("/api/v1/audit").param("entityType", "unit").param("entityId", String.valueOf(id))
                        .header("Authorization", Logins.token(mvc, auditor)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].action").value("unit.update"))
                .andExpect(jsonPath("$.items[1].action").value("unit.create"))
                .andExpect(jsonPath("$.items[0].actor").value(c.orgDeptUser()));
    }

    @Test
    void aRefusedWriteLeavesNoLineAndNoData() throws Exception {
        String code = "AX" + c.tag();
        mvc.perform(post("/api/v1/units").header("Authorization", writer).contentType(MediaType.APPLICATION_JSON)
                        .content(body("局下村" + c.tag(), c.department().id(), code)))
                .andExpect(status().isUnprocessableContent());
        saveVillage(put("/api/v1/units/" + c.villageA().id()), "改不了" + c.tag(), c.townshipB().code())
                .andExpect(status().isConflict());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM unit WHERE code = :c").param("c", code).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE after_state LIKE :t")
                .param("t", "%局下村" + c.tag() + "%").query(Long.class).single()).isZero();
        assertThat(lines(String.valueOf(c.villageA().id()))).extracting(Line::action).containsExactly("unit.create");
    }

    @Test
    void auditPageFiltersByActionAndShowsTheEntries() throws Exception {
        long id = id(createVillage("页面村" + c.tag(), "AP" + c.tag()).andExpect(status().isCreated()));
        saveVillage(put("/api/v1/units/" + id), "页面新村" + c.tag(), "AP" + c.tag()).andExpect(status().isOk());
        MockHttpSession admin = Logins.session(mvc, auditor);

        mvc.perform(get("/audit").param("entityType", "unit").param("entityId", String.valueOf(id)).session(admin))
                .andExpect(status().isOk()).andExpect(content().string(containsString("共 2 条")));
        mvc.perform(get("/audit").param("action", "unit.update").param("entityType", "unit")
                        .param("entityId", String.valueOf(id)).session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共 1 条")))
                .andExpect(content().string(containsString("<code class=\"small\">unit.update</code>")))
                .andExpect(content().string(containsString("单位 · 修改")))
                .andExpect(content().string(containsString(">名称</span>")))
                .andExpect(content().string(not(containsString(">unit.create</code>"))))
                .andExpect(content().string(containsString("页面新村" + c.tag())))
                .andExpect(content().string(containsString(c.orgDeptUser())))
                .andExpect(content().string(containsString("127.0.0.1")));
        mvc.perform(get("/audit").param("action", "unit.create").param("actor", c.orgDeptUser()).session(admin))
                .andExpect(content().string(containsString("共 1 条")))
                .andExpect(content().string(not(containsString("页面新村" + c.tag()))));
    }

    @Test
    void filtersByCalendarDayInTheConfiguredZone() throws Exception {
        // 16:30 UTC on 15 June is 00:30 on 16 June in Shanghai: the line belongs to the 16th.
        clock.set(Instant.parse("2026-06-15T16:30:00Z"));
        writer = Logins.token(mvc, c.orgDeptUser());
        long id = id(createVillage("午夜村" + c.tag(), "AM" + c.tag()).andExpect(status().isCreated()));
        String admin = Logins.token(mvc, auditor);

        for (String[] range : new String[][] {{"2026-06-16", "2026-06-16"}, {"2026-06-16", null}, {null, "2026-06-16"}}) {
            auditApi(admin, id, range[0], range[1]).andExpect(jsonPath("$.total").value(1));
        }
        auditApi(admin, id, "2026-06-15", "2026-06-15").andExpect(jsonPath("$.total").value(0));
        auditApi(admin, id, "2026-06-17", null).andExpect(jsonPath("$.total").value(0));
        auditApi(admin, id, null, "2026-06-15").andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void nonAdministratorsAreRefused() throws Exception {
        MockHttpSession orgDept = Logins.session(mvc, c.orgDeptUser());
        mvc.perform(get("/audit").session(orgDept)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").header("Authorization", writer)).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/audit").header("Authorization", Logins.token(mvc, c.leaderUser())))
                .andExpect(status().isForbidden());
        // Outside the demo not even ADMIN reads the trail: that is the audit administrator's alone.
        mvc.perform(get("/api/v1/audit").header("Authorization", Logins.token(mvc, c.adminUser())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit").session(Logins.session(mvc, c.adminUser()))).andExpect(status().isForbidden());
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteAnAuditLine() throws Exception {
        long id = id(createVillage("不可改村" + c.tag(), "AT" + c.tag()).andExpect(status().isCreated()));
        long line = jdbc.sql("SELECT id FROM audit_event WHERE entity_type = 'unit' AND entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'mallory' WHERE id = :id").param("id", line)
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", line).update())
                .hasMessageContaining("append-only");
        assertThat(lines(String.valueOf(id))).singleElement()
                .satisfies(l -> assertThat(l.actor()).isEqualTo(c.orgDeptUser()));
    }

    // --- helpers

    private ResultActions auditApi(String admin, long entityId, String from, String to) throws Exception {
        var request = get("/api/v1/audit").param("entityType", "unit").param("entityId", String.valueOf(entityId))
                .header("Authorization", admin);
        if (from != null) {
            request.param("from", from);
        }
        if (to != null) {
            request.param("to", to);
        }
        return mvc.perform(request).andExpect(status().isOk());
    }

    private ResultActions createVillage(String name, String code) throws Exception {
        return saveVillage(post("/api/v1/units"), name, code);
    }

    private long id(ResultActions created) throws Exception {
        return json.readTree(created.andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    private ResultActions saveVillage(MockHttpServletRequestBuilder request,
                                      String name, String code) throws Exception {
        return mvc.perform(request.header("Authorization", writer).contentType(MediaType.APPLICATION_JSON)
                .content(body(name, c.townshipA().id(), code)));
    }

    private String body(String name, long parentId, String code) {
        return json.writeValueAsString(Map.of("name", name, "kind", "VILLAGE", "parentId", parentId, "code", code));
    }

    private List<Line> lines(String entityId) {
        return jdbc.sql("SELECT * FROM audit_event WHERE entity_type = 'unit' AND entity_id = :id ORDER BY id")
                .param("id", entityId)
                .query((rs, n) -> new Line(rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
                        rs.getString("entity_id"), rs.getString("before_state"), rs.getString("after_state"),
                        rs.getString("client_address")))
                .list();
    }
}
