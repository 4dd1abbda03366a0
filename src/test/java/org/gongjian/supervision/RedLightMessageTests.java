package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskService;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task that turns red tells its unit, through an after-commit module listener (asynchronous, on Spring Modulith's
 * executor) backed by the event publication registry: the message arrives, and the registry keeps no incomplete
 * publication behind it.
 */
class RedLightMessageTests extends IntegrationTest {

    static final LocalDate DUE = LocalDate.of(2026, 6, 20);

    @Autowired NoticeFixtures fixtures;
    @Autowired LightEvaluation lights;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;
    @Autowired OrgFixtures orgFixtures;
    @Autowired BulkTasks bulk;

    @Test
    void turningRedTellsTheLeadUnitOnceWithTheReasons() {
        NoticeFixtures.Setup s = fixtures.redTask(DUE);
        evaluate(s, DUE.minusDays(3));
        assertThat(tasks.task(s.task().id(), NoticeFixtures.ALL).light()).isNotEqualTo(Light.RED);
        assertThat(messages(s.headA(), s.task().id())).as("a first light tells nobody").isEmpty();

        evaluate(s, DUE.plusDays(1));
        evaluate(s, DUE.plusDays(2));

        assertThat(tasks.task(s.task().id(), NoticeFixtures.ALL).light()).isEqualTo(Light.RED);
        // the listener runs after commit on Spring Modulith's executor: the message arrives shortly after
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(messages(s.headA(), s.task().id())).singleElement().asString()
                    .contains("任务亮红灯").contains("完成管网招标");
            assertThat(messages(s.c().liaisonAUser(), s.task().id())).hasSize(1);
            assertThat(openPublications(s.task().id())).as("the publication is done and gone").isZero();
        });
        assertThat(messages(s.c().liaisonBUser(), s.task().id())).isEmpty();
    }

    /**
     * A campaign's evaluation that turns many tasks red publishes their changes as one chunk ({@link LightsChanged}),
     * one publication to record and handle instead of one per task, and still tells each unit once per task.
     */
    @Test
    void manyTasksTurningRedAtOnceTellTheirUnitsOnceEachThroughOnePublication() {
        OrgFixtures.County c = orgFixtures.county();
        long campaign = bulk.campaign(c, 40);
        lights.evaluateCampaign(campaign, LocalDate.of(2026, 4, 5));
        List<Long> greenBefore = jdbc.sql("SELECT id FROM task WHERE campaign_id = :c AND light = 'GREEN'")
                .param("c", campaign).query(Long.class).list();

        var run = StatementCounter.count(() -> lights.evaluateCampaign(campaign, LocalDate.of(2026, 6, 15)));

        List<Long> turnedRed = jdbc.sql("SELECT id FROM task WHERE campaign_id = :c AND light = 'RED' AND lead_unit_id = :u")
                .param("c", campaign).param("u", c.townshipA().id()).query(Long.class).list();
        assertThat(greenBefore).containsAll(turnedRed);
        assertThat(run.result().changed()).isGreaterThan(LightsChanged.FEW);
        assertThat(run.statements().stream().filter(sql -> sql.trim().toLowerCase(java.util.Locale.ROOT)
                .startsWith("insert into event_publication"))).hasSize(1);
        assertThat(turnedRed).hasSizeGreaterThan(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (long task : turnedRed) {
                assertThat(messages(c.liaisonAUser(), task)).singleElement().asString().contains("任务亮红灯");
            }
        });
    }

    /** Incomplete registry entries for this task's events (other tests' events may be in flight at the same time). */
    private long openPublications(long taskId) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :task")
                .param("task", "%\"taskId\":" + taskId + ",%").query(Long.class).single();
    }

    private void evaluate(NoticeFixtures.Setup s, LocalDate day) {
        clock.set(NoticeFixtures.morning(day));
        lights.evaluateCampaign(s.campaign().id(), day);
    }

    private List<String> messages(String username, long taskId) {
        return jdbc.sql("""
                SELECT n.title || ' ' || n.body FROM notification n JOIN app_user u ON u.id = n.user_id
                WHERE u.username = :u AND n.kind = 'LIGHT' AND n.link = :link""")
                .param("u", username).param("link", "/tasks/" + taskId).query(String.class).list();
    }
}
