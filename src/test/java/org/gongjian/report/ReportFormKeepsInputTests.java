package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The report form sent back with an error keeps what the liaison ticked in the unit's library: a new report's ticks
 * were dropped, an edited report's reverted to what was saved, so a slip in one figure cost the photos chosen.
 */
class ReportFormKeepsInputTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired ReportFixtures fixtures;
    @Autowired EvidenceService evidence;
    @Autowired JdbcClient jdbc;

    @Test
    void aFigureThatIsNoNumberComesBackWithTheTickedLibraryFilesStillTicked() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        DataScope all = DataScope.everything();
        long first = evidence.upload(s.task().leadUnitId(), "现场1.png",
                new ByteArrayInputStream(EvidenceFiles.png(64, 48, 1)), all).id();
        long second = evidence.upload(s.task().leadUnitId(), "现场2.png",
                new ByteArrayInputStream(EvidenceFiles.png(64, 48, 2)), all).id();
        MockHttpSession liaison = Logins.session(mvc, s.liaison());

        // a new report: the second file ticked, a figure mistyped
        String page = body(mvc.perform(post("/tasks/" + s.task().id() + "/reports").session(liaison).with(csrf())
                .param("period", "2026-06").param("value_" + s.jobs(), "四百五").param("progressText", "举办招聘会3场")
                .param("evidenceIds", String.valueOf(second)).param("action", "submit")));
        assertThat(page).contains("不是数字");
        assertThat(ticked(page, second)).isTrue();
        assertThat(ticked(page, first)).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM progress_report WHERE task_id = :t").param("t", s.task().id())
                .query(Long.class).single()).isZero();

        // a saved draft with the first file: the liaison swaps it for the second and mistypes a figure
        mvc.perform(post("/tasks/" + s.task().id() + "/reports").session(liaison).with(csrf())
                        .param("period", "2026-06").param("value_" + s.jobs(), "450").param("progressText", "举办招聘会3场")
                        .param("evidenceIds", String.valueOf(first)).param("action", "save"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM progress_report WHERE task_id = :t").param("t", s.task().id())
                .query(Long.class).single();
        assertThat(ticked(body(mvc.perform(get("/reports/" + id + "/edit").session(liaison))), first)).isTrue();
        page = body(mvc.perform(post("/reports/" + id).session(liaison).with(csrf())
                .param("value_" + s.jobs(), "abc").param("progressText", "举办招聘会4场")
                .param("evidenceIds", String.valueOf(second)).param("action", "save")));
        assertThat(page).contains("不是数字").contains("举办招聘会4场");
        assertThat(ticked(page, second)).isTrue();
        assertThat(ticked(page, first)).isFalse();
    }

    /**
     * A photo picked on the phone cannot be put back into the form the server sends back, so the browser itself
     * refuses a figure that is no number (the inputs' pattern). The pattern must let through only what the server
     * parses — or the liaison loses the photos anyway — and every ordinary way of writing a figure.
     */
    @Test
    void theBrowserRefusesBeforeThePostOnlyFiguresTheServerWouldRefuse() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        MockHttpSession liaison = Logins.session(mvc, s.liaison());
        mvc.perform(post("/tasks/" + s.task().id() + "/reports").session(liaison).with(csrf())
                        .param("period", "2026-06").param("value_" + s.jobs(), "450").param("progressText", "举办招聘会3场")
                        .param("action", "save"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM progress_report WHERE task_id = :t").param("t", s.task().id())
                .query(Long.class).single();
        String form = body(mvc.perform(get("/reports/" + id + "/edit").session(liaison)));
        Matcher input = Pattern.compile("<input[^>]*name=\"value_" + s.jobs() + "\"[^>]*>").matcher(form);
        assertThat(input.find()).isTrue();
        Matcher attribute = Pattern.compile("pattern=\"([^\"]*)\"").matcher(input.group());
        assertThat(attribute.find()).as("the figure's input carries a pattern").isTrue();
        // HTML's pattern must match the whole value; \p{Nd}, lookahead and escaped class characters mean the same in Java
        Pattern browser = Pattern.compile("^(?:" + org.springframework.web.util.HtmlUtils.htmlUnescape(attribute.group(1)) + ")$");

        for (String typed : java.util.List.of("450", "12.5", "1,234.5", "1，234", "１２", "-3", "+1", ".5", "1.", "1e3",
                " 12 ", "四百五", "abc", "12%", "1 000", "1e", "+", ".", "1.2.3", "--1", "0x10", "1;DROP TABLE task")) {
            String page = mvc.perform(post("/reports/" + id).session(liaison).with(csrf())
                            .param("value_" + s.jobs(), typed).param("progressText", "举办招聘会3场").param("action", "save"))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            boolean serverRefuses = page.contains("不是数字");
            assertThat(browser.matcher(typed).matches()).as("the browser lets \"%s\" through", typed).isEqualTo(!serverRefuses);
        }
        for (String ordinary : java.util.List.of("450", "12.5", "1,234.5", "１２", "-3")) {
            assertThat(browser.matcher(ordinary).matches()).as(ordinary).isTrue();
        }
    }

    private String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Whether the library checkbox of this file is rendered checked. */
    private static boolean ticked(String page, long evidenceId) {
        Matcher m = Pattern.compile("<input[^>]*name=\"evidenceIds\"[^>]*value=\"" + evidenceId + "\"[^>]*>").matcher(page);
        assertThat(m.find()).as("the library offers file " + evidenceId).isTrue();
        return m.group().contains("checked");
    }
}
