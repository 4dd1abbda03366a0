package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The reporting overview opens on the last period already due, never on one whose deadline is still ahead. */
class ReportingOverviewDefaultTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired ReportFixtures fixtures;

    @Test
    void opensOnTheLastPeriodWhoseDeadlinePassed() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        MockHttpSession office = Logins.session(mvc, s.office());
        int deadlineDay = s.campaign().reportDeadlineDay();
        // on May's deadline day May is not yet due: April is the last period due
        assertThat(opened(s, office, LocalDate.of(2026, 6, deadlineDay))).isEqualTo("2026-04");
        assertThat(opened(s, office, LocalDate.of(2026, 6, deadlineDay + 1))).isEqualTo("2026-05");
    }

    private String opened(ReportFixtures.Setup s, MockHttpSession session, LocalDate day) throws Exception {
        clock.set(day.atTime(10, 0).atZone(clock.getZone()).toInstant());
        var model = mvc.perform(get("/campaigns/" + s.campaign().id() + "/reporting").session(session))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel();
        return ((ReportingPeriod) model.get("period")).label();
    }
}
