package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.Direction;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.SubtaskCommand;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.UserService;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Statement budgets of the write path the load harness drives (issue #18): creating a task with one indicator, a
 * subtask, a progress report and its submission. Each figure is what the path costs now; a change that adds a round
 * trip fails here and must either remove one elsewhere or raise the budget on purpose.
 */
class WritePathStatementsTests extends IntegrationTest {

    // before issue #18's write-path work: 27, 56 (plus 2 per existing sibling), 23 and 14 (a fresh task or report no
    // longer deletes or reads the details it cannot have yet; a split reads its siblings' targets in one statement);
    // then 24, 51, 21 and 15 (the incremental daily evaluation marks the submitted task for the next run: +1 on submit);
    // then a task view reads its indicators and milestones once, not again for its progress; a new report is answered
    // from what was inserted, and one read finds both an existing report of the period and the one to pre-fill from;
    // the scope's own unit needs no path read; a unit's users come with their contacts; then the roll-up reads a task
    // chain once (locked) and a split no longer recomputes its parent a second time; then a created task is answered
    // and audited as built from its inserts (not read back: 5), a new task's own progress goes in with it (a top-level
    // task rolls nothing up: 5), a split reads its parent's lead unit and each share's once, and of its parent only the
    // row and the first indicator (3); then a report's create reads its task without trajectory points and
    // cooperating units (TaskService.taskForReporting: 2), and its submit only the campaign's review route (1)
    static final int TASK_CREATE = 9;
    static final int SUBTASK_CREATE = 20;
    static final int REPORT_CREATE = 9;
    static final int REPORT_SUBMIT = 12;

    @Autowired ReportFixtures fixtures;
    @Autowired ReportService reports;
    @Autowired TaskService tasks;
    @Autowired UserService users;

    @Test
    void theWritesTheHarnessDrivesStayWithinTheirStatementBudgets() {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        clock.set(Instant.parse("2026-07-02T02:00:00Z"));
        StatementCounter.Counted<TaskView> created = StatementCounter.count(() -> tasks.create(s.campaign().id(),
                new TaskCommand("统计任务" + s.county().tag(), null, "民生改善", s.county().townshipA().id(), null, List.of(),
                        null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                        List.of(new TaskCommand.IndicatorInput(null, "完成量", "个", BigDecimal.ZERO, new BigDecimal("900"),
                                Direction.HIGHER_IS_BETTER)), List.of()),
                DataScope.everything()));
        var split = StatementCounter.count(() -> tasks.decompose(created.result().id(),
                List.of(new SubtaskCommand("分解" + s.county().tag(), s.county().townshipA().id(), null,
                        new BigDecimal("100"), null, LocalDate.of(2026, 12, 31))), DataScope.everything()));
        TaskView subtask = split.result().subtasks().get(0);
        var second = StatementCounter.count(() -> tasks.decompose(created.result().id(),
                List.of(new SubtaskCommand("再分解" + s.county().tag(), s.county().townshipA().id(), null,
                        new BigDecimal("100"), null, LocalDate.of(2026, 12, 31))), DataScope.everything()));
        var third = StatementCounter.count(() -> tasks.decompose(created.result().id(),
                List.of(new SubtaskCommand("三分解" + s.county().tag(), s.county().townshipA().id(), null,
                        new BigDecimal("100"), null, LocalDate.of(2026, 12, 31))), DataScope.everything()));
        CurrentUser liaison = users.asCurrentUser(s.liaison()).orElseThrow();
        DataScope township = DataScope.of(s.county().townshipA().id(), s.county().townshipA().path());
        StatementCounter.Counted<ReportView> draft = StatementCounter.count(() -> reports.start(subtask.id(),
                new ReportCommand("2026-06", List.of(new ReportView.IndicatorValue(subtask.indicators().get(0).id(),
                        new BigDecimal("40"))), "按计划推进", "无", "继续推进", List.of()), liaison, township));
        ReportView readBack = reports.report(draft.result().id(), DataScope.everything());
        StatementCounter.Counted<ReportView> submitted = StatementCounter.count(
                () -> reports.submit(draft.result().id(), null, liaison, township));

        print("task create", created);
        print("subtask create", split);
        print("second subtask create", second);
        print("third subtask create", third);
        print("report create", draft);
        print("report submit", submitted);
        assertThat(submitted.result().status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(created.result().indicators()).hasSize(1);
        assertThat(subtask.indicators()).hasSize(1);
        assertThat(draft.result().indicatorValues()).hasSize(1);
        // answered from what was inserted, not read back whole: exactly what a read gives (scale of the value too)
        assertThat(draft.result()).isEqualTo(readBack);
        assertThat(created.count()).isLessThanOrEqualTo(TASK_CREATE);
        assertThat(split.count()).isLessThanOrEqualTo(SUBTASK_CREATE);
        // the split check reads all siblings' targets in one statement: a third sibling costs what the second did
        // (the second reads the parent's existing subtasks for its progress explanation once, the first has none)
        assertThat(second.result().warnings()).singleElement().asString().contains("分解合计 200个");
        assertThat(third.count()).isEqualTo(second.count());
        assertThat(draft.count()).isLessThanOrEqualTo(REPORT_CREATE);
        assertThat(submitted.count()).isLessThanOrEqualTo(REPORT_SUBMIT);
    }

    private static void print(String what, StatementCounter.Counted<?> counted) {
        System.out.printf("%s: %d statements%n", what, counted.count());
        counted.statements().forEach(sql -> System.out.println("  " + sql.replaceAll("\\s+", " ")));
    }
}
