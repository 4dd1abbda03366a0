package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.Direction;
import org.gongjian.campaign.TaskFigures;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView.IndicatorView;
import org.gongjian.campaign.TaskView.PointView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reason whose words move by the day is stored once, as its facts, and read in the words of the day the campaign's
 * lights were last evaluated for: three days after its evaluation, a daily run that evaluates no task (none is due)
 * and writes no task's row only moves that day, and a task behind plan then quotes that day's planned value, as an
 * evaluation that day would have written it. Before, every such task was due daily and its row rewritten.
 */
class DatedReasonTests extends IntegrationTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    @Autowired OrgFixtures fixtures;
    @Autowired BulkTasks bulk;
    @Autowired LightEvaluation lights;
    @Autowired TaskService tasks;
    @Autowired TaskFigures figures;
    @Autowired JdbcClient jdbc;

    @Test
    void aTaskBehindPlanReadDaysLaterQuotesThatDaysPlanWithoutAnEvaluation() {
        long campaign = bulk.withPlans(fixtures.county(), 20);
        lights.evaluateCampaign(campaign, DAY);
        Map<Long, LightVerdict> then = lights.verdictsOfCampaign(campaign, DAY);
        Map<Long, LightVerdict> later = lights.verdictsOfCampaign(campaign, DAY.plusDays(3));
        // the tasks behind plan (actual 20 of 1,000 万元) and with a milestone due or overdue, as evaluated
        List<Long> moving = then.keySet().stream()
                .filter(id -> !then.get(id).reasons().equals(later.get(id).reasons())).toList();
        assertThat(moving).hasSizeGreaterThan(5);
        assertThat(moving).anyMatch(id -> later.get(id).reasons().stream().anyMatch(r -> r.contains("计划应完成")));
        String rows = storedRows(campaign);

        clock.set(DAY.plusDays(3).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(lights.evaluateDue(campaign, DAY.plusDays(3)).evaluated()).isZero();

        for (long id : moving) {
            assertThat(tasks.task(id, DataScope.everything()).lightReasons()).as("task %d", id)
                    .isEqualTo(later.get(id).reasons());
        }
        assertThat(figures.lightReasons(moving)).allSatisfy((id, reasons) ->
                assertThat(reasons).isEqualTo(later.get(id).reasons()));
        assertThat(storedRows(campaign)).isEqualTo(rows);
    }

    /**
     * An approval before the day's run (03:00; or on a day whose run failed) re-lights its chain for today while the
     * campaign's day is still yesterday: the task shows today's light, and must show today's words with it, not
     * yesterday's ("今天到期" beside a red light that says "已逾期1天"). Found by review.
     */
    @Test
    void aReLightBeforeTheDailyRunShowsItsOwnDaysWords() {
        long campaign = bulk.withPlans(fixtures.county(), 20);
        lights.evaluateCampaign(campaign, DAY);
        List<Long> leaves = jdbc.sql("""
                SELECT t.id FROM task t WHERE t.campaign_id = :c
                  AND NOT EXISTS (SELECT 1 FROM task c WHERE c.parent_task_id = t.id) ORDER BY t.id""")
                .param("c", campaign).query(Long.class).list();
        Map<Long, LightVerdict> then = lights.verdictsOfCampaign(campaign, DAY);
        LocalDate day = DAY;
        Long moved = null;
        Map<Long, LightVerdict> next = then;
        while (moved == null && day.isBefore(DAY.plusDays(60))) {
            day = day.plusDays(1);
            next = lights.verdictsOfCampaign(campaign, day);
            Map<Long, LightVerdict> at = next;
            moved = leaves.stream().filter(id -> at.get(id).light() != then.get(id).light()).findFirst().orElse(null);
        }
        assertThat(moved).as("a leaf whose light moves by date alone within 60 days").isNotNull();

        long relit = moved;
        Map<Long, LightVerdict> today = next;
        clock.set(day.atTime(3, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        lights.evaluateTask(relit, day);

        assertThat(tasks.task(relit, DataScope.everything()).light()).isEqualTo(next.get(relit).light());
        assertThat(tasks.task(relit, DataScope.everything()).lightReasons()).isEqualTo(next.get(relit).reasons());
        assertThat(figures.lightReasons(List.of(relit)).get(relit)).isEqualTo(next.get(relit).reasons());
        // the campaign's other tasks, whose words would move, keep those of the campaign's day, which their lights are of
        Long other = leaves.stream().filter(id -> id != relit
                && !then.get(id).reasons().equals(today.get(id).reasons())).findFirst().orElseThrow();
        assertThat(tasks.task(other, DataScope.everything()).lightReasons()).isEqualTo(then.get(other).reasons());

        // a whole run for the earlier day again (a catch-up, a manual run for a past day) gives every task that day's
        // light: the re-lit task's words go back to that day too (review)
        lights.evaluateCampaign(campaign, DAY);
        assertThat(tasks.task(relit, DataScope.everything()).light()).isEqualTo(then.get(relit).light());
        assertThat(tasks.task(relit, DataScope.everything()).lightReasons()).isEqualTo(then.get(relit).reasons());
        assertThat(figures.lightReasons(List.of(relit)).get(relit)).isEqualTo(then.get(relit).reasons());
    }

    private String storedRows(long campaign) {
        return String.join("|", jdbc.sql("""
                SELECT r.reasons FROM task_light_reason r JOIN task t ON t.id = r.task_id
                WHERE t.campaign_id = :c ORDER BY t.id""").param("c", campaign).query(String.class).list());
    }

    @Test
    void aStoredLineKeepsEveryFigureAsTheRulesReadIt() {
        IndicatorView i = new IndicatorView(1, "新增“城镇”就业人数\\", "人", new BigDecimal("1.50"), new BigDecimal("4E+2"),
                null, Direction.LOWER_IS_BETTER, BigDecimal.ZERO,
                List.of(new PointView(LocalDate.of(2026, 3, 1), new BigDecimal("0.1000"))));
        TaskFacts task = new TaskFacts(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(i), List.of());
        DatedReason reason = DatedReason.IndicatorBehind.of(i, task);

        DatedReason read = DatedReason.of(DatedReason.line(reason)).orElseThrow();

        assertThat(read).isEqualTo(reason);
        assertThat(DatedReason.of("节点“开工”已逾期3天")).isEmpty();
        assertThat(DatedReason.of("{\"milestone\":")).isEmpty();
        assertThat(new LightReasonLines().on("{\"milestone\":", DAY)).isEqualTo("{\"milestone\":");
    }
}
