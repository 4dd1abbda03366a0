package org.gongjian.briefing.document;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The pages: preview, Chinese errors for a bad month or another county's campaign, the office's edit and publish. */
class BriefingPagesTests extends IntegrationTest {

    @Autowired BriefingFixtures fixtures;
    @Autowired MockMvc mvc;

    BriefingFixtures.Setup s;
    String page;

    @BeforeEach
    void setUp() {
        s = fixtures.county();
        page = "/campaigns/" + s.campaign().id() + "/briefings/";
    }

    @Test
    void theLeaderReadsThePreviewAndDownloadsAndBadMonthsAnswer400() throws Exception {
        MockHttpSession leader = Logins.session(mvc, s.c().leaderUser());
        mvc.perform(get(page + "2026-06").session(leader)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("关于2026年6月重点工作攻坚推进情况的通报")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("data-test=\"publish\""))));
        mvc.perform(get(page + "2026-06.docx").session(leader)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", BriefingApiController.DOCX.toString()));
        mvc.perform(get(page + "2026-06/charts/units.png").session(leader)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));
        mvc.perform(get(page + "2026-13").session(leader)).andExpect(status().isBadRequest());
        mvc.perform(get(page + "nonsense.pdf").session(leader)).andExpect(status().isBadRequest());
        mvc.perform(post(page + "2026-06/publish").session(leader).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void anotherCountysOfficeGets404AndTheOfficePublishesThroughThePage() throws Exception {
        MockHttpSession other = Logins.session(mvc, s.otherSupervisor());
        mvc.perform(get(page + "2026-06").session(other)).andExpect(status().isNotFound());
        mvc.perform(get("/campaigns/" + s.campaign().id() + "/briefings").session(other)).andExpect(status().isNotFound());

        MockHttpSession office = Logins.session(mvc, s.supervisor());
        mvc.perform(post(page + "2026-06").session(office).with(csrf()).param("overview", "")
                        .param("commendations", "表扬").param("nextSteps", "下步"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("总体情况不能为空")));
        mvc.perform(post(page + "2026-06").session(office).with(csrf()).param("overview", "稳步推进。")
                        .param("commendations", "表扬").param("nextSteps", "下步"))
                .andExpect(redirectedUrl(page + "2026-06"));
        mvc.perform(post(page + "2026-06/publish").session(office).with(csrf())).andExpect(redirectedUrl(page + "2026-06"));
        mvc.perform(get(page + "2026-06").session(office)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("稳步推进。")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已印发")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("data-test=\"briefing-edit\""))));
    }
}
