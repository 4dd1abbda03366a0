package org.gongjian.pledge;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.Role;
import org.gongjian.shared.DataScope;
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

/** The pledge's life: generate, sign in order, freeze, verify, catch a database edit, amend and sign again. */
class PledgeSigningTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired CampaignService campaigns;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;

    County c;
    String supervisor;
    String head;
    TaskView task;
    long campaignId;

    @BeforeEach
    void pledgeableTask() {
        c = fixtures.county();
        supervisor = fixtures.user("sup" + c.tag(), c.county(), Role.SUPERVISOR);
        head = fixtures.user("head" + c.tag(), c.townshipA(), Role.UNIT_HEAD);
        CampaignView campaign = campaigns.create(new CampaignCommand("攻坚" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), DataScope.everything());
        campaignId = campaign.id();
        task = tasks.create(campaignId, new TaskCommand("农村生活污水治理" + c.tag(), null, "生态环保", c.townshipA().id(),
                null, null, BigDecimal.ONE, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30),
                List.of(new TaskCommand.IndicatorInput(null, "治理村庄数", "个", BigDecimal.ZERO, new BigDecimal("12"),
                        Direction.HIGHER_IS_BETTER)), List.of()), DataScope.everything());
    }

    @Test
    void bothSignThenItIsFrozenVerifiableAndAmendable() throws Exception {
        String sup = Logins.token(mvc, supervisor);
        String pledge = mvc.perform(post("/api/v1/campaigns/" + campaignId + "/pledges").header("Authorization", sup)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"unitId\":" + c.townshipA().id() + "}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.content.tasks", hasSize(1)))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(pledge.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        String leader = Logins.token(mvc, c.leaderUser());
        String unitHead = Logins.token(mvc, head);

        mvc.perform(sign(id, leader, OrgFixtures.PASSWORD)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("立状人尚未签署")));
        mvc.perform(sign(id, unitHead, "wrong-password")).andExpect(status().isUnprocessableContent());
        mvc.perform(sign(id, Logins.token(mvc, c.liaisonAUser()), OrgFixtures.PASSWORD)).andExpect(status().isForbidden());
        mvc.perform(sign(id, unitHead, OrgFixtures.PASSWORD)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SIGNATORY_SIGNED"));
        mvc.perform(sign(id, unitHead, OrgFixtures.PASSWORD)).andExpect(status().isConflict());
        mvc.perform(sign(id, leader, OrgFixtures.PASSWORD)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SIGNED")).andExpect(jsonPath("$.signatures", hasSize(2)));

        mvc.perform(put("/api/v1/pledges/" + id).header("Authorization", sup).contentType(MediaType.APPLICATION_JSON)
                .content("{\"commitments\":\"悄悄改掉\"}")).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/pledges/" + id + "/verify").header("Authorization", sup))
                .andExpect(jsonPath("$.valid").value(true)).andExpect(jsonPath("$.versionsChecked").value(1));

        mvc.perform(post("/api/v1/pledges/" + id + "/amendments").header("Authorization", sup)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"上级调整目标\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(sign(id, unitHead, OrgFixtures.PASSWORD)).andExpect(status().isOk());
        mvc.perform(sign(id, leader, OrgFixtures.PASSWORD)).andExpect(status().isOk())
                .andExpect(jsonPath("$.versions[0].status").value("SUPERSEDED"));
        mvc.perform(get("/api/v1/pledges/" + id + "/verify").header("Authorization", sup))
                .andExpect(jsonPath("$.valid").value(true)).andExpect(jsonPath("$.versionsChecked").value(2));

        jdbc.sql("UPDATE pledge_version SET content_json = REPLACE(content_json, '\"12\"', '\"6\"') WHERE pledge_id = :id AND version_no = 1")
                .param("id", id).update();
        jdbc.sql("UPDATE pledge_version SET content_json = REPLACE(content_json, 'target\":12', 'target\":6') WHERE pledge_id = :id AND version_no = 1")
                .param("id", id).update();
        mvc.perform(get("/api/v1/pledges/" + id + "/verify").header("Authorization", sup))
                .andExpect(jsonPath("$.valid").value(false)).andExpect(jsonPath("$.brokenAtVersion").value(1));
        byte[] pdf = mvc.perform(get("/api/v1/pledges/" + id + "/pdf?version=1").header("Authorization", sup))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/pledge-v1.pdf"), pdf);
    }

    @Test
    void wrongSigningPasswordsCountTowardTheLoginThrottleAndAreAudited() throws Exception {
        String sup = Logins.token(mvc, supervisor);
        String pledge = mvc.perform(post("/api/v1/campaigns/" + campaignId + "/pledges").header("Authorization", sup)
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitId\":" + c.townshipA().id() + "}"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(pledge.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        String unitHead = Logins.token(mvc, head);
        for (int i = 0; i < 5; i++) {
            mvc.perform(sign(id, unitHead, "guess-" + i)).andExpect(status().is4xxClientError());
        }
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE username = :u")
                .param("u", head).query(Long.class).single()).isEqualTo(5);
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                "SELECT COUNT(*) FROM audit_event WHERE entity_id = :u AND action = 'login.failure'")
                .param("u", head).query(Long.class).single()).isEqualTo(5);
        mvc.perform(sign(id, unitHead, OrgFixtures.PASSWORD)).andExpect(status().is4xxClientError());
        mvc.perform(get("/api/v1/pledges/" + id).header("Authorization", sup)).andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void campaignTemplateFeedsNewPledgesAndRefusesBlankTerms() throws Exception {
        String sup = Logins.token(mvc, supervisor);
        mvc.perform(put("/api/v1/campaigns/" + campaignId + "/pledge-template").header("Authorization", sup)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"issuerName\":\"中共测试县委、测试县人民政府\",\"commitments\":\"确保完成\",\"rewards\":\"记功\",\"penalties\":\"约谈\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rewards").value("记功"));
        mvc.perform(put("/api/v1/campaigns/" + campaignId + "/pledge-template").header("Authorization", sup)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"issuerName\":\"\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(put("/api/v1/campaigns/" + campaignId + "/pledge-template")
                        .header("Authorization", Logins.token(mvc, head)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/campaigns/" + campaignId + "/pledges").header("Authorization", sup)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"unitId\":" + c.townshipA().id() + "}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.content.rewards").value("记功"))
                .andExpect(jsonPath("$.content.issuerName").value("中共测试县委、测试县人民政府"));
    }

    private org.springframework.test.web.servlet.RequestBuilder sign(long id, String token, String password) {
        return post("/api/v1/pledges/" + id + "/sign").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + password + "\"}");
    }
}
