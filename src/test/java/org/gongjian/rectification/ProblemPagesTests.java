package org.gongjian.rectification;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.gongjian.rectification.RectificationFixtures.Setup;
import org.gongjian.supervision.NoticeCommand;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeService;
import org.gongjian.supervision.NoticeView;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The pages: a notice opens a problem in one click (and only once), another township gets 404, bad input a message. */
class ProblemPagesTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    RectificationFixtures fixtures;
    @Autowired
    NoticeService notices;
    @Autowired
    ProblemService problems;

    @Test
    void aNoticeOpensOneProblemWhichOtherTownshipsCannotSee() throws Exception {
        Setup s = fixtures.setup();
        NoticeView notice = notices.create(new NoticeCommand(s.task().id(), s.c().townshipA().id(), NoticeLevel.SUPERVISE,
                "督查发现网格员配备不足，请限期整改", LocalDate.of(2026, 6, 25)), s.office(), RectificationFixtures.ALL);
        MockHttpSession office = Logins.session(mvc, s.office().getUsername());
        mvc.perform(get("/supervision/notices/" + notice.id()).session(office))
                .andExpect(content().string(containsString("/problems/new?noticeId=" + notice.id())));
        mvc.perform(get("/problems/new").param("noticeId", String.valueOf(notice.id())).session(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("督查发现网格员配备不足")))
                .andExpect(content().string(containsString("由第" + notice.id() + "号督办单立项")))
                // the four parts of a measure are all required by the service: said before the post, not after
                .andExpect(content().string(containsString("整改措施、责任人、整改时限、预期成效<span class=\"gj-required\">均为必填")));
        mvc.perform(post("/problems").session(office).with(csrf())
                        .param("campaignId", String.valueOf(s.campaign().id()))
                        .param("unitId", String.valueOf(s.c().townshipA().id())).param("source", "SUPERVISION")
                        .param("severity", "SERIOUS").param("category", "督查发现").param("description", "")
                        .param("noticeId", String.valueOf(notice.id())).param("measure", "补齐网格员")
                        .param("ownerName", "王主任").param("deadline", "2026-07-31").param("expectedResult", "每网格1人"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写问题描述")))
                // the first measure comes back as typed (it came back empty)
                .andExpect(content().string(containsString("value=\"补齐网格员\"")))
                .andExpect(content().string(containsString("value=\"王主任\"")))
                .andExpect(content().string(containsString("value=\"2026-07-31\"")))
                .andExpect(content().string(containsString("value=\"每网格1人\"")));
        String location = mvc.perform(post("/problems").session(office).with(csrf())
                        .param("campaignId", String.valueOf(s.campaign().id()))
                        .param("unitId", String.valueOf(s.c().townshipA().id())).param("source", "SUPERVISION")
                        .param("severity", "SERIOUS").param("category", "督查发现").param("description", "网格员配备不足")
                        .param("noticeId", String.valueOf(notice.id())).param("measure", "补齐网格员")
                        .param("ownerName", "王主任").param("deadline", "2026-07-31").param("expectedResult", "每网格1人"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        ProblemView p = problems.problem(id, RectificationFixtures.ALL);
        org.assertj.core.api.Assertions.assertThat(p.noticeId()).isEqualTo(notice.id());
        org.assertj.core.api.Assertions.assertThat(p.taskId()).isEqualTo(s.task().id());
        // the second click goes to the problem already opened
        mvc.perform(get("/problems/new").param("noticeId", String.valueOf(notice.id())).session(office))
                .andExpect(redirectedUrl("/problems/" + id));

        mvc.perform(get("/problems/" + id).session(Logins.session(mvc, s.c().liaisonAUser())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("网格员配备不足")));
        mvc.perform(get("/problems/" + id).session(Logins.session(mvc, s.c().liaisonBUser())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/problems").param("campaignId", String.valueOf(s.campaign().id()))
                        .session(Logins.session(mvc, s.c().liaisonBUser())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("没有符合条件的问题")));
    }
}
