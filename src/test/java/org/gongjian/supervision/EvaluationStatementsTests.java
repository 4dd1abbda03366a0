package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.Light;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statement budget of a campaign's evaluation: what supervision itself sends (reads, history, counts, the lights
 * on the tasks) is a fixed number of batched statements whatever the number of tasks; so are the audit rows (batches
 * of 1,000) and the event publications of the changed lights (chunks of 250). Before the batched writes a first
 * evaluation of 2,000 new tasks prepared 12,018 statements (6 per task).
 */
class EvaluationStatementsTests extends IntegrationTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    @Autowired OrgFixtures fixtures;
    @Autowired BulkTasks bulk;
    @Autowired LightEvaluation lights;

    @Test
    void aFirstEvaluationsOwnStatementsDoNotGrowWithTheTasks() {
        OrgFixtures.County c = fixtures.county();
        long small = bulk.campaign(c, 40);
        long large = bulk.campaign(c, 400);

        var first40 = StatementCounter.count(() -> lights.evaluateCampaign(small, DAY));
        var first400 = StatementCounter.count(() -> lights.evaluateCampaign(large, DAY));

        assertThat(first400.result().evaluated()).isEqualTo(400);
        assertThat(first400.result().changed()).isEqualTo(400);
        assertThat(first400.result().lights()).containsEntry(Light.RED, 200)
                .containsEntry(Light.YELLOW, 100).containsEntry(Light.GREEN, 100);
        // the same statements (the IN lists aside, which bind more ids), each a batch of up to 1,000 rows; 21 with
        // the campaign's mark for the incremental runs (an update, and the first time an insert); 22 with the undating
        // of reasons a re-light dated later (TaskLightReasons.wholeRunOn)
        assertThat(own(first400.statements())).hasSameSizeAs(own(first40.statements())).hasSizeLessThanOrEqualTo(22);
        // the changed lights published in chunks of 250 (LightsChanged, was one publication each), their audit rows in
        // batches of 1,000 (was one insert each)
        assertThat(perChange(first400.statements())).isEqualTo(2 + 1);

        var nextDay = StatementCounter.count(() -> lights.evaluateCampaign(large, DAY.plusDays(1)));
        assertThat(nextDay.result().changed()).isZero();
        assertThat(nextDay.count()).isLessThanOrEqualTo(15);

        // the daily run on a quiet day reads two narrow lists and evaluates nothing, at 40 tasks as at 400; it writes
        // its mark and the day the campaign's reasons are read in (campaign_light_day)
        lights.evaluateCampaign(small, DAY.plusDays(1));
        var quiet40 = StatementCounter.count(() -> lights.evaluateDue(small, DAY.plusDays(2)));
        var quiet400 = StatementCounter.count(() -> lights.evaluateDue(large, DAY.plusDays(2)));
        assertThat(quiet400.result().evaluated()).isZero();
        assertThat(quiet400.count()).isEqualTo(quiet40.count()).isLessThanOrEqualTo(7);
    }

    /**
     * A campaign with tasks behind plan and milestones due (a third of it, whose reasons quote the day's planned value
     * or count the days): on days no light changes, neither a full evaluation nor the daily run writes a row of it —
     * the reasons are stored as their facts and put into the words of the campaign's evaluation day when read, a day
     * each run moves in one row of its own — and the daily run evaluates no task, in
     * the same few statements at 200 tasks as at 400. On the day milestones fall overdue it evaluates only those tasks
     * (their check date) and their parents. Before, every such task was due daily: the daily run read and evaluated
     * the whole campaign and rewrote 70 of 200 reasons rows each day.
     */
    @Test
    void daysThatOnlyMoveTheWordsWriteNothingAndTheDailyRunReadsOnlyTheDueTasks() {
        OrgFixtures.County c = fixtures.county();
        long small = bulk.withPlans(c, 200);
        long large = bulk.withPlans(c, 400);
        lights.evaluateCampaign(small, DAY);
        lights.evaluateCampaign(large, DAY);

        var nextDay = StatementCounter.count(() -> lights.evaluateCampaign(large, DAY.plusDays(1)));
        assertThat(nextDay.result().changed()).isZero();
        assertThat(writes(nextDay.statements())).isEmpty();

        var daily200 = StatementCounter.count(() -> lights.evaluateDue(small, DAY.plusDays(2)));
        var daily400 = StatementCounter.count(() -> lights.evaluateDue(large, DAY.plusDays(2)));
        assertThat(daily400.result().evaluated()).isZero();
        assertThat(writes(daily400.statements())).isEmpty();
        assertThat(daily400.count()).isEqualTo(daily200.count()).isLessThanOrEqualTo(7);
        // nor does it read a row per task: only the due state rows (none) and how many tasks there are (the tally);
        // it read every task id and every check date, 200,000 rows a day at 100,000 tasks
        assertThat(daily400.statements()).noneMatch(EvaluationStatementsTests::readsEveryTask);

        // 19 June: the milestones due on the 18th (one task in sixty) are overdue, red: those and their parents
        var overdue = StatementCounter.count(() -> lights.evaluateDue(large, DAY.plusDays(4)));
        assertThat(overdue.result().changed()).isPositive();
        assertThat(overdue.result().evaluated()).isLessThanOrEqualTo(2 * overdue.result().changed()).isLessThan(400 / 10);
    }

    /** Statements that write to the tasks' lights, reasons, history, counts or check dates (not the run's own mark). */
    /**
     * Statements that write task, reason or light rows. Not the whole run's undating of reasons a re-light dated
     * later ({@code TaskLightReasons.wholeRunOn}): it matches rows only after such a re-light (none here), found
     * through a partial index on PostgreSQL.
     */
    private static List<String> writes(List<String> statements) {
        return statements.stream().map(s -> s.replaceAll("\\s+", " ").trim().toLowerCase(java.util.Locale.ROOT))
                .filter(s -> !s.startsWith("update task_light_reason set evaluated_on = null"))
                .filter(s -> !s.startsWith("select") && (s.contains(" task ") || s.contains("task_light_reason")
                        || s.contains("task_light_state") || s.contains("light_count") || s.contains("light_period")))
                .toList();
    }

    /** A read of a row for each task of a campaign: its ids, or every check date. */
    private static boolean readsEveryTask(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim().toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("select id from task where campaign_id")
                || s.startsWith("select task_id, recheck_on from task_light_state where campaign_id");
    }

    /**
     * An evaluation takes the task rows before supervision's count rows, as an approval does (its chain, then the
     * re-light's counts): in the other order a run holding a unit's count row and waiting for a task row an approval
     * held, while the approval waited for that count row, was a deadlock.
     */
    @Test
    void anEvaluationWritesTheTasksLightsBeforeTheCounts() {
        long campaign = bulk.campaign(fixtures.county(), 20);

        var first = StatementCounter.count(() -> lights.evaluateCampaign(campaign, DAY));

        assertThat(first.result().changed()).isEqualTo(20);
        List<String> sql = first.statements().stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
        int taskLights = indexOf(sql, "update task set light");
        int counts = Math.min(indexOf(sql, "update light_count"), indexOf(sql, "insert into light_count"));
        int states = indexOf(sql, "insert into task_light_state");
        assertThat(taskLights).isNotNegative().isLessThan(counts).isLessThan(states);
    }

    private static int indexOf(List<String> statements, String prefix) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static List<String> own(List<String> statements) {
        return statements.stream().filter(sql -> !perTask(sql)).toList();
    }

    private static long perChange(List<String> statements) {
        return statements.stream().filter(EvaluationStatementsTests::perTask).count();
    }

    private static boolean perTask(String sql) {
        String s = sql.toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("insert into audit_event") || s.startsWith("insert into event_publication");
    }
}
