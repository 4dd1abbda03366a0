package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import org.gongjian.identity.Role;
import org.gongjian.report.EvidenceService;
import org.gongjian.report.EvidenceView;
import org.gongjian.shared.DataScope;
import org.gongjian.supervision.NoticeFixtures.Setup;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The notices API: roles, data scope (404 outside it), validation (422), state rules (409), evidence from the library, audit. */
class NoticeApiTests extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Autowired NoticeFixtures fixtures;
    @Autowired OrgFixtures org;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired EvidenceService evidence;

    Setup s;
    String office;

    @BeforeEach
    void setUp() throws Exception {
        s = fixtures.redTask(TODAY.plusDays(30));
        office = Logins.token(mvc, s.supervisor());
    }

    String body(long taskId, String level, String requirement, LocalDate due) {
        return """
                {"taskId":%d,"level":"%s","requirement":"%s","responseDue":"%s"}""".formatted(taskId, level, requirement, due);
    }

    long create(String token, String body) throws Exception {
        String created = mvc.perform(post("/api/v1/supervision/notices").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asLong();
    }

    @Test
    void theOfficeIssuesANoticeToTheLeadUnitAndItIsAuditedAndInTheUnitsInbox() throws Exception {
        String created = mvc.perform(post("/api/v1/supervision/notices").header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content(body(s.task().id(), "URGE", "请于三日内报送招标进展", TODAY.plusDays(3))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.taskId").value(s.task().id()))
                .andExpect(jsonPath("$.unitId").value(s.c().townshipA().id()))
                .andExpect(jsonPath("$.level").value("URGE"))
                .andExpect(jsonPath("$.requirement").value("请于三日内报送招标进展"))
                .andExpect(jsonPath("$.responseDue").value(TODAY.plusDays(3).toString()))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.origin").value("MANUAL"))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        assertThat(fixtures.inbox(s.c().liaisonAUser(), id)).containsExactly("NOTICE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'notice.create' AND entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

        // to a cooperating unit (the village) as well; not to a unit that has nothing to do with the task
        mvc.perform(post("/api/v1/supervision/notices").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\":%d,\"unitId\":%d,\"level\":\"REMIND\",\"requirement\":\"配合\",\"responseDue\":\"%s\"}"
                                .formatted(s.task().id(), s.c().villageA().id(), TODAY)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.unitId").value(s.c().villageA().id()));
        mvc.perform(post("/api/v1/supervision/notices").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\":%d,\"unitId\":%d,\"level\":\"REMIND\",\"requirement\":\"配合\",\"responseDue\":\"%s\"}"
                                .formatted(s.task().id(), s.c().townshipB().id(), TODAY)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("unitId"));
    }

    @Test
    void badInputIs422AndChangesNothing() throws Exception {
        mvc.perform(post("/api/v1/supervision/notices").header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"taskId\":" + s.task().id() + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("level", "requirement", "responseDue")));
        mvc.perform(post("/api/v1/supervision/notices").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                        .content(body(s.task().id(), "URGE", "要求", TODAY.minusDays(1))))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("responseDue"));
        assertThat(fixtures.notices(s.task().id())).isEmpty();
    }

    @Test
    void rolesAndScope() throws Exception {
        String liaisonA = Logins.token(mvc, s.c().liaisonAUser());
        String liaisonB = Logins.token(mvc, s.c().liaisonBUser());
        // only the office issues
        mvc.perform(post("/api/v1/supervision/notices").header("Authorization", liaisonA).contentType(MediaType.APPLICATION_JSON)
                .content(body(s.task().id(), "URGE", "x", TODAY))).andExpect(status().isForbidden());
        // an office scoped to township B cannot reach a task of township A
        String officeB = Logins.token(mvc, org.user("supb" + s.c().tag(), s.c().townshipB(), Role.SUPERVISOR));
        mvc.perform(post("/api/v1/supervision/notices").header("Authorization", officeB).contentType(MediaType.APPLICATION_JSON)
                .content(body(s.task().id(), "URGE", "x", TODAY))).andExpect(status().isNotFound());

        long id = create(office, body(s.task().id(), "URGE", "请报送", TODAY.plusDays(2)));
        mvc.perform(get("/api/v1/supervision/notices/{id}", id).header("Authorization", liaisonA))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/supervision/notices/{id}", id).header("Authorization", liaisonB))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/supervision/notices").param("taskId", String.valueOf(s.task().id()))
                        .header("Authorization", liaisonB))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/supervision/notices").param("taskId", String.valueOf(s.task().id()))
                        .param("level", "URGE").param("status", "OPEN").header("Authorization", liaisonA))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
        // another township's liaison cannot respond (not found), nor the office (no liaison role)
        mvc.perform(post("/api/v1/supervision/notices/{id}/responses", id).header("Authorization", liaisonB)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/supervision/notices/{id}/responses", id).header("Authorization", office)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}")).andExpect(status().isForbidden());
        // the unit may not close or escalate
        mvc.perform(post("/api/v1/supervision/notices/{id}/close", id).header("Authorization", liaisonA)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/supervision/notices/{id}/escalate", id).header("Authorization", liaisonA)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
    }

    @Test
    void closeOnlyAfterAResponseWithEvidenceFromTheUnitsOwnLibraryAndEscalateByHand() throws Exception {
        long id = create(office, body(s.task().id(), "URGE", "请报送整改报告", TODAY.plusDays(2)));
        mvc.perform(post("/api/v1/supervision/notices/{id}/close", id).header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("尚未反馈")));

        EvidenceView own = evidence.upload(s.c().townshipA().id(), "整改照片.pdf", new ByteArrayInputStream(pdf("甲")),
                DataScope.everything());
        EvidenceView other = evidence.upload(s.c().townshipB().id(), "乙镇.pdf", new ByteArrayInputStream(pdf("乙")),
                DataScope.everything());
        String liaisonA = Logins.token(mvc, s.c().liaisonAUser());
        mvc.perform(post("/api/v1/supervision/notices/{id}/responses", id).header("Authorization", liaisonA)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"整改报告\",\"evidenceIds\":[" + other.id() + "]}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("evidenceIds"));
        mvc.perform(post("/api/v1/supervision/notices/{id}/responses", id).header("Authorization", liaisonA)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"  \"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(post("/api/v1/supervision/notices/{id}/responses", id).header("Authorization", liaisonA)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"整改报告：已完成\",\"evidenceIds\":[" + own.id() + "]}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("RESPONDED"))
                .andExpect(jsonPath("$.responses[0].evidenceIds[0]").value(own.id()));
        // the office hears of the response
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = :u AND link = :l")
                .param("u", fixtures.userId(s.supervisor())).param("l", "/supervision/notices/" + id)
                .query(Long.class).single()).isEqualTo(1);

        // escalate by hand: URGE → SUPERVISE to the lead leader; the old one is ESCALATED and cannot be escalated again
        String next = mvc.perform(post("/api/v1/supervision/notices/{id}/escalate", id).header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"requirement\":\"整改不到位，升级督办\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.level").value("SUPERVISE"))
                .andExpect(jsonPath("$.escalatedFromId").value(id))
                .andExpect(jsonPath("$.leaderPersonId").value(s.c().cadreA().id()))
                .andReturn().getResponse().getContentAsString();
        long nextId = json.readTree(next).get("id").asLong();
        assertThat(fixtures.inbox(s.leaderA(), nextId)).containsExactly("ESCALATION");
        mvc.perform(post("/api/v1/supervision/notices/{id}/escalate", id).header("Authorization", office)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/supervision/notices/{id}", id).header("Authorization", office))
                .andExpect(jsonPath("$.status").value("ESCALATED"));

        // respond + close the new one
        mvc.perform(post("/api/v1/supervision/notices/{id}/responses", nextId).header("Authorization", Logins.token(mvc, s.leaderA()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"包保领导已现场督导\"}")).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/supervision/notices/{id}/close", nextId).header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"办结\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closedBy").value(s.supervisor()));
        mvc.perform(post("/api/v1/supervision/notices/{id}/responses", nextId).header("Authorization", liaisonA)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"再补充\"}")).andExpect(status().isConflict());
    }

    static byte[] pdf(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph(text));
        document.close();
        return out.toByteArray();
    }
}
