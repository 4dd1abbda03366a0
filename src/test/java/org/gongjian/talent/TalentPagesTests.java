package org.gongjian.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The desk's pages render for the office with its own county's figures. */
class TalentPagesTests extends IntegrationTest {

    @Autowired TalentFixtures fixtures;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    @Test
    void theOfficeSeesPoliciesHolidaysRequestsAndTheDashboard() throws Exception {
        TalentFixtures.Desk d = fixtures.desk();
        MockHttpSession session = Logins.session(mvc, d.office());
        assertThat(page(session, "/talent/policies")).contains(d.housing().name(), "承诺 5 个工作日办结", "博士及以上");
        assertThat(page(session, "/talent/holidays?year=2026")).contains("国庆节", "调休上班");
        assertThat(page(session, "/talent/requests")).contains("人才服务事项");
        assertThat(page(session, "/talent/dashboard")).contains("人才工作看板", "data-talent-dashboard", "新材料");
        assertThat(page(session, "/talent/" + d.phd().id())).contains("查看完整个人信息的事由", "138****5678")
                .doesNotContain(TalentFixtures.PHONE);
    }

    /**
     * A liaison of the talent's township opens a request another unit delivers: the page, without the delivering
     * unit's actions. The check of the delivering unit threw NotFound inside the request's transaction, which then
     * could not commit: a 500 for every such reader.
     */
    @Test
    void aRequestOpensForAReaderOutsideTheDeliveringUnitWithoutItsActions() throws Exception {
        TalentFixtures.Desk d = fixtures.desk();
        String office = Logins.token(mvc, d.office());
        String body = mvc.perform(post("/api/v1/talent-requests").header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"talentId\":%d,\"policyId\":%d,\"note\":\"购房合同已签\"}".formatted(d.phd().id(), d.housing().id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();

        String liaison = page(Logins.session(mvc, d.c().liaisonAUser()), "/talent/requests/" + id);
        assertThat(liaison).contains(d.housing().name()).doesNotContain("/talent/requests/" + id + "/actions");
        assertThat(page(Logins.session(mvc, d.deptHead()), "/talent/requests/" + id))
                .contains("/talent/requests/" + id + "/actions");
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
