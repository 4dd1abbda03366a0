package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gongjian.shared.InvalidInput.FieldProblem;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * One share of a decomposition (分解): {@code target} is this unit's share of the parent's first indicator;
 * {@code baseline} defaults to 0 for amounts and to the parent's baseline for rates.
 */
public record SubtaskCommand(
        @NotBlank(message = "{validation.m34}") @Size(max = 200, message = "{validation.m01}") String title,
        @NotNull(message = "{validation.m57}") Long leadUnitId,
        @Nullable Long leadLeaderId,
        @Nullable @Digits(integer = 14, fraction = 4, message = "{validation.m03}") BigDecimal target,
        @Nullable @Digits(integer = 14, fraction = 4, message = "{validation.m06}") BigDecimal baseline,
        @Nullable LocalDate dueDate) {

    /**
     * The subtask this share (the {@code index}th) becomes: the parent's first indicator with the share as its target.
     * Refuses a share without a target when the parent has an indicator, or due after the parent.
     */
    TaskCommand toTask(int index, TaskQueries.SplitParent split, int shareCount) {
        TaskRow parent = split.task().row();
        IndicatorStore.IndicatorFigures first = split.first();
        if (first != null && target() == null) {
            throw new InvalidInput("第" + (index + 1) + "项缺少分解目标",
                    List.of(new FieldProblem("[" + index + "].target", null, "请填写“" + first.name() + "”的分解目标")));
        }
        if (dueDate() != null && dueDate().isAfter(parent.dueDate())) {
            throw new InvalidInput("第" + (index + 1) + "项完成时限晚于上级任务", List.of(new FieldProblem(
                    "[" + index + "].dueDate", null, "分解任务的完成时限不能晚于上级任务的 " + parent.dueDate())));
        }
        List<TaskCommand.IndicatorInput> indicators = first == null ? List.of()
                : List.of(new TaskCommand.IndicatorInput(null, first.name(), first.unit(),
                baseline() != null ? baseline() : shareBaseline(first, Objects.requireNonNull(target()), shareCount),
                Objects.requireNonNull(target()), first.direction()));
        return new TaskCommand(title(), null, parent.category(), leadUnitId(), leadLeaderId(), null,
                BigDecimal.ONE, split.task().dates().start(), dueDate() != null ? dueDate() : parent.dueDate(),
                indicators, List.of());
    }

    /**
     * A share's starting point when none is given: rates keep the parent's baseline; amounts to grow start from 0;
     * amounts to cut (发案数, 能耗) start from the parent's baseline in proportion to the share.
     */
    private static BigDecimal shareBaseline(IndicatorStore.IndicatorFigures parent, BigDecimal target, int shareCount) {
        if (!SplitCheck.isAdditive(parent.name(), parent.unit())) {
            return parent.baseline();
        }
        if (parent.direction() == Direction.HIGHER_IS_BETTER) {
            return BigDecimal.ZERO;
        }
        if (parent.target().signum() == 0) {
            return parent.baseline().divide(BigDecimal.valueOf(shareCount), 2, java.math.RoundingMode.HALF_UP);
        }
        return parent.baseline().multiply(target).divide(parent.target(), 2, java.math.RoundingMode.HALF_UP);
    }
}
