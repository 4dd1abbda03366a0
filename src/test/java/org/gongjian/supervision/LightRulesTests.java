package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.CampaignView.Thresholds;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskView.IndicatorView;
import org.gongjian.campaign.TaskView.MilestoneView;
import org.gongjian.campaign.TaskView.PointView;
import org.gongjian.supervision.ReportingFacts.PeriodFact;
import org.gongjian.supervision.ReportingFacts.Status;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every light rule at its boundary days and percentages (DESIGN.md “Status lights”, thresholds 10 / 20 %, 7 days). */
class LightRulesTests {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate DUE = LocalDate.of(2026, 12, 31);
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Thresholds DEFAULTS = Thresholds.defaults();

    static TaskFacts task(List<IndicatorView> indicators, List<MilestoneView> milestones) {
        return new TaskFacts(START, DUE, indicators, milestones);
    }

    static MilestoneView milestone(String title, LocalDate due, LocalDate done) {
        return new MilestoneView(1, title, due, done);
    }

    static IndicatorView indicator(String baseline, String target, String actual, Direction direction,
                                   PointView... points) {
        return new IndicatorView(1, "新增城镇就业人数", "人", new BigDecimal(baseline), new BigDecimal(target),
                actual == null ? null : new BigDecimal(actual), direction, BigDecimal.ZERO, List.of(points));
    }

    /** A plan that says exactly {@code planned} today, so “behind” is exact. */
    static IndicatorView onPlan(String baseline, String target, String planned, String actual, Direction direction) {
        return indicator(baseline, target, actual, direction, new PointView(TODAY, new BigDecimal(planned)));
    }

    static LightVerdict evaluate(TaskFacts task) {
        return LightRules.evaluate(task, ReportingFacts.none(), DEFAULTS, TODAY);
    }

    static LightVerdict evaluate(TaskFacts task, ReportingFacts reporting) {
        return LightRules.evaluate(task, reporting, DEFAULTS, TODAY);
    }

    @Nested
    class Milestones {

        @Test
        void dueTodayAndNotDoneIsYellow() {
            LightVerdict v = evaluate(task(List.of(), List.of(milestone("开工建设", TODAY, null))));
            assertThat(v.light()).isEqualTo(Light.YELLOW);
            assertThat(v.reasons()).containsExactly("节点“开工建设”今天到期");
        }

        @Test
        void dueYesterdayAndNotDoneIsRedOneDayOverdue() {
            LightVerdict v = evaluate(task(List.of(), List.of(milestone("完成项目签约", TODAY.minusDays(1), null))));
            assertThat(v.light()).isEqualTo(Light.RED);
            assertThat(v.reasons()).containsExactly("节点“完成项目签约”已逾期1天");
        }

        @Test
        void overdueCountsTheDays() {
            LightVerdict v = evaluate(task(List.of(), List.of(milestone("完成项目签约", TODAY.minusDays(12), null))));
            assertThat(v.reasons()).containsExactly("节点“完成项目签约”已逾期12天");
        }

        @Test
        void dueInSevenDaysIsYellowInEightIsGreen() {
            assertThat(evaluate(task(List.of(), List.of(milestone("开工建设", TODAY.plusDays(7), null)))).reasons())
                    .containsExactly("节点“开工建设”将于7天后到期");
            assertThat(evaluate(task(List.of(), List.of(milestone("开工建设", TODAY.plusDays(3), null)))).reasons())
                    .containsExactly("节点“开工建设”将于3天后到期");
            LightVerdict eight = evaluate(task(List.of(), List.of(milestone("开工建设", TODAY.plusDays(8), null))));
            assertThat(eight.light()).isEqualTo(Light.GREEN);
            assertThat(eight.reasons()).containsExactly("各项节点和指标均按计划推进");
        }

        @Test
        void doneMilestonesNeverLight() {
            assertThat(evaluate(task(List.of(), List.of(milestone("开工建设", TODAY.minusDays(30), TODAY.minusDays(31)))))
                    .light()).isEqualTo(Light.GREEN);
        }

        @Test
        void campaignThresholdMovesTheDueSoonWindow() {
            LightVerdict v = LightRules.evaluate(task(List.of(), List.of(milestone("开工建设", TODAY.plusDays(8), null))),
                    ReportingFacts.none(), new Thresholds(10, 20, 10), TODAY);
            assertThat(v.light()).isEqualTo(Light.YELLOW);
        }
    }

    @Nested
    class Indicators {

        @Test
        void behindJustUnderTenPercentIsGreen() {
            // span 1000, planned 500, actual 400.1: 9.99 % behind
            assertThat(evaluate(task(List.of(onPlan("0", "1000", "500", "400.1", Direction.HIGHER_IS_BETTER)), List.of()))
                    .light()).isEqualTo(Light.GREEN);
        }

        @Test
        void behindExactlyTenPercentIsYellow() {
            LightVerdict v = evaluate(task(List.of(onPlan("0", "1000", "500", "400", Direction.HIGHER_IS_BETTER)), List.of()));
            assertThat(v.light()).isEqualTo(Light.YELLOW);
            assertThat(v.reasons()).containsExactly("指标“新增城镇就业人数”实际400人，计划500人（基期0人，目标1000人）；已完成目标进度的40%，计划应完成50%，落后10个百分点");
        }

        @Test
        void behindExactlyTwentyPercentIsStillYellow() {
            assertThat(evaluate(task(List.of(onPlan("0", "1000", "500", "300", Direction.HIGHER_IS_BETTER)), List.of()))
                    .light()).isEqualTo(Light.YELLOW);
        }

        @Test
        void behindTwentyPointZeroOnePercentIsRed() {
            LightVerdict v = evaluate(task(List.of(onPlan("0", "10000", "5000", "2999", Direction.HIGHER_IS_BETTER)), List.of()));
            assertThat(v.light()).isEqualTo(Light.RED);
            assertThat(v.reasons()).containsExactly("指标“新增城镇就业人数”实际2999人，计划5000人（基期0人，目标10000人）；已完成目标进度的29.99%，计划应完成50%，落后20.01个百分点");
        }

        @Test
        void spanIsMeasuredFromTheBaseline() {
            // baseline 200, target 1500: span 1300; planned 1200, actual 900: 300 / 1300 = 23.08 % behind (red over 20);
            // shown as the two shares of the span, 76.92 % planned and 53.85 % reached, and their difference
            LightVerdict v = evaluate(task(List.of(onPlan("200", "1500", "1200", "900", Direction.HIGHER_IS_BETTER)), List.of()));
            assertThat(v.light()).isEqualTo(Light.RED);
            assertThat(v.reasons()).containsExactly("指标“新增城镇就业人数”实际900人，计划1200人（基期200人，目标1500人）；已完成目标进度的53.85%，计划应完成76.92%，落后23.07个百分点");
        }

        @Test
        void lowerIsBetterIsBehindWhenAbovePlan() {
            // PM2.5 from 100 down to 50: planned 80 today; 85 is 10 % behind, 75 is ahead, 91 is 22 % behind
            assertThat(evaluate(task(List.of(onPlan("100", "50", "80", "85", Direction.LOWER_IS_BETTER)), List.of()))
                    .light()).isEqualTo(Light.YELLOW);
            assertThat(evaluate(task(List.of(onPlan("100", "50", "80", "75", Direction.LOWER_IS_BETTER)), List.of()))
                    .light()).isEqualTo(Light.GREEN);
            assertThat(evaluate(task(List.of(onPlan("100", "50", "80", "91", Direction.LOWER_IS_BETTER)), List.of()))
                    .light()).isEqualTo(Light.RED);
            // the shares count the way down: 9 of 50 reached (18 %), 20 of 50 planned (40 %)
            assertThat(evaluate(task(List.of(onPlan("100", "50", "80", "91", Direction.LOWER_IS_BETTER)), List.of()))
                    .reasons()).containsExactly("指标“新增城镇就业人数”实际91人，计划80人（基期100人，目标50人）；"
                            + "已完成目标进度的18%，计划应完成40%，落后22个百分点");
        }

        @Test
        void theReasonsArithmeticReadsRight() {
            // the case: a rate from 90 % to 100 %, 99.26 % planned and 94.5 % reached is 47.6 points of the
            // way behind (red), not "47.58 % behind 99.26 %"
            LightVerdict v = evaluate(task(List.of(onPlan("90", "100", "99.26", "94.5", Direction.HIGHER_IS_BETTER)), List.of()));
            assertThat(v.light()).isEqualTo(Light.RED);
            String reason = v.reasons().get(0);
            assertThat(reason).contains("实际94.5人，计划99.26人").contains("已完成目标进度的45%，计划应完成92.6%，落后47.6个百分点");
        }

        @Test
        void withoutAnActualTheBaselineCounts() {
            LightVerdict v = evaluate(task(List.of(onPlan("0", "1000", "300", null, Direction.HIGHER_IS_BETTER)), List.of()));
            assertThat(v.light()).isEqualTo(Light.RED);
            assertThat(v.reasons()).containsExactly("指标“新增城镇就业人数”尚未报送实际值（按基期0人计），计划300人（目标1000人）；计划应完成目标进度的30%，落后30个百分点");
        }

        @Test
        void withoutPointsThePlanRunsStraightFromBaselineAtStartToTargetAtDue() {
            IndicatorView i = indicator("0", "365", null, Direction.HIGHER_IS_BETTER);
            LocalDate due = START.plusDays(365);
            assertThat(LightRules.planned(i, START, due, START.minusDays(5))).isEqualByComparingTo("0");
            assertThat(LightRules.planned(i, START, due, START.plusDays(100))).isEqualByComparingTo("100");
            assertThat(LightRules.planned(i, START, due, due.plusDays(5))).isEqualByComparingTo("365");
        }

        @Test
        void trajectoryPointsAreInterpolatedAndBaselineLeadsToTheFirst() {
            IndicatorView i = indicator("0", "1000", null, Direction.HIGHER_IS_BETTER,
                    new PointView(START.plusDays(10), new BigDecimal("100")),
                    new PointView(START.plusDays(20), new BigDecimal("600")));
            LocalDate due = START.plusDays(30);
            assertThat(LightRules.planned(i, START, due, START.plusDays(5))).isEqualByComparingTo("50");
            assertThat(LightRules.planned(i, START, due, START.plusDays(10))).isEqualByComparingTo("100");
            assertThat(LightRules.planned(i, START, due, START.plusDays(15))).isEqualByComparingTo("350");
            // after the last point: on to the target at the due date
            assertThat(LightRules.planned(i, START, due, START.plusDays(25))).isEqualByComparingTo("800");
        }

        @Test
        void aTrajectoryThatStartsSlowKeepsAnEarlyTaskGreen() {
            // straight line would plan 454 by mid-June; the task's own plan says 100
            IndicatorView slow = indicator("0", "1000", "100", Direction.HIGHER_IS_BETTER,
                    new PointView(TODAY, new BigDecimal("100")));
            assertThat(evaluate(task(List.of(slow), List.of())).light()).isEqualTo(Light.GREEN);
            IndicatorView straight = indicator("0", "1000", "100", Direction.HIGHER_IS_BETTER);
            assertThat(evaluate(task(List.of(straight), List.of())).light()).isEqualTo(Light.RED);
        }
    }

    @Nested
    class Reporting {

        static PeriodFact week(int n, Status status) {
            // ISO week n of 2026 is due on its Friday
            return new PeriodFact("2026-W" + n, LocalDate.of(2026, 1, 2).plusWeeks(n - 1), status);
        }

        @Test
        void twoMissedPeriodsAreRed() {
            LocalDate asOf = LocalDate.of(2026, 10, 12);
            LightVerdict v = LightRules.evaluate(task(List.of(), List.of()), new ReportingFacts(
                    List.of(week(41, Status.MISSING), week(40, Status.MISSING)), false), DEFAULTS, asOf);
            assertThat(v.light()).isEqualTo(Light.RED);
            assertThat(v.reasons()).containsExactly("最近两期（2026-W40、2026-W41）均未报送");
        }

        @Test
        void lastPeriodLateOrMissingIsYellow() {
            LightVerdict late = evaluate(task(List.of(), List.of()), new ReportingFacts(List.of(
                    new PeriodFact("2026-05", LocalDate.of(2026, 6, 5), Status.LATE),
                    new PeriodFact("2026-04", LocalDate.of(2026, 5, 5), Status.ON_TIME)), false));
            assertThat(late.light()).isEqualTo(Light.YELLOW);
            assertThat(late.reasons()).containsExactly("上期（2026-05）报送迟报");
            LightVerdict missing = evaluate(task(List.of(), List.of()), new ReportingFacts(List.of(
                    new PeriodFact("2026-05", LocalDate.of(2026, 6, 5), Status.MISSING),
                    new PeriodFact("2026-04", LocalDate.of(2026, 5, 5), Status.ON_TIME)), false));
            assertThat(missing.reasons()).containsExactly("上期（2026-05）未报送");
        }

        @Test
        void aPeriodWhoseDeadlineIsTodayDoesNotCountYet() {
            LightVerdict v = evaluate(task(List.of(), List.of()), new ReportingFacts(List.of(
                    new PeriodFact("2026-05", TODAY, Status.MISSING),
                    new PeriodFact("2026-04", LocalDate.of(2026, 5, 5), Status.ON_TIME)), false));
            assertThat(v.light()).isEqualTo(Light.GREEN);
        }

        @Test
        void periodsBeforeTheTaskStartedDoNotCount() {
            TaskFacts late = new TaskFacts(LocalDate.of(2026, 5, 20), DUE, List.of(), List.of());
            LightVerdict v = LightRules.evaluate(late, new ReportingFacts(List.of(
                    new PeriodFact("2026-05", LocalDate.of(2026, 6, 5), Status.MISSING),
                    new PeriodFact("2026-04", LocalDate.of(2026, 5, 5), Status.MISSING)), false), DEFAULTS, TODAY);
            assertThat(v.light()).isEqualTo(Light.YELLOW);
            assertThat(v.reasons()).containsExactly("上期（2026-05）未报送");
        }
    }

    @Nested
    class Done {

        ReportingFacts approved = new ReportingFacts(List.of(), true);

        @Test
        void allMilestonesDoneIndicatorsAtTargetAndLastReportApprovedIsDone() {
            LightVerdict v = evaluate(task(List.of(indicator("0", "1000", "1000", Direction.HIGHER_IS_BETTER)),
                    List.of(milestone("开工建设", TODAY.minusDays(10), TODAY.minusDays(12)))), approved);
            assertThat(v.light()).isEqualTo(Light.DONE);
            assertThat(v.reasons()).containsExactly("节点全部完成（1个），指标均已达标（1项），最近一期报送已审核通过");
        }

        @Test
        void notDoneWithoutAnApprovedReport() {
            assertThat(evaluate(task(List.of(indicator("0", "1000", "1000", Direction.HIGHER_IS_BETTER)), List.of()),
                    ReportingFacts.none()).light()).isEqualTo(Light.GREEN);
        }

        @Test
        void notDoneBelowTargetOrWithAnOpenMilestone() {
            assertThat(evaluate(task(List.of(indicator("0", "1000", "999", Direction.HIGHER_IS_BETTER)), List.of()),
                    approved).light()).isNotEqualTo(Light.DONE);
            assertThat(evaluate(task(List.of(), List.of(milestone("验收", TODAY.plusDays(30), null))), approved).light())
                    .isEqualTo(Light.GREEN);
        }

        @Test
        void lowerIsBetterIsAtTargetWhenAtOrBelowIt() {
            assertThat(evaluate(task(List.of(indicator("100", "50", "50", Direction.LOWER_IS_BETTER)), List.of()),
                    approved).light()).isEqualTo(Light.DONE);
            assertThat(evaluate(task(List.of(indicator("100", "50", "51", Direction.LOWER_IS_BETTER)), List.of()),
                    approved).light()).isNotEqualTo(Light.DONE);
        }
    }

    @Test
    void everyReasonIsCollectedAndTheWorstLightWins() {
        LightVerdict v = evaluate(task(List.of(onPlan("0", "1000", "500", "400", Direction.HIGHER_IS_BETTER)),
                List.of(milestone("开工建设", TODAY.plusDays(3), null), milestone("完成项目签约", TODAY.minusDays(12), null))));
        assertThat(v.light()).isEqualTo(Light.RED);
        assertThat(v.reasons()).containsExactly("节点“完成项目签约”已逾期12天", "节点“开工建设”将于3天后到期",
                "指标“新增城镇就业人数”实际400人，计划500人（基期0人，目标1000人）；已完成目标进度的40%，计划应完成50%，落后10个百分点");
    }

    @Nested
    class RollUp {

        LightVerdict green = new LightVerdict(Light.GREEN, List.of("各项节点和指标均按计划推进"));
        LightVerdict done = new LightVerdict(Light.DONE, List.of("已完成"));

        @Test
        void aRedChildMakesTheParentRedAndIsNamed() {
            LightVerdict v = LightRules.rollUp(green, List.of(new LightRules.ChildLight("城关镇", Light.RED),
                    new LightRules.ChildLight("河口镇", Light.YELLOW), new LightRules.ChildLight("新集镇", Light.GREEN)));
            assertThat(v.light()).isEqualTo(Light.RED);
            assertThat(v.reasons()).containsExactly("子任务“城关镇”红灯", "子任务“河口镇”黄灯");
        }

        @Test
        void ownRedReasonsComeFirst() {
            LightVerdict own = new LightVerdict(Light.RED, List.of("节点“开工建设”已逾期2天"));
            assertThat(LightRules.rollUp(own, List.of(new LightRules.ChildLight("城关镇", Light.YELLOW))).reasons())
                    .containsExactly("节点“开工建设”已逾期2天", "子任务“城关镇”黄灯");
        }

        @Test
        void doneOnlyWhenItAndAllChildrenAreDone() {
            assertThat(LightRules.rollUp(done, List.of(new LightRules.ChildLight("城关镇", Light.DONE),
                    new LightRules.ChildLight("河口镇", Light.DONE))).light()).isEqualTo(Light.DONE);
            LightVerdict open = LightRules.rollUp(done, List.of(new LightRules.ChildLight("城关镇", Light.DONE),
                    new LightRules.ChildLight("河口镇", Light.GREEN)));
            assertThat(open.light()).isEqualTo(Light.GREEN);
            assertThat(open.reasons()).containsExactly("本任务自身已完成，子任务“河口镇”尚未完成");
            assertThat(LightRules.rollUp(green, List.of(new LightRules.ChildLight("城关镇", Light.DONE))).light())
                    .isEqualTo(Light.GREEN);
            assertThat(LightRules.rollUp(done, List.of(new LightRules.ChildLight("城关镇", null))).light())
                    .isEqualTo(Light.GREEN);
        }
    }
}
