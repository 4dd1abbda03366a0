package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gongjian.identity.Role;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** Creating campaigns (defaults, date and threshold rules, owner within scope) and who sees which campaign. */
class CampaignApiTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    CampaignFixtures campaigns;

    County c;
    String supervisor;

    @BeforeEach
    void county() throws Exception {
        c = fixtures.county();
        supervisor = Logins.token(mvc, fixtures.user("sup" + c.tag(), c.county(), Role.SUPERVISOR));
    }

    @Test
    void supervisorCreatesACampaignWithDefaultCategoriesAndThresholds() throws Exception {
        JsonNode created = CampaignFixtures.body(create(supervisor, "")
                .andExpect(status().isCreated()).andExpect(header().string("Location",
                        matchesPattern("/api/v1/campaigns/\\d+"))));
        assertThat(created.get("ownerUnitId").asLong()).isEqualTo(c.county().id());
        assertThat(created.get("ownerUnitName").asString()).isEqualTo(c.county().name());
        assertThat(created.get("categories").values().stream().map(JsonNode::asString).toList())
                .isEqualTo(CampaignCommand.DEFAULT_CATEGORIES);
        assertThat(created.get("thresholds").get("yellowBehindPct").asInt()).isEqualTo(10);
        assertThat(created.get("thresholds").get("redBehindPct").asInt()).isEqualTo(20);
        assertThat(created.get("thresholds").get("dueSoonDays").asInt()).isEqualTo(7);
        assertThat(created.get("reportDeadlineDay").asInt()).isEqualTo(5);
        mvc.perform(get("/api/v1/campaigns/" + created.get("id").asLong()).header("Authorization", supervisor))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value(created.get("name").asString()));
    }

    @Test
    void givenCategoriesAreTrimmedAndDeduplicatedInOrder() throws Exception {
        create(supervisor, ",\"categories\":[\" 民生改善\",\"生态环保\",\"民生改善 \"]").andExpect(status().isCreated())
                .andExpect(jsonPath("$.categories.length()").value(2))
                .andExpect(jsonPath("$.categories[0]").value("民生改善"))
                .andExpect(jsonPath("$.categories[1]").value("生态环保"));
    }

    @Test
    void endBeforeStartIsRefused() throws Exception {
        create(supervisor, "", "2026-12-31", "2026-01-01").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("endDate"))
                .andExpect(jsonPath("$.errors[0].message").value("结束日期不能早于开始日期"));
    }

    @Test
    void yellowThresholdMustStayBelowRed() throws Exception {
        create(supervisor, ",\"yellowBehindPct\":20,\"redBehindPct\":20").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("redBehindPct"));
        // Against the default red threshold (20) too.
        create(supervisor, ",\"yellowBehindPct\":25").andExpect(status().isUnprocessableContent());
        create(supervisor, ",\"yellowBehindPct\":15,\"redBehindPct\":30").andExpect(status().isCreated())
                .andExpect(jsonPath("$.thresholds.yellowBehindPct").value(15))
                .andExpect(jsonPath("$.thresholds.redBehindPct").value(30));
    }

    @Test
    void ownerUnitOutsideTheCallersScopeIsNotFound() throws Exception {
        County other = fixtures.county();
        mvc.perform(post("/api/v1/campaigns").header("Authorization", supervisor).contentType(MediaType.APPLICATION_JSON)
                        .content(body(other.county().id(), "2026-01-01", "2026-12-31", "")))
                .andExpect(status().isNotFound());
    }

    @Test
    void townshipUserSeesItsCountysCampaignButNoOtherCountys() throws Exception {
        CampaignView own = campaigns.campaign(c.county());
        CampaignView sibling = campaigns.campaign(c.townshipB());
        CampaignView foreign = campaigns.campaign(fixtures.county().county());
        String liaisonA = Logins.token(mvc, c.liaisonAUser());
        mvc.perform(get("/api/v1/campaigns").header("Authorization", liaisonA)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) own.id())))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) sibling.id()))))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) foreign.id()))));
        mvc.perform(get("/api/v1/campaigns/" + own.id()).header("Authorization", liaisonA)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/campaigns/" + foreign.id()).header("Authorization", liaisonA))
                .andExpect(status().isNotFound());
    }

    @Test
    void liaisonCannotCreateACampaign() throws Exception {
        create(Logins.token(mvc, c.liaisonAUser()), "").andExpect(status().isForbidden());
    }

    private ResultActions create(String token, String extra) throws Exception {
        return create(token, extra, "2026-01-01", "2026-12-31");
    }

    private ResultActions create(String token, String extra, String start, String end) throws Exception {
        return mvc.perform(post("/api/v1/campaigns").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(body(c.county().id(), start, end, extra)));
    }

    private String body(long owner, String start, String end, String extra) {
        return """
                {"name":"2026年重点工作攻坚年%s","year":2026,"startDate":"%s","endDate":"%s","ownerUnitId":%d,
                 "reportingFrequency":"MONTHLY"%s}""".formatted(c.tag(), start, end, owner, extra);
    }
}
