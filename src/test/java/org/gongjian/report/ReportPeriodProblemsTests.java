package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Issue #17: an invalid period is 400 in the UI and the API, and a PUT naming another period never wipes a draft. */
class ReportPeriodProblemsTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired ReportFixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void aPutWithAnInvalidOrAnotherPeriodIsRefusedAndTheDraftKeepsItsContent() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String liaison = Logins.token(mvc, s.liaison());
        long id = ReportFixtures.body(mvc.perform(post("/api/v1/tasks/" + s.task().id() + "/reports")
                .header(HttpHeaders.AUTHORIZATION, liaison).contentType(MediaType.APPLICATION_JSON)
                .content(ReportFixtures.json(Map.of("period", "2026-06", "progressText", "举办招聘会3场",
                        "indicatorValues", List.of(Map.of("indicatorId", s.jobs(), "value", 450))))))
                .andExpect(status().isCreated())).get("id").asLong();
        Map<String, Object> before = row(id);

        for (String bad : List.of("2026-13", "2026-00", "'; DROP TABLE progress_report;--")) {
            put(liaison, id, bad).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("period"));
        }
        put(liaison, id, "2026-05").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("报告的周期不能修改：本报告是2026年6月的报告"));
        assertThat(row(id)).isEqualTo(before);
        put(liaison, id, "2026-06").andExpect(status().isOk());
    }

    @Test
    void theReportingPagesAnswerAnInvalidPeriodWith400() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        MockHttpSession office = Logins.session(mvc, s.office());
        MockHttpSession liaison = Logins.session(mvc, s.liaison());
        for (String bad : List.of("2026-13", "2026-W99", "x")) {
            mvc.perform(get("/campaigns/" + s.campaign().id() + "/reporting").param("period", bad).session(office))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("报送周期")));
            mvc.perform(get("/tasks/" + s.task().id() + "/reports/new").param("period", bad).session(liaison))
                    .andExpect(status().isBadRequest());
        }
    }

    private org.springframework.test.web.servlet.ResultActions put(String token, long id, String period) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/reports/" + id)
                .header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                .content(ReportFixtures.json(Map.of("period", period))));
    }

    private Map<String, Object> row(long id) {
        Map<String, Object> row = new java.util.TreeMap<>(jdbc.sql("SELECT * FROM progress_report WHERE id = :id")
                .param("id", id).query().singleRow());
        row.put("values", jdbc.sql("SELECT indicator_id, reported_value FROM report_indicator_value WHERE report_id = :id")
                .param("id", id).query().listOfRows());
        return row;
    }
}
