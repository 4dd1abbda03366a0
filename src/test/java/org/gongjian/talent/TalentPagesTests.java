package org.gongjian.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The desk's pages render for the office with its own county's figures. */
class TalentPagesTests extends IntegrationTest {

    @Autowired TalentFixtures fixtures;
    @Autowired MockMvc mvc;

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

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
