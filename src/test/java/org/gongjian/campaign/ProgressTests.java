package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.gongjian.campaign.Progress.ChildInput;
import org.gongjian.campaign.Progress.IndicatorInput;
import org.gongjian.campaign.Progress.Result;
import org.junit.jupiter.api.Test;

/** Progress %: indicators from baseline towards target, milestones done over total, parents weight-averaged. */
class ProgressTests {

    @Test
    void higherIsBetterIndicatorCountsTheShareOfTheSpanCovered() {
        assertThat(Progress.ofIndicator(jobs(400))).isEqualByComparingTo("40");
        assertThat(Progress.ofIndicator(new IndicatorInput("覆盖率", dec(60), dec(90), dec(70), Direction.HIGHER_IS_BETTER)))
                .isEqualByComparingTo("33.33");
    }

    @Test
    void lowerIsBetterIndicatorCountsTheReductionAchieved() {
        assertThat(Progress.ofIndicator(pm25(40))).isEqualByComparingTo("50");
        assertThat(Progress.ofIndicator(pm25(30))).isEqualByComparingTo("100");
    }

    @Test
    void actualBeyondTargetStopsAtHundredEitherDirection() {
        assertThat(Progress.ofIndicator(jobs(1500))).isEqualByComparingTo("100");
        assertThat(Progress.ofIndicator(pm25(20))).isEqualByComparingTo("100");
    }

    @Test
    void actualWorseThanBaselineStopsAtZeroEitherDirection() {
        assertThat(Progress.ofIndicator(new IndicatorInput("新增就业", dec(100), dec(1000), dec(50), Direction.HIGHER_IS_BETTER)))
                .isEqualByComparingTo("0");
        assertThat(Progress.ofIndicator(pm25(60))).isEqualByComparingTo("0");
    }

    @Test
    void unreportedActualCountsAsZeroAndSaysSo() {
        IndicatorInput unreported = new IndicatorInput("新增城镇就业人数", new BigDecimal("0.0000"), new BigDecimal("1000.0000"),
                null, Direction.HIGHER_IS_BETTER);
        assertThat(Progress.ofIndicator(unreported)).isEqualByComparingTo("0");
        assertThat(Progress.ofTask(List.of(unreported), 0, 0).explanation())
                .containsExactly("指标“新增城镇就业人数”完成 0%（基期 0，目标 1000，实际 未报）");
    }

    @Test
    void targetEqualToBaselineIsAllOrNothingByDirection() {
        assertThat(Progress.ofIndicator(hold(Direction.HIGHER_IS_BETTER, 100))).isEqualByComparingTo("100");
        assertThat(Progress.ofIndicator(hold(Direction.HIGHER_IS_BETTER, 101))).isEqualByComparingTo("100");
        assertThat(Progress.ofIndicator(hold(Direction.HIGHER_IS_BETTER, 99))).isEqualByComparingTo("0");
        assertThat(Progress.ofIndicator(hold(Direction.LOWER_IS_BETTER, 100))).isEqualByComparingTo("100");
        assertThat(Progress.ofIndicator(hold(Direction.LOWER_IS_BETTER, 99))).isEqualByComparingTo("100");
        assertThat(Progress.ofIndicator(hold(Direction.LOWER_IS_BETTER, 101))).isEqualByComparingTo("0");
    }

    @Test
    void indicatorsAloneAverageEachOther() {
        Result r = Progress.ofTask(List.of(jobs(500), pm25(30)), 0, 0);
        assertThat(r.percent()).isEqualByComparingTo("75");
        assertThat(r.explanation()).hasSize(2).noneMatch(line -> line.contains("节点"));
    }

    @Test
    void milestonesAloneCountDoneOverTotal() {
        Result r = Progress.ofTask(List.of(), 1, 3);
        assertThat(r.percent()).isEqualByComparingTo("33.33");
        assertThat(r.explanation()).containsExactly("节点完成 1/3（33.33%）");
    }

    @Test
    void indicatorsAndMilestonesEachWeighHalf() {
        Result r = Progress.ofTask(List.of(jobs(1000)), 0, 2);
        assertThat(r.percent()).isEqualByComparingTo("50");
        assertThat(r.explanation()).contains("节点完成 0/2（0%）", "指标与节点各占一半");
    }

    @Test
    void taskWithoutIndicatorsOrMilestonesIsAtZeroAndSaysWhy() {
        Result r = Progress.ofTask(List.of(), 0, 0);
        assertThat(r.percent()).isEqualByComparingTo("0");
        assertThat(r.explanation()).containsExactly("尚未设置指标和节点");
    }

    @Test
    void parentIsTheWeightAverageOfItsChildren() {
        Result r = Progress.ofParent(List.of(child(1, 50), child(3, 100)));
        assertThat(r.percent()).isEqualByComparingTo("87.5");
        assertThat(r.explanation()).startsWith("由 2 项子任务按权重加权（权重合计 4）").hasSize(3);
    }

    @Test
    void childWithZeroWeightDoesNotMoveTheParent() {
        assertThat(Progress.ofParent(List.of(child(0, 100), child(2, 40))).percent()).isEqualByComparingTo("40");
    }

    @Test
    void parentWhoseChildrenAllWeighZeroStaysAtZeroAndSaysWhy() {
        Result r = Progress.ofParent(List.of(child(0, 100), child(0, 80)));
        assertThat(r.percent()).isEqualByComparingTo("0");
        assertThat(r.explanation()).containsExactly("子任务权重合计为0，无法加权");
    }

    private static IndicatorInput jobs(int actual) {
        return new IndicatorInput("新增城镇就业人数", dec(0), dec(1000), dec(actual), Direction.HIGHER_IS_BETTER);
    }

    private static IndicatorInput pm25(int actual) {
        return new IndicatorInput("PM2.5平均浓度", dec(50), dec(30), dec(actual), Direction.LOWER_IS_BETTER);
    }

    private static IndicatorInput hold(Direction direction, int actual) {
        return new IndicatorInput("保持不变", dec(100), dec(100), dec(actual), direction);
    }

    private static ChildInput child(int weight, int progress) {
        return new ChildInput("子任务", dec(weight), dec(progress));
    }

    private static BigDecimal dec(int value) {
        return BigDecimal.valueOf(value);
    }
}
