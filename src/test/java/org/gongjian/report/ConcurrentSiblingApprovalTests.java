package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gongjian.campaign.Light;
import org.gongjian.campaign.Progress;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.SubtaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.UserService;
import org.gongjian.shared.DataScope;
import org.gongjian.supervision.LightEvaluation;
import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The office approves the reports of one parent's subtasks at the same moment (issue #18: "no lost update under
 * sibling contention"). Each approval moves its subtask and rolls the split amount and the progress up to the same
 * parent; a roll-up computed from what a sibling had not yet committed would lose that sibling's share for good.
 * The subtasks are lit (red: nothing reported against a plan half-way), so each approval also re-lights its subtask
 * and the parent: their lights and the light counts must come out as an evaluation from scratch gives them.
 */
class ConcurrentSiblingApprovalTests extends IntegrationTest {

    static final int SIBLINGS = 8;

    @Autowired ReportFixtures fixtures;
    @Autowired ReportService reports;
    @Autowired TaskService tasks;
    @Autowired UserService users;
    @Autowired LightEvaluation lights;
    @Autowired JdbcClient jdbc;

    @Test
    void siblingsApprovedTogetherAllReachTheParent() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        List<SubtaskCommand> split = new ArrayList<>();
        for (int i = 0; i < SIBLINGS; i++) {
            split.add(new SubtaskCommand("甲镇分解" + i + s.county().tag(), s.county().townshipA().id(), null,
                    new BigDecimal("100"), null, LocalDate.of(2026, 12, 31)));
        }
        List<TaskView> subtasks = tasks.decompose(s.task().id(), split, DataScope.everything()).subtasks();
        clock.set(Instant.parse("2026-07-02T02:00:00Z"));   // June's reports go up before their deadline (5 July)
        CurrentUser liaison = users.asCurrentUser(s.liaison()).orElseThrow();
        CurrentUser office = users.asCurrentUser(s.office()).orElseThrow();
        DataScope township = DataScope.of(s.county().townshipA().id(), s.county().townshipA().path());
        DataScope county = DataScope.of(s.county().county().id(), s.county().county().path());
        List<Long> drafts = new ArrayList<>();
        BigDecimal moved = BigDecimal.ZERO;
        for (int i = 0; i < subtasks.size(); i++) {
            BigDecimal value = BigDecimal.valueOf(55L + i);   // on plan (half of 100 by July): green once approved
            moved = moved.add(value);
            TaskView subtask = subtasks.get(i);
            ReportView draft = reports.start(subtask.id(), new ReportCommand("2026-06", List.of(
                    new ReportView.IndicatorValue(subtask.indicators().get(0).id(), value)), "六月进展", null, null,
                    List.of()), liaison, township);
            reports.submit(draft.id(), null, liaison, township);
            drafts.add(draft.id());
        }

        LocalDate day = LocalDate.of(2026, 7, 6);
        clock.set(Instant.parse("2026-07-06T02:00:00Z"));   // June counted: its reports are in, May's missing
        lights.evaluateCampaign(s.campaign().id(), day);
        assertThat(subtasks).allSatisfy(t -> assertThat(tasks.task(t.id(), DataScope.everything()).light())
                .as("behind plan before the approvals").isEqualTo(Light.RED));

        CyclicBarrier together = new CyclicBarrier(SIBLINGS);
        ExecutorService pool = Executors.newFixedThreadPool(SIBLINGS);
        try {
            List<Future<ReportView>> approvals = new ArrayList<>();
            for (long id : drafts) {
                approvals.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return reports.approve(id, null, office, county);
                }));
            }
            for (Future<ReportView> approval : approvals) {
                assertThat(approval.get(60, TimeUnit.SECONDS).status()).isEqualTo(ReportStatus.APPROVED);
            }
        } finally {
            pool.shutdownNow();
        }

        TaskView parent = tasks.task(s.task().id(), DataScope.everything());
        List<TaskView> children = subtasks.stream().map(t -> tasks.task(t.id(), DataScope.everything())).toList();
        assertThat(parent.indicators().get(0).actual()).as("the split amount rolled up from every sibling")
                .isEqualByComparingTo(moved);
        assertThat(parent.progress()).as("the parent's progress over every sibling's new progress")
                .isEqualByComparingTo(Progress.ofParent(children.stream()
                        .map(c -> new Progress.ChildInput(c.title(), c.weight(), c.progress())).toList()).percent());
        assertThat(children).allSatisfy(c -> assertThat(c.progress()).isPositive());
        assertThat(children).allSatisfy(c -> assertThat(c.light()).as(c.title()).isEqualTo(Light.GREEN));
        assertThat(maintainedCounts(s.campaign().id())).as("light counts kept by the concurrent re-lights")
                .isEqualTo(recount(s.campaign().id()));
        Light parentLight = parent.light();
        assertThat(lights.evaluateCampaign(s.campaign().id(), day).changed())
                .as("an evaluation from scratch on the same day changes no light the approvals left").isZero();
        assertThat(tasks.task(s.task().id(), DataScope.everything()).light()).isEqualTo(parentLight);
    }

    private Map<String, Long> maintainedCounts(long campaign) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT unit_id, category, top_level, light, task_count FROM light_count WHERE campaign_id = :c"
                        + " AND task_count <> 0").param("c", campaign)
                .query(rs -> {
                    counts.put(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3) + "|" + rs.getString(4),
                            rs.getLong(5));
                });
        return counts;
    }

    /** The light counts recounted from the tasks themselves. */
    private Map<String, Long> recount(long campaign) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("""
                SELECT lead_unit_id, category, CASE WHEN parent_task_id IS NULL THEN TRUE ELSE FALSE END, light, COUNT(*)
                FROM task WHERE campaign_id = :c AND light IS NOT NULL
                GROUP BY lead_unit_id, category, CASE WHEN parent_task_id IS NULL THEN TRUE ELSE FALSE END, light""")
                .param("c", campaign)
                .query(rs -> {
                    counts.put(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3) + "|" + rs.getString(4),
                            rs.getLong(5));
                });
        return counts;
    }
}
