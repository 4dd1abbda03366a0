package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gongjian.campaign.CampaignView.Thresholds;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskView.IndicatorView;
import org.gongjian.campaign.TaskView.MilestoneView;
import org.gongjian.campaign.TaskView.PointView;
import org.gongjian.supervision.ReportingFacts.PeriodFact;
import org.gongjian.supervision.ReportingFacts.Status;
import org.junit.jupiter.api.Test;

/**
 * The recheck date is never late: on every day before it, the rules give exactly the same light and words. Checked
 * over thousands of generated tasks (milestones before, around and after today, done early, late or in the future;
 * indicators either direction with and without actuals and trajectories; several thresholds), plus the dates a
 * reader can check by hand, so the date is not simply "tomorrow" for everyone.
 */
class LightRecheckTests {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate DUE = LocalDate.of(2026, 12, 31);
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Thresholds DEFAULTS = Thresholds.defaults();

    static LocalDate recheck(TaskFacts task, ReportingFacts reporting, Thresholds thresholds, LocalDate asOf,
                             LocalDate reportingChange) {
        LightVerdict own = LightRules.evaluate(task, reporting, thresholds, asOf);
        return LightRecheck.next(task, own, thresholds, asOf, reportingChange);
    }

    @Test
    void noDayBeforeTheRecheckReadsDifferently() {
        Random random = new Random(20261204);
        int checked = 0;
        int deferred = 0;
        for (int n = 0; n < 3_000; n++) {
            Thresholds thresholds = new Thresholds(5 + random.nextInt(15), 20 + random.nextInt(20), random.nextInt(10));
            TaskFacts task = randomTask(random);
            ReportingFacts reporting = random.nextInt(4) == 0
                    ? new ReportingFacts(List.of(new PeriodFact("2026-05", LocalDate.of(2026, 6, 5), Status.MISSING)),
                    random.nextBoolean())
                    : new ReportingFacts(List.of(), random.nextBoolean());
            LocalDate asOf = START.plusDays(random.nextInt(420));
            LightVerdict own = LightRules.evaluate(task, reporting, thresholds, asOf);
            // as the adapter does: a period counts from the day after its deadline (5 June)
            LocalDate reportingChange = asOf.isBefore(LocalDate.of(2026, 6, 6)) ? LocalDate.of(2026, 6, 6) : null;
            LocalDate next = LightRecheck.next(task, own, thresholds, asOf, reportingChange);
            LocalDate until = next == null ? asOf.plusDays(500) : next;
            assertThat(until).as("task %s on %s", task, asOf).isAfter(asOf);
            for (LocalDate d = asOf.plusDays(1); d.isBefore(until); d = d.plusDays(1)) {
                LightVerdict then = LightRules.evaluate(task, reporting, thresholds, d);
                // the same light and stored lines, and the lines read on d in d's words: what an evaluation on d writes
                assertThat(new LightVerdict(then.light(), words(then.lines(), d), then.lines()))
                        .as("task %s: evaluated %s, recheck %s, but %s reads differently", task, asOf, next, d)
                        .isEqualTo(new LightVerdict(own.light(), then.reasons(), own.lines()));
                checked++;
            }
            if (next == null || next.isAfter(asOf.plusDays(1))) {
                deferred++;
            }
        }
        // the property is only worth something if many tasks are not simply looked at again tomorrow
        assertThat(deferred).isGreaterThan(1_000);
        assertThat(checked).isGreaterThan(50_000);
    }

    private static List<String> words(List<String> lines, LocalDate day) {
        LightReasonLines reader = new LightReasonLines();
        return lines.stream().map(line -> reader.on(line, day)).toList();
    }

    @Test
    void aDoneTaskIsNeverDueByDateAlone() {
        TaskFacts task = new TaskFacts(START, DUE, List.of(indicator("0", "100", "100", Direction.HIGHER_IS_BETTER)),
                List.of(new MilestoneView(1, "开工", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 20))));
        ReportingFacts approved = new ReportingFacts(List.of(), true);

        assertThat(LightRules.evaluate(task, approved, DEFAULTS, TODAY).light()).isEqualTo(Light.DONE);
        assertThat(recheck(task, approved, DEFAULTS, TODAY, LocalDate.of(2026, 7, 6))).isNull();
    }

    @Test
    void aQuietTaskWaitsForTheNextDeadlineOrTheMilestoneWindow() {
        TaskFacts plain = new TaskFacts(START, DUE, List.of(), List.of());
        assertThat(recheck(plain, ReportingFacts.none(), DEFAULTS, TODAY, LocalDate.of(2026, 7, 6)))
                .isEqualTo(LocalDate.of(2026, 7, 6));

        TaskFacts milestone = new TaskFacts(START, DUE, List.of(),
                List.of(new MilestoneView(1, "竣工验收", LocalDate.of(2026, 6, 30), null)));
        // due 30 June, seven days' warning: yellow from 23 June, so the task is looked at again then
        assertThat(recheck(milestone, ReportingFacts.none(), DEFAULTS, TODAY, LocalDate.of(2026, 7, 6)))
                .isEqualTo(LocalDate.of(2026, 6, 23));
        // inside the window it is yellow until the day after its due date, then red for good: the days its reason
        // counts are put into words when read, not written daily
        assertThat(recheck(milestone, ReportingFacts.none(), DEFAULTS, LocalDate.of(2026, 6, 25), null))
                .isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(recheck(milestone, ReportingFacts.none(), DEFAULTS, LocalDate.of(2026, 8, 1), null)).isNull();
        // done on a date still ahead (entered in advance): that day it stops counting
        TaskFacts doneAhead = new TaskFacts(START, DUE, List.of(),
                List.of(new MilestoneView(1, "竣工验收", LocalDate.of(2026, 9, 30), LocalDate.of(2026, 7, 1))));
        assertThat(recheck(doneAhead, ReportingFacts.none(), DEFAULTS, TODAY, null)).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void anIndicatorOnPlanWaitsUntilItCouldFallTenPercentBehind() {
        // 0 → 365 over the year, one a day; actual 200 on 15 June (plan 165): 10 % behind = 36.5 short of plan,
        // planned ≥ 236.5 from day 237 of the plan (26 August)
        TaskFacts task = new TaskFacts(START, LocalDate.of(2027, 1, 1),
                List.of(indicator("0", "365", "200", Direction.HIGHER_IS_BETTER)), List.of());
        LocalDate next = recheck(task, ReportingFacts.none(), DEFAULTS, TODAY, null);
        assertThat(next).isEqualTo(LocalDate.of(2026, 8, 26));
        assertThat(LightRules.evaluate(task, ReportingFacts.none(), DEFAULTS, next.minusDays(1)).light())
                .isEqualTo(Light.GREEN);
        assertThat(LightRules.evaluate(task, ReportingFacts.none(), DEFAULTS, next).light()).isEqualTo(Light.YELLOW);
        // once behind, its reason quotes the day's plan when read; looked at again when it could pass 20 % behind:
        // on 1 October it is exactly 20 % behind (planned 273, short by 73 of 365; still yellow, but a threshold the
        // walk's doubles cannot tell), so that day, and again the next, red
        LocalDate edge = recheck(task, ReportingFacts.none(), DEFAULTS, next, null);
        assertThat(edge).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(LightRules.evaluate(task, ReportingFacts.none(), DEFAULTS, edge).light()).isEqualTo(Light.YELLOW);
        LocalDate red = recheck(task, ReportingFacts.none(), DEFAULTS, edge, null);
        assertThat(red).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(LightRules.evaluate(task, ReportingFacts.none(), DEFAULTS, red).light()).isEqualTo(Light.RED);
        assertThat(recheck(task, ReportingFacts.none(), DEFAULTS, red, null)).isNull();
        assertThat(recheck(task, ReportingFacts.none(), DEFAULTS, LocalDate.of(2027, 1, 1), null)).isNull();
    }

    static IndicatorView indicator(String baseline, String target, String actual, Direction direction,
                                   PointView... points) {
        return new IndicatorView(1, "新增城镇就业人数", "人", new BigDecimal(baseline), new BigDecimal(target),
                actual == null ? null : new BigDecimal(actual), direction, BigDecimal.ZERO, List.of(points));
    }

    static TaskFacts randomTask(Random random) {
        LocalDate start = START.plusDays(random.nextInt(120));
        LocalDate due = start.plusDays(30 + random.nextInt(400));
        List<MilestoneView> milestones = new ArrayList<>();
        for (int m = random.nextInt(3); m > 0; m--) {
            LocalDate mDue = start.plusDays(random.nextInt(420));
            LocalDate done = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> mDue.minusDays(random.nextInt(20));
                default -> mDue.plusDays(random.nextInt(60));
            };
            milestones.add(new MilestoneView(m, "节点" + m, mDue, done));
        }
        List<IndicatorView> indicators = new ArrayList<>();
        for (int k = random.nextInt(3); k > 0; k--) {
            int baseline = random.nextInt(100);
            int target = random.nextInt(5) == 0 ? baseline : random.nextInt(1000);
            Direction direction = target >= baseline ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
            String actual = random.nextBoolean() ? null
                    : String.valueOf(Math.min(baseline, target) + random.nextInt(Math.abs(target - baseline) + 1));
            List<PointView> points = new ArrayList<>();
            for (int p = random.nextInt(3); p > 0; p--) {
                points.add(new PointView(start.plusDays(random.nextInt(400)),
                        BigDecimal.valueOf(Math.min(baseline, target) + random.nextInt(Math.abs(target - baseline) + 1))));
            }
            indicators.add(new IndicatorView(k, "指标" + k, "个", BigDecimal.valueOf(baseline), BigDecimal.valueOf(target),
                    actual == null ? null : new BigDecimal(actual), direction, BigDecimal.ZERO, points));
        }
        return new TaskFacts(start, due, indicators, milestones);
    }
}
