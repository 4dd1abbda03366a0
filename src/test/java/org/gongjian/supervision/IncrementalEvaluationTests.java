package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.SubtaskCommand;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.report.ReportBackfill;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The daily run looks only at tasks whose day has come or whose facts changed, and must still leave every task with
 * exactly the light and words a full evaluation would give. Half a year is run day by day while the facts change the
 * ways they do in use — reports approved, milestones done, actuals fed, tasks edited, subtasks added, thresholds
 * changed — and after every day the stored lights are compared with a full evaluation computed from scratch.
 */
class IncrementalEvaluationTests extends IntegrationTest {

    static final DataScope ALL = DataScope.everything();
    static final LocalDate FROM = LocalDate.of(2026, 2, 1);
    static final LocalDate TO = LocalDate.of(2026, 8, 31);

    @Autowired OrgFixtures fixtures;
    @Autowired CampaignService campaigns;
    @Autowired TaskService tasks;
    @Autowired LightEvaluation lights;
    @Autowired ReportBackfill backfill;
    @Autowired JdbcClient jdbc;

    County c;
    CampaignView campaign;
    final List<TaskView> leaves = new ArrayList<>();
    LightEvaluation target;
    Object fullEvery;
    Object wholeCampaignShare;

    @BeforeEach
    void aCampaignOfVariedTasks() {
        // no weekly full run here: it would hide an incremental run that went wrong
        target = AopTestUtils.getTargetObject(lights);
        fullEvery = ReflectionTestUtils.getField(target, "fullEvery");
        ReflectionTestUtils.setField(target, "fullEvery", 0);
        // nor the switch to a whole-campaign pass when many tasks are due: every day goes the incremental way
        wholeCampaignShare = ReflectionTestUtils.getField(target, "wholeCampaignShare");
        ReflectionTestUtils.setField(target, "wholeCampaignShare", 1.0);
        c = fixtures.county();
        campaign = campaigns.create(new CampaignCommand("增量评价" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, 10, null, null, null,
                null), ALL);
        Random random = new Random(7);
        long[] units = {c.townshipA().id(), c.townshipB().id(), c.department().id()};
        for (int n = 0; n < 12; n++) {
            LocalDate start = LocalDate.of(2026, 1 + n % 4, 1);
            List<TaskCommand.IndicatorInput> indicators = n % 3 == 2 ? List.of() : List.of(new TaskCommand.IndicatorInput(
                    null, "完成投资" + n, "万元", BigDecimal.ZERO, BigDecimal.valueOf(100 + random.nextInt(900)),
                    Direction.HIGHER_IS_BETTER, n % 2 == 0 ? List.of() : List.of(new TaskCommand.PointInput(
                    LocalDate.of(2026, 6, 30), BigDecimal.valueOf(50)))));
            List<TaskCommand.MilestoneInput> milestones = n % 4 == 3 ? List.of() : List.of(
                    new TaskCommand.MilestoneInput(null, "开工" + n, FROM.plusDays(60 + random.nextInt(150)), null),
                    new TaskCommand.MilestoneInput(null, "验收" + n, FROM.plusDays(150 + random.nextInt(150)), null));
            TaskView task = tasks.create(campaign.id(), new TaskCommand("增量任务" + n + c.tag(), null,
                    CampaignCommand.DEFAULT_CATEGORIES.get(n % 3), units[n % 3], null, null, null, start,
                    LocalDate.of(2026, 11, 30), indicators, milestones), ALL);
            leaves.add(task);
            if (n % 5 != 0 && !task.indicators().isEmpty()) {
                // most start ahead of plan: green until the plan catches up with them
                TaskView.IndicatorView i = task.indicators().get(0);
                tasks.recordActual(task.id(), i.id(), i.target().multiply(new BigDecimal("0.45")).setScale(0,
                        java.math.RoundingMode.HALF_UP));
            }
        }
    }

    @AfterEach
    void restore() {
        ReflectionTestUtils.setField(target, "fullEvery", fullEvery);
        ReflectionTestUtils.setField(target, "wholeCampaignShare", wholeCampaignShare);
    }

    @Test
    void halfAYearOfDailyRunsMatchesAFullEvaluationEveryDay() {
        Random random = new Random(42);
        int evaluated = 0;
        int days = 0;
        int changedSomething = 0;
        for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1), days++) {
            clock.set(day.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
            if (days > 0 && days % 9 == 0) {
                changeSomeFact(random, day);
                changedSomething++;
            }
            LightEvaluation.Summary summary = lights.evaluateDue(campaign.id(), day);
            evaluated += summary.evaluated();
            assertThat(stored()).as("lights after the run of %s", day).isEqualTo(expected(day));
        }
        int taskCount = tasks.taskIdsOf(campaign.id()).size();
        System.out.printf("incremental: %d task evaluations over %d days (%d fact changes); a full run daily: %d%n",
                evaluated, days, changedSomething, days * taskCount);
        // the point of it: far fewer evaluations than a full run every day (tasks behind plan or with an overdue
        // milestone are looked at daily: their reasons quote the day's figures)
        assertThat(evaluated).isLessThan(days * taskCount / 2);
    }

    @Test
    void changedThresholdsReEvaluateTheWholeCampaign() {
        // the 10th is the reporting deadline: the 11th counts another period for every task, the 12th is quiet
        lights.evaluateDue(campaign.id(), LocalDate.of(2026, 5, 11));
        LightEvaluation.Summary quiet = lights.evaluateDue(campaign.id(), LocalDate.of(2026, 5, 12));
        int all = tasks.taskIdsOf(campaign.id()).size();
        assertThat(quiet.evaluated()).isLessThan(all);

        jdbc.sql("UPDATE campaign SET yellow_behind_pct = 2, red_behind_pct = 5 WHERE id = :id")
                .param("id", campaign.id()).update();
        LightEvaluation.Summary after = lights.evaluateDue(campaign.id(), LocalDate.of(2026, 5, 13));

        assertThat(after.evaluated()).isEqualTo(all);
        assertThat(stored()).isEqualTo(expected(LocalDate.of(2026, 5, 13)));
    }

    @Test
    void aSubmittedReportMarksItsTaskForTheNextRun() {
        lights.evaluateDue(campaign.id(), LocalDate.of(2026, 5, 11));
        long quietTask = leaves.get(1).id();
        jdbc.sql("UPDATE task_light_state SET recheck_on = DATE '2026-12-01' WHERE task_id = :t")
                .param("t", quietTask).update();

        lights.factsChanged(List.of(quietTask));

        assertThat(jdbc.sql("SELECT recheck_on FROM task_light_state WHERE task_id = :t").param("t", quietTask)
                .query(LocalDate.class).optional()).isEmpty();
        LightEvaluation.Summary next = lights.evaluateDue(campaign.id(), LocalDate.of(2026, 5, 12));
        assertThat(next.evaluated()).isPositive();
        assertThat(jdbc.sql("SELECT recheck_on FROM task_light_state WHERE task_id = :t").param("t", quietTask)
                .query(LocalDate.class).single()).isAfter(LocalDate.of(2026, 5, 12));
    }

    /**
     * A figure moved outside an approval (the demo's or a feed's actual) is marked for the next run when its
     * transaction commits: only an approval's own re-light of the chain makes the mark needless (LightTriggers).
     */
    @Test
    void aRecordedActualMarksItsChainForTheNextRunAtCommit() {
        lights.evaluateDue(campaign.id(), LocalDate.of(2026, 5, 11));
        TaskView task = leaves.stream().map(t -> tasks.task(t.id(), ALL)).filter(t -> !t.indicators().isEmpty())
                .findFirst().orElseThrow();
        jdbc.sql("UPDATE task_light_state SET recheck_on = DATE '2026-12-01' WHERE task_id = :t")
                .param("t", task.id()).update();

        tasks.recordActual(task.id(), task.indicators().get(0).id(), task.indicators().get(0).target());

        assertThat(jdbc.sql("SELECT recheck_on FROM task_light_state WHERE task_id = :t").param("t", task.id())
                .query(LocalDate.class).optional()).isEmpty();
    }

    /** One of the ways facts change in use, through the services a user's action goes through. */
    void changeSomeFact(Random random, LocalDate day) {
        TaskView task = tasks.task(leaves.get(random.nextInt(leaves.size())).id(), ALL);
        switch (random.nextInt(6)) {
            case 0 -> {   // an approved monthly report for the last period (actual moves, reporting counts it)
                String period = day.minusMonths(1).toString().substring(0, 7);
                Instant at = clock.instant().minusSeconds(3600);
                if (jdbc.sql("SELECT COUNT(*) FROM progress_report WHERE task_id = :t AND period = :p")
                        .param("t", task.id()).param("p", period).query(Long.class).single() == 0) {
                    backfill.approved(new ReportBackfill.Historical(task.id(), period, task.indicators().stream()
                            .map(i -> new org.gongjian.report.ReportView.IndicatorValue(i.id(),
                                    i.target().multiply(BigDecimal.valueOf(random.nextInt(80))).movePointLeft(2)
                                    .setScale(2, java.math.RoundingMode.HALF_UP)))
                            .toList(), "按计划推进", "", "", c.liaisonAUser(), at, "office", at.plusSeconds(60)));
                }
            }
            case 1 -> task.milestones().stream().filter(m -> m.doneDate() == null).findFirst()
                    .ifPresent(m -> tasks.completeMilestone(task.id(), m.id(), day.minusDays(random.nextInt(3))));
            case 2 -> task.indicators().stream().findFirst().ifPresent(i -> tasks.recordActual(task.id(), i.id(),
                    i.target().multiply(BigDecimal.valueOf(random.nextInt(100))).movePointLeft(2)
                    .setScale(2, java.math.RoundingMode.HALF_UP)));
            case 3 -> tasks.update(task.id(), task.version(), new TaskCommand(task.title(), null, task.category(),
                    task.leadUnitId(), null, null, null, task.startDate(), task.dueDate().plusDays(random.nextInt(20)),
                    task.indicators().stream().map(i -> new TaskCommand.IndicatorInput(i.id(), i.name(), i.unit(),
                            i.baseline(), i.target(), i.direction(), i.trajectory().stream()
                            .map(p -> new TaskCommand.PointInput(p.date(), p.value())).toList())).toList(),
                    task.milestones().stream().map(m -> new TaskCommand.MilestoneInput(m.id(), m.title(), m.dueDate(),
                            m.doneDate())).toList()), ALL);
            case 4 -> {
                if (task.parentTaskId() == null && task.subtaskCount() == 0 && !task.indicators().isEmpty()) {
                    tasks.decompose(task.id(), List.of(new SubtaskCommand("分解" + task.id(), c.townshipA().id(), null,
                            task.indicators().get(0).target(), null, null)), ALL);
                }
            }
            default -> jdbc.sql("UPDATE campaign SET due_soon_days = :d WHERE id = :id")
                    .param("d", 3 + random.nextInt(10)).param("id", campaign.id()).update();
        }
    }

    record Shown(String light, List<String> reasons) {}

    Map<Long, Shown> stored() {
        Map<Long, Shown> shown = new java.util.TreeMap<>();
        for (TaskView t : tasks.tasksForEvaluation(campaign.id())) {
            shown.put(t.id(), new Shown(String.valueOf(t.light()), t.lightReasons()));
        }
        return shown;
    }

    Map<Long, Shown> expected(LocalDate day) {
        Map<Long, Shown> shown = new java.util.TreeMap<>();
        lights.verdictsOfCampaign(campaign.id(), day).forEach((id, v) -> shown.put(id,
                new Shown(String.valueOf(v.light()), v.reasons())));
        return shown;
    }
}
