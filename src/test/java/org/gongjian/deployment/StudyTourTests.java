package org.gongjian.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 考察学习: a tour to 江浙, a participant's report with two findings, one turned into a task linked both ways. */
class StudyTourTests extends IntegrationTest {

    @Autowired OrgFixtures fixtures;
    @Autowired UserService users;
    @Autowired PasswordEncoder encoder;
    @Autowired CampaignService campaigns;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    JsonNode call(RequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? json.createObjectNode() : json.readTree(body);
    }

    @Test
    void aFindingBecomesATaskThatShowsWhereItCameFrom() throws Exception {
        clock.set(Instant.parse("2026-05-20T02:00:00Z"));
        OrgFixtures.County c = fixtures.county();
        String cadre = "stc" + c.tag();
        users.createPrehashed(cadre, encoder.encode(OrgFixtures.PASSWORD), c.cadreA().id(), c.townshipA().id(),
                EnumSet.of(Role.CADRE));
        CampaignView campaign = campaigns.create(new CampaignCommand("攻坚年" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null, null),
                DataScope.everything());
        String office = Logins.token(mvc, c.orgDeptUser());
        long tour = call(post("/api/v1/study-tours").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"乡镇党委书记赴江浙考察","destination":"江浙","theme":"改革创新","startDate":"2026-05-10",
                         "endDate":"2026-05-16","participantIds":[%d,%d]}""".formatted(c.cadreA().id(), c.cadreB().id())),
                201).get("id").asLong();
        String report = """
                {"summary":"学习了浙江“最多跑一次”和安吉美丽乡村经验","findings":[
                 {"finding":"浙江一窗受理、集成服务","toAdopt":"乡镇便民服务中心推行一窗通办","adoptWhere":"全县各乡镇"},
                 {"finding":"安吉村庄经营","toAdopt":"组建村级强村公司","adoptWhere":"甲镇试点"}]}""";
        call(post("/api/v1/study-tours/" + tour + "/reports").header("Authorization", Logins.token(mvc, c.liaisonAUser()))
                .contentType(MediaType.APPLICATION_JSON).content(report), 404); // a township user outside the tour's scope
        call(post("/api/v1/study-tours/" + tour + "/reports").header("Authorization", Logins.token(mvc, c.leaderUser()))
                .contentType(MediaType.APPLICATION_JSON).content(report), 403); // sees it, but did not take part
        JsonNode filed = call(post("/api/v1/study-tours/" + tour + "/reports").header("Authorization", Logins.token(mvc, cadre))
                .contentType(MediaType.APPLICATION_JSON).content(report), 201);
        assertThat(filed.get("findings").size()).isEqualTo(2);
        call(post("/api/v1/study-tours/" + tour + "/reports").header("Authorization", Logins.token(mvc, cadre))
                .contentType(MediaType.APPLICATION_JSON).content(report), 409);
        long finding = filed.at("/findings/0/id").asLong();

        String adoption = """
                {"campaignId":%d,"category":"改革创新","leadUnitId":%d,"dueDate":"2026-11-30"}"""
                .formatted(campaign.id(), c.townshipA().id());
        JsonNode task = call(post("/api/v1/study-tours/findings/" + finding + "/task").header("Authorization", office)
                .contentType(MediaType.APPLICATION_JSON).content(adoption), 201);
        assertThat(task.get("title").asString()).isEqualTo("乡镇便民服务中心推行一窗通办");
        assertThat(task.get("campaignId").asLong()).isEqualTo(campaign.id());
        call(post("/api/v1/study-tours/findings/" + finding + "/task").header("Authorization", office)
                .contentType(MediaType.APPLICATION_JSON).content(adoption), 409);
        JsonNode after = call(get("/api/v1/study-tours/" + tour).header("Authorization", office), 200);
        assertThat(after.at("/findings/0/taskId").asLong()).isEqualTo(task.get("id").asLong());
        assertThat(after.at("/findings/1/taskId").isNull()).isTrue(); // the other finding is not (yet) a task
        String page = mvc.perform(get("/tasks/" + task.get("id").asLong()).session(Logins.session(mvc, c.orgDeptUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("来源：考察学习").contains("乡镇党委书记赴江浙考察").contains("/study-tours/" + tour);
        String tourPage = mvc.perform(get("/study-tours/" + tour).session(Logins.session(mvc, c.orgDeptUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tourPage).contains("乡镇便民服务中心推行一窗通办").contains("/tasks/" + task.get("id").asLong());
        List.of(tourPage).forEach(p -> assertThat(p).doesNotContain("style="));
    }
}
