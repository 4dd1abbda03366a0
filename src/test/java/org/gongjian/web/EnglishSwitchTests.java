package org.gongjian.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Chinese by default; ?lang=en switches pages and form validation to English, and back. */
class EnglishSwitchTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;

    @Test
    void formsAndPagesFollowTheChosenLanguage() throws Exception {
        County c = fixtures.county();
        MockHttpSession session = Logins.session(mvc, c.orgDeptUser());
        mvc.perform(post("/units").session(session).with(csrf()).param("kind", "VILLAGE")
                        .param("parentId", String.valueOf(c.townshipA().id())).param("code", "EN" + c.tag()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写单位名称")));
        Cookie english = new Cookie("GONGJIAN_LANG", "en");
        mvc.perform(post("/units").session(session).cookie(english).with(csrf()).param("kind", "VILLAGE")
                        .param("parentId", String.valueOf(c.townshipA().id())).param("code", "EN" + c.tag()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Enter the unit name")))
                .andExpect(content().string(containsString("New unit")));
        mvc.perform(get("/").session(session).param("lang", "en")).andExpect(content().string(containsString("Welcome")));
        mvc.perform(get("/").session(session).param("lang", "zh_CN")).andExpect(content().string(containsString("欢迎")));
    }
}
