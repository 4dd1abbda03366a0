package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.TaskService;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole run for a day undates the reasons a chain re-light dated later — only its own campaign's, and only those later
 * than its day (TaskLightReasons.wholeRunOn; review of 147ed96: nothing checked that another campaign is left alone).
 */
class WholeRunUndatingTests extends IntegrationTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    @Autowired OrgFixtures fixtures;
    @Autowired BulkTasks bulk;
    @Autowired LightEvaluation lights;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;

    List<String> dated(long campaign) {
        return jdbc.sql("""
                SELECT r.task_id || ':' || COALESCE(CAST(r.evaluated_on AS VARCHAR(20)), '-') FROM task_light_reason r
                JOIN task t ON t.id = r.task_id WHERE t.campaign_id = :c ORDER BY r.task_id""")
                .param("c", campaign).query(String.class).list();
    }

    @Test
    void aWholeRunUndatesOnlyItsOwnCampaignsRowsDatedLater() {
        OrgFixtures.County county = fixtures.county();
        long a = bulk.withPlans(county, 6);
        long b = bulk.withPlans(county, 6);
        lights.evaluateCampaign(a, DAY);
        lights.evaluateCampaign(b, DAY);
        // rows dated by a re-light: one earlier than the day, one the day itself, the rest later (in both campaigns)
        for (long c : List.of(a, b)) {
            List<Long> ids = jdbc.sql("SELECT r.task_id FROM task_light_reason r JOIN task t ON t.id = r.task_id"
                    + " WHERE t.campaign_id = :c ORDER BY r.task_id").param("c", c).query(Long.class).list();
            assertThat(ids).hasSizeGreaterThanOrEqualTo(3);
            for (int i = 0; i < ids.size(); i++) {
                LocalDate on = i == 0 ? DAY.minusDays(1) : i == 1 ? DAY : DAY.plusDays(i);
                jdbc.sql("UPDATE task_light_reason SET evaluated_on = :d WHERE task_id = :t")
                        .param("d", java.sql.Date.valueOf(on)).param("t", ids.get(i)).update();
            }
        }
        List<String> bBefore = dated(b);
        tasks.lightsEvaluatedWholeOn(a, DAY);
        List<String> aAfter = dated(a);
        assertThat(dated(b)).isEqualTo(bBefore);
        assertThat(aAfter.get(0)).endsWith(DAY.minusDays(1).toString());
        assertThat(aAfter.get(1)).endsWith(DAY.toString());
        assertThat(aAfter.subList(2, aAfter.size())).allMatch(s -> s.endsWith(":-"));
    }
}
