package org.gongjian.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The seeded 2026 calendar through the API, and the admin's maintenance of it (audited; others 403). */
class HolidayApiTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures org;
    @Autowired JdbcClient jdbc;

    @Test
    void theSeededCalendarGivesNationalDayDeadlines() throws Exception {
        String liaison = Logins.token(mvc, org.county().liaisonAUser());
        mvc.perform(get("/api/v1/holidays").param("year", "2026").header("Authorization", liaison))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.day == '2026-10-10')].kind").value("WORK"))
                .andExpect(jsonPath("$[?(@.day == '2026-02-14')].kind").value("WORK"))
                .andExpect(jsonPath("$[?(@.day == '2026-10-07')].name").value("国庆节"));
        mvc.perform(get("/api/v1/holidays/deadline").param("from", "2026-09-29").param("workingDays", "5")
                        .header("Authorization", liaison))
                .andExpect(jsonPath("$.due").value("2026-10-12"));
    }

    @Test
    void theAdminAddsAndRemovesADayAndOthersMayNot() throws Exception {
        OrgFixtures.County c = org.county();
        String admin = Logins.token(mvc, c.adminUser());
        String liaison = Logins.token(mvc, c.liaisonAUser());
        String day = "2031-05-06";
        mvc.perform(put("/api/v1/holidays/{day}", day).header("Authorization", liaison)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"REST\",\"name\":\"测试假日\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/holidays/{day}", day).header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"REST\",\"name\":\"\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(put("/api/v1/holidays/{day}", day).header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"REST\",\"name\":\"测试假日\"}"))
                .andExpect(status().isOk());
        // Monday 5 May 2031 + 1 working day skips the new rest day on Tuesday
        mvc.perform(get("/api/v1/holidays/deadline").param("from", "2031-05-05").param("workingDays", "1")
                        .header("Authorization", liaison))
                .andExpect(jsonPath("$.due").value("2031-05-07"));
        mvc.perform(delete("/api/v1/holidays/{day}", day).header("Authorization", admin)).andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'holiday' AND entity_id = :d")
                .param("d", day).query(Long.class).single()).isEqualTo(2);
    }
}
