package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.SubtaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.UserService;
import org.gongjian.shared.DataScope;
import org.gongjian.supervision.LightEvaluation;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statement budget of the hottest write: the office's final approval of a subtask's report under supervision
 * (values and a milestone reach the task, progress rolls up to the parent, both lights are re-evaluated, the report
 * is sealed, the author told, everything audited). Before the one-pass approval it cost {@value #BEFORE} statements.
 */
class ApprovalStatementsTests extends IntegrationTest {

    static final int BEFORE = 129;
    /**
     * 59 before issue #18's write-path work (the sealed report is no longer read again, nor its evidence twice): 53;
     * then 54 with the incremental daily evaluation (the reached tasks are marked for the next run, one UPDATE). The
     * cockpit's stale mark is now read first and written only when not set (no row lock while it is): the same count
     * here, where the campaign has no mark yet (read + insert instead of update + insert). Then 46: the task chain is
     * read once, locked (siblings approved together no longer lose each other's share of the parent:
     * {@code ConcurrentSiblingApprovalTests}), with its indicators and milestones in one read each; subtasks are read
     * for their progress only; an unchanged figure is not written again. Then 45: the chain's light states are read
     * again, locked, before they are written ({@code LightStore.reconciled}: a stale write had let the light counts drift
     * for good when a daily run and an approval met). Then 41: the sealed report's row is known from its save, not
     * read back; the re-light reads its chain with the parent's subtasks in one statement (the approved task was read
     * twice) and takes the tasks' dates and subtasks for their reporting facts from that read. Then 40: the chain is not marked for the next daily run when
     * the approval re-lights it itself. Then 41: the re-lit chain's reasons are dated with the day they were evaluated
     * for (one UPDATE), so an approval before the day's run shows today's words beside today's light. Then 39: the
     * cockpit's stale mark is one appended row (it was an update, and an insert for a campaign without a mark: here),
     * and the chain's last link and whether a later period is approved are one narrow read (they were the last
     * link's whole row and a count).
     */
    static final int BUDGET = 39;

    @Autowired ReportFixtures fixtures;
    @Autowired ReportService reports;
    @Autowired TaskService tasks;
    @Autowired LightEvaluation lights;
    @Autowired UserService users;

    @Test
    void approvingASubtasksReportStaysWithinItsStatementBudget() {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        TaskView subtask = tasks.decompose(s.task().id(), List.of(new SubtaskCommand("甲镇分解" + s.county().tag(),
                s.county().townshipA().id(), null, new BigDecimal("600"), null, LocalDate.of(2026, 12, 31))),
                DataScope.everything()).subtasks().get(0);
        clock.set(Instant.parse("2026-07-02T02:00:00Z"));
        lights.evaluateCampaign(s.campaign().id(), LocalDate.of(2026, 7, 2));
        CurrentUser liaison = users.asCurrentUser(s.liaison()).orElseThrow();
        CurrentUser office = users.asCurrentUser(s.office()).orElseThrow();
        DataScope township = DataScope.of(s.county().townshipA().id(), s.county().townshipA().path());
        DataScope county = DataScope.of(s.county().county().id(), s.county().county().path());
        ReportView draft = reports.start(subtask.id(), new ReportCommand("2026-06", List.of(new ReportView.IndicatorValue(
                subtask.indicators().get(0).id(), new BigDecimal("300"))), "六月新增300人", null, null, List.of()),
                liaison, township);
        reports.submit(draft.id(), null, liaison, township);

        StatementCounter.Counted<ReportView> approval = StatementCounter.count(
                () -> reports.approve(draft.id(), null, office, county));

        System.out.printf("approval: %d statements (before the one-pass approval: %d)%n", approval.count(), BEFORE);
        approval.statements().forEach(sql -> System.out.println("  " + sql.replaceAll("\\s+", " ")));
        assertThat(approval.result().status()).isEqualTo(ReportStatus.APPROVED);
        TaskView parent = tasks.task(s.task().id(), DataScope.everything());
        assertThat(tasks.task(subtask.id(), DataScope.everything()).indicators().get(0).actual()).isEqualByComparingTo("300");
        assertThat(parent.progress()).isEqualByComparingTo("50");
        assertThat(approval.count()).isLessThanOrEqualTo(BUDGET);
    }
}
