package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.TaskHistory.Change;
import org.gongjian.campaign.TaskView.IndicatorView;
import org.gongjian.campaign.TaskView.MilestoneView;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Task history: one line per changed field (字段、原值、新值); computed numbers are not history. */
class TaskHistoryTests {

    static final IndicatorView JOBS = new IndicatorView(1, "新增城镇就业人数", "人", new BigDecimal("0.0000"),
            new BigDecimal("1000.0000"), null, Direction.HIGHER_IS_BETTER, BigDecimal.ZERO, List.of());
    static final MilestoneView PLAN = new MilestoneView(1, "制定方案", LocalDate.of(2026, 3, 31), null);

    @Test
    void sameTaskHasNoChanges() {
        assertThat(TaskHistory.diff(task(), task())).isEmpty();
    }

    @Test
    void changedTitleAndDescriptionShowBeforeAndAfter() {
        TaskView after = task("稳就业攻坚（调整）", "新增说明", BigDecimal.ONE, List.of(), List.of(JOBS), List.of(PLAN));
        assertThat(TaskHistory.diff(task(), after)).containsExactly(
                new Change("任务名称", "稳就业攻坚", "稳就业攻坚（调整）"),
                new Change("任务描述", null, "新增说明"));
    }

    @Test
    void weightAndIndicatorNumbersCompareByValueNotScale() {
        IndicatorView sameInOtherScale = new IndicatorView(1, "新增城镇就业人数", "人", BigDecimal.ZERO,
                new BigDecimal("1000"), null, Direction.HIGHER_IS_BETTER, BigDecimal.ZERO, List.of());
        TaskView after = task("稳就业攻坚", null, new BigDecimal("1.00"), List.of(), List.of(sameInOtherScale), List.of(PLAN));
        assertThat(TaskHistory.diff(task(), after)).isEmpty();
    }

    @Test
    void changedIndicatorTargetShowsTheIndicatorBeforeAndAfter() {
        IndicatorView raised = new IndicatorView(1, "新增城镇就业人数", "人", BigDecimal.ZERO, new BigDecimal("1200"), null,
                Direction.HIGHER_IS_BETTER, BigDecimal.ZERO, List.of());
        TaskView after = task("稳就业攻坚", null, BigDecimal.ONE, List.of(), List.of(raised), List.of(PLAN));
        assertThat(TaskHistory.diff(task(), after)).containsExactly(new Change("指标“新增城镇就业人数”",
                "基期 0人，目标 1000人，越大越好", "基期 0人，目标 1200人，越大越好"));
    }

    @Test
    void reportedActualsAndProgressAreNotTaskChanges() {
        IndicatorView reported = new IndicatorView(1, "新增城镇就业人数", "人", BigDecimal.ZERO, new BigDecimal("1000"),
                new BigDecimal("400"), Direction.HIGHER_IS_BETTER, new BigDecimal("40"), List.of());
        TaskView after = task("稳就业攻坚", null, BigDecimal.ONE, List.of(), List.of(reported), List.of(PLAN));
        assertThat(TaskHistory.diff(task(), after)).isEmpty();
    }

    @Test
    void addedAndRemovedIndicatorsHaveNoBeforeOrNoAfter() {
        IndicatorView rate = new IndicatorView(2, "登记失业率", "%", new BigDecimal("4"), new BigDecimal("3.5"), null,
                Direction.LOWER_IS_BETTER, BigDecimal.ZERO, List.of());
        TaskView after = task("稳就业攻坚", null, BigDecimal.ONE, List.of(), List.of(rate), List.of(PLAN));
        assertThat(TaskHistory.diff(task(), after)).containsExactly(
                new Change("指标“新增城镇就业人数”", "基期 0人，目标 1000人，越大越好", null),
                new Change("指标“登记失业率”", null, "基期 4%，目标 3.5%，越小越好"));
    }

    @Test
    void milestoneMarkedDoneShowsTheDoneDate() {
        MilestoneView done = new MilestoneView(1, "制定方案", LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 20));
        TaskView after = task("稳就业攻坚", null, BigDecimal.ONE, List.of(), List.of(JOBS), List.of(done));
        assertThat(TaskHistory.diff(task(), after)).containsExactly(
                new Change("节点“制定方案”", "2026-03-31", "2026-03-31，已于 2026-03-20 完成"));
    }

    @Test
    void changedCooperatingUnitsAndWeightAreRecorded() {
        TaskView after = task("稳就业攻坚", null, new BigDecimal("2.5"), List.of(7L, 9L), List.of(JOBS), List.of(PLAN));
        assertThat(TaskHistory.diff(task(), after)).containsExactly(
                new Change("配合单位", "[]", "[7, 9]"),
                new Change("权重", "1", "2.5"));
    }

    private static TaskView task() {
        return task("稳就业攻坚", null, BigDecimal.ONE, List.of(), List.of(JOBS), List.of(PLAN));
    }

    private static TaskView task(String title, @Nullable String description, BigDecimal weight, List<Long> cooperating,
                                 List<IndicatorView> indicators, List<MilestoneView> milestones) {
        return new TaskView(10, 1, null, title, description, "民生改善", 5, "人社局", null, null, cooperating, weight,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), indicators, milestones, null, List.of(),
                BigDecimal.ZERO, List.of(), 0, 0);
    }
}
