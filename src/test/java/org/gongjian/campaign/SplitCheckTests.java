package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** 分解校验: amounts must add up to the parent target; rates are compared share by share, never summed. */
class SplitCheckTests {

    @Test
    void amountsSummingBelowAHigherIsBetterTargetWarnWithTheGap() {
        assertThat(SplitCheck.warnings("新增城镇就业人数", "人", dec("1000"), Direction.HIGHER_IS_BETTER, shares("400", "500")))
                .containsExactly("“新增城镇就业人数”分解合计 900人，低于总目标 1000人（差 100人）");
    }

    @Test
    void amountsAddingUpExactlyPassWhateverTheirScale() {
        assertThat(SplitCheck.warnings("新增城镇就业人数", "人", dec("1000.0000"), Direction.HIGHER_IS_BETTER,
                shares("400.5", "599.50"))).isEmpty();
        assertThat(SplitCheck.warnings("能耗总量", "吨标准煤", dec("1000"), Direction.LOWER_IS_BETTER,
                shares("600", "400.00"))).isEmpty();
    }

    @Test
    void amountsAboveAHigherIsBetterTargetPass() {
        assertThat(SplitCheck.warnings("新增城镇就业人数", "人", dec("1000"), Direction.HIGHER_IS_BETTER, shares("600", "500")))
                .isEmpty();
    }

    @Test
    void amountsSummingAboveALowerIsBetterCapWarnWithTheExcess() {
        assertThat(SplitCheck.warnings("能耗总量", "吨标准煤", dec("1000"), Direction.LOWER_IS_BETTER, shares("700", "400")))
                .containsExactly("“能耗总量”分解合计 1100吨标准煤，超过总控目标 1000吨标准煤（多 100吨标准煤）");
        assertThat(SplitCheck.warnings("能耗总量", "吨标准煤", dec("1000"), Direction.LOWER_IS_BETTER, shares("500", "400")))
                .isEmpty();
    }

    @Test
    void ratesAreComparedShareByShareAndNeverSummed() {
        // Summed, 50 + 50 would look like "100% ≥ 90%"; each township must reach 90% itself.
        assertThat(SplitCheck.warnings("污水处理率", "%", dec("90"), Direction.HIGHER_IS_BETTER, shares("95", "50", "90")))
                .containsExactly("第2项分解目标 50% 低于总目标 90% 的要求");
        assertThat(SplitCheck.warnings("污水处理率", "%", dec("90"), Direction.HIGHER_IS_BETTER, shares("45", "45")))
                .hasSize(2);
    }

    @Test
    void lowerIsBetterRateWarnsForEveryShareAboveTheParentTarget() {
        assertThat(SplitCheck.warnings("贫困发生率", "%", dec("3"), Direction.LOWER_IS_BETTER, shares("2", "3", "4.5")))
                .containsExactly("第3项分解目标 4.5% 高于总目标 3% 的要求");
    }

    @Test
    void unitsWithPercentSignsOrRateAreRatesOthersAreAmounts() {
        assertThat(SplitCheck.isRate("%")).isTrue();
        assertThat(SplitCheck.isRate("％")).isTrue();
        assertThat(SplitCheck.isRate("覆盖率")).isTrue();
        assertThat(SplitCheck.isRate("人")).isFalse();
        assertThat(SplitCheck.isRate("公里")).isFalse();
    }

    private static List<BigDecimal> shares(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
