package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.MutableClock;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** 领导批示: a leader writes, the lead township acknowledges and answers; only the lead unit's side follows up. */
class InstructionApiTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    CampaignFixtures campaigns;

    @Autowired
    JdbcClient jdbc;

    County c;
    TaskView task;
    String leader;
    String liaisonA;
    String liaisonB;

    @BeforeEach
    void task() throws Exception {
        c = fixtures.county();
        task = campaigns.task(campaigns.campaign(c.county()), "甲镇人居环境整治", c.townshipA());
        leader = Logins.token(mvc, c.leaderUser());
        liaisonA = Logins.token(mvc, c.liaisonAUser());
        liaisonB = Logins.token(mvc, c.liaisonBUser());
    }

    @Test
    void leaderInstructsAndTheLeadTownshipAcknowledgesThenAnswersWhichClosesIt() throws Exception {
        long id = CampaignFixtures.body(instruct("请于月底前完成整治并报送成效").andExpect(status().isCreated())
                .andExpect(jsonPath("$.taskId").value(task.id()))
                .andExpect(jsonPath("$.authorName").value(c.leaderUser()))
                .andExpect(jsonPath("$.acknowledgedAt").isEmpty())).get("id").asLong();
        assertThat(openIds(liaisonA)).containsExactly(id);
        assertThat(openIds(liaisonB)).doesNotContain(id);

        Instant acknowledgedAt = MutableClock.START.plus(Duration.ofHours(2));
        clock.set(acknowledgedAt);
        JsonNode acknowledged = CampaignFixtures.body(follow(liaisonA, id, "acknowledge", "").andExpect(status().isOk()));
        assertThat(Instant.parse(acknowledged.get("acknowledgedAt").asString())).isEqualTo(acknowledgedAt);
        assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo(c.liaisonAUser());
        assertThat(openIds(liaisonA)).containsExactly(id);

        follow(liaisonA, id, "answer", "{\"text\":\"已完成整治，成效见报送\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.answer").value("已完成整治，成效见报送"))
                .andExpect(jsonPath("$.answeredBy").value(c.liaisonAUser()));
        assertThat(openIds(liaisonA)).doesNotContain(id);
        mvc.perform(get("/api/v1/tasks/" + task.id() + "/instructions").header("Authorization", liaisonA))
                .andExpect(jsonPath("$[0].id").value(id)).andExpect(jsonPath("$[0].answer").value("已完成整治，成效见报送"));
    }

    @Test
    void answeringTwiceIsAConflict() throws Exception {
        long id = instructed();
        follow(liaisonA, id, "answer", "{\"text\":\"已落实\"}").andExpect(status().isOk());
        follow(liaisonA, id, "answer", "{\"text\":\"再次答复\"}").andExpect(status().isConflict());
        mvc.perform(get("/api/v1/tasks/" + task.id() + "/instructions").header("Authorization", liaisonA))
                .andExpect(jsonPath("$[0].answer").value("已落实"));
    }

    @Test
    void emptyTextIsRefused() throws Exception {
        instruct("   ").andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(post("/api/v1/tasks/" + task.id() + "/instructions").header("Authorization", leader)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isUnprocessableContent());
        long id = instructed();
        follow(liaisonA, id, "answer", "{\"text\":\"\"}").andExpect(status().isUnprocessableContent());
        assertThat(openIds(liaisonA)).containsExactly(id);
    }

    @Test
    void otherTownshipsLiaisonCannotFollowUp() throws Exception {
        long id = instructed();
        follow(liaisonB, id, "acknowledge", "").andExpect(status().isNotFound());
        follow(liaisonB, id, "answer", "{\"text\":\"越权答复\"}").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tasks/" + task.id() + "/instructions").header("Authorization", liaisonB))
                .andExpect(status().isNotFound());
        assertThat(openIds(liaisonA)).containsExactly(id);
    }

    @Test
    void liaisonCannotWriteAnInstruction() throws Exception {
        mvc.perform(post("/api/v1/tasks/" + task.id() + "/instructions").header("Authorization", liaisonA)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"自批自答\"}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/instructions/open").header("Authorization", leader))
                .andExpect(jsonPath("$[*].taskId", not(hasItem((int) task.id()))));
    }

    @Test
    void createAcknowledgeAndAnswerAreAudited() throws Exception {
        long id = instructed();
        follow(liaisonA, id, "acknowledge", "").andExpect(status().isOk());
        follow(liaisonA, id, "answer", "{\"text\":\"已落实\"}").andExpect(status().isOk());
        List<String> audit = jdbc.sql("""
                        SELECT action, actor FROM audit_event WHERE entity_type = 'instruction' AND entity_id = :id ORDER BY id""")
                .param("id", String.valueOf(id)).query((rs, n) -> rs.getString("action") + "|" + rs.getString("actor")).list();
        assertThat(audit).containsExactly("instruction.create|" + c.leaderUser(),
                "instruction.acknowledge|" + c.liaisonAUser(), "instruction.answer|" + c.liaisonAUser());
    }

    private ResultActions instruct(String text) throws Exception {
        return mvc.perform(post("/api/v1/tasks/" + task.id() + "/instructions").header("Authorization", leader)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + text + "\"}"));
    }

    private long instructed() throws Exception {
        return CampaignFixtures.body(instruct("请加快进度").andExpect(status().isCreated())).get("id").asLong();
    }

    private ResultActions follow(String token, long id, String action, String body) throws Exception {
        return mvc.perform(post("/api/v1/instructions/" + id + "/" + action).header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private List<Long> openIds(String token) throws Exception {
        return CampaignFixtures.body(mvc.perform(get("/api/v1/instructions/open").header("Authorization", token))
                .andExpect(status().isOk())).values().stream().map(i -> i.get("id").asLong()).toList();
    }
}
