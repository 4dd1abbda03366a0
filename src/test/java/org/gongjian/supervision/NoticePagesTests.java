package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.gongjian.supervision.NoticeFixtures.Row;
import org.gongjian.supervision.NoticeFixtures.Setup;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The register, the notice page and the 发督办单 form: who sees which actions, and the round trip through the forms. */
class NoticePagesTests extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Autowired NoticeFixtures fixtures;
    @Autowired LightEvaluation lights;
    @Autowired MockMvc mvc;

    @Test
    void fromTheRedListThroughTheFormToResponseAndClose() throws Exception {
        Setup s = fixtures.redTask(TODAY.minusDays(10));
        lights.evaluateCampaign(s.campaign().id(), TODAY);
        MockHttpSession office = Logins.session(mvc, s.supervisor());
        mvc.perform(get("/supervision/lights").param("campaignId", String.valueOf(s.campaign().id())).session(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/supervision/notices/new?taskId=" + s.task().id())));
        mvc.perform(get("/supervision/notices/new").param("taskId", String.valueOf(s.task().id())).session(office))
                .andExpect(status().isOk()).andExpect(content().string(containsString("节点“完成管网招标”已逾期10天")));
        // an empty requirement: the form again with the message, nothing issued
        mvc.perform(post("/supervision/notices").session(office).with(csrf()).param("taskId", String.valueOf(s.task().id()))
                        .param("level", "URGE").param("requirement", " ").param("responseDue", TODAY.plusDays(3).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写督办要求")));
        assertThat(fixtures.notices(s.task().id())).isEmpty();
        mvc.perform(post("/supervision/notices").session(office).with(csrf()).param("taskId", String.valueOf(s.task().id()))
                        .param("level", "URGE").param("requirement", "请三日内报送招标进展").param("responseDue", TODAY.plusDays(3).toString()))
                .andExpect(redirectedUrlPattern("/supervision/notices/*"));
        List<Row> notices = fixtures.notices(s.task().id());
        long id = notices.get(0).id();

        // the office's register counts it under township A; the page offers no close before a response
        mvc.perform(get("/supervision/notices").session(office)).andExpect(status().isOk())
                .andExpect(content().string(containsString("notice-tally")))
                .andExpect(content().string(containsString("请三日内报送招标进展")));
        mvc.perform(get("/supervision/notices/{id}", id).session(office)).andExpect(status().isOk())
                .andExpect(content().string(containsString("notice-escalate-form")))
                .andExpect(content().string(not(containsString("notice-close-form"))))
                .andExpect(content().string(not(containsString("notice-respond-form"))));

        // township B's liaison: not found; township A's liaison: the response form
        MockHttpSession liaisonB = Logins.session(mvc, s.c().liaisonBUser());
        mvc.perform(get("/supervision/notices/{id}", id).session(liaisonB)).andExpect(status().isNotFound());
        mvc.perform(get("/supervision/notices").session(liaisonB))
                .andExpect(content().string(not(containsString("请三日内报送招标进展"))));
        MockHttpSession liaisonA = Logins.session(mvc, s.c().liaisonAUser());
        mvc.perform(get("/supervision/notices/{id}", id).session(liaisonA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("notice-respond-form")))
                .andExpect(content().string(not(containsString("notice-escalate-form"))));
        mvc.perform(post("/supervision/notices/{id}/responses", id).session(liaisonA).with(csrf())
                        .param("text", "招标文件已挂网"))
                .andExpect(redirectedUrlPattern("/supervision/notices/*")).andExpect(flash().attribute("message", "反馈已报送督查室"));
        // the unit cannot close
        mvc.perform(post("/supervision/notices/{id}/close", id).session(liaisonA).with(csrf())).andExpect(status().isForbidden());

        mvc.perform(get("/supervision/notices/{id}", id).session(office))
                .andExpect(content().string(containsString("招标文件已挂网")))
                .andExpect(content().string(containsString("notice-close-form")));
        mvc.perform(post("/supervision/notices/{id}/close", id).session(office).with(csrf()).param("note", "同意办结"))
                .andExpect(flash().attribute("message", "督办单已办结"));
        assertThat(fixtures.notices(s.task().id())).extracting(Row::status).containsExactly("CLOSED");
        // the task page links to the task's notices
        mvc.perform(get("/tasks/{id}", s.task().id()).session(office))
                .andExpect(content().string(containsString("/supervision/notices?taskId=" + s.task().id())));
    }
}
