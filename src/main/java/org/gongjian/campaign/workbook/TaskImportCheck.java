package org.gongjian.campaign.workbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.shared.InvalidInput.FieldProblem;
import org.gongjian.shared.XlsxSheets.SheetRow;
import org.jspecify.annotations.Nullable;

import static org.gongjian.campaign.workbook.TaskWorkbook.*;

/**
 * Checks every row of a task-list workbook and collects every problem with its Excel row and column, so a user
 * fixes the whole file in one pass. Only when there are none does the plan go to {@link TaskService}.
 */
final class TaskImportCheck {

    /** A row that passed; {@code parentRow} is the Excel row of its parent task in the same file. */
    record PlannedTask(int row, @Nullable Integer parentRow, TaskCommand command) {}

    record Plan(List<PlannedTask> tasks, List<FieldProblem> problems) {}

    /** What a child row may inherit from its parent row (only the parts that parsed). */
    private record Inherited(@Nullable String category, @Nullable LocalDate start, @Nullable LocalDate due) {}

    /** One task being assembled: its own row plus the indicator rows under it. */
    private static final class Draft {
        final SheetRow row;
        final Set<String> reported = new HashSet<>();
        final List<TaskCommand.IndicatorInput> indicators = new ArrayList<>();
        final List<Integer> indicatorRows = new ArrayList<>();
        @Nullable Integer parentRow;
        @Nullable TaskCommand command;

        Draft(SheetRow row) {
            this.row = row;
        }
    }

    private final CampaignDirectory directory;
    private final Predicate<String> titleTakenAtTop;
    private final Validator validator;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final Map<String, Integer> rowOfTitle = new HashMap<>();
    private TaskRowReferences references = new TaskRowReferences(List.of(), List.of());
    private final Map<Integer, Inherited> inheritedFromRow = new HashMap<>();

    TaskImportCheck(CampaignDirectory directory, Predicate<String> titleTakenAtTop, Validator validator) {
        this.directory = directory;
        this.titleTakenAtTop = titleTakenAtTop;
        this.validator = validator;
    }

    Plan check(List<SheetRow> rows) {
        references = new TaskRowReferences(rows, problems);
        List<Draft> drafts = new ArrayList<>();
        for (SheetRow row : rows) {
            if (isIndicatorContinuation(row) && !drafts.isEmpty()) {
                Draft owner = drafts.get(drafts.size() - 1);
                indicator(owner, row);
            } else {
                Draft draft = new Draft(row);
                drafts.add(draft);
                task(draft);
            }
        }
        List<PlannedTask> planned = new ArrayList<>();
        for (Draft draft : drafts) {
            TaskCommand command = finish(draft);
            planned.add(new PlannedTask(draft.row.number(), draft.parentRow, command));
        }
        problems.sort(Comparator.comparing(FieldProblem::row).thenComparing(p -> COLUMNS.indexOf(p.field())));
        return new Plan(planned, problems);
    }

    private void task(Draft d) {
        SheetRow row = d.row;
        Inherited parent = parent(d);
        String title = row.cell(TITLE);
        if (!title.isEmpty()) {
            String sameParent = row.cell(PARENT_KEY) + "\u0000" + title;
            Integer earlier = rowOfTitle.putIfAbsent(sameParent, row.number());
            if (earlier != null) {
                problem(d, row, TITLE, "任务名称“" + title + "”与第" + earlier + "行重复（同一上级下不能重名）");
            } else if (row.cell(PARENT_KEY).isEmpty() && titleTakenAtTop.test(title)) {
                problem(d, row, TITLE, "清单中已有同名任务“" + title + "”");
            }
        }
        String category = category(d, parent);
        Long lead = leadUnit(d);
        List<Long> cooperating = cooperating(d, lead);
        Long leader = row.cell(LEAD_LEADER).isEmpty() ? null : resolved(d, LEAD_LEADER, directory.leader(row.cell(LEAD_LEADER)));
        BigDecimal weight = number(d, row, WEIGHT, null);
        if (weight != null && weight.stripTrailingZeros().scale() > 2) {
            problem(d, row, WEIGHT, "权重“" + row.cell(WEIGHT) + "”最多保留2位小数");
        }
        CampaignView campaign = directory.campaign();
        LocalDate start = date(d, START_DATE, false, parent != null && parent.start() != null ? parent.start() : campaign.startDate());
        LocalDate due = date(d, DUE_DATE, true, parent != null && parent.due() != null ? parent.due() : campaign.endDate());
        if (start != null && due != null && due.isBefore(start)) {
            problem(d, row, DUE_DATE, "完成时限 " + due + " 早于开始日期 " + start);
        } else if (due != null && due.isAfter(campaign.endDate())) {
            problem(d, row, DUE_DATE, "完成时限 " + due + " 晚于攻坚行动结束日期 " + campaign.endDate());
        }
        if (!row.cell(KEY).isEmpty()) {
            inheritedFromRow.put(row.number(), new Inherited(category, start, due));
        }
        indicator(d, row);
        List<TaskCommand.MilestoneInput> milestones = milestones(d, due);
        String description = row.cell(DESCRIPTION).isEmpty() ? null : row.cell(DESCRIPTION);
        // d.indicators is still open: indicator rows below this one add to it before the command is finished.
        d.command = new TaskCommand(title, description, category == null ? "" : category, lead, leader, cooperating,
                weight, start, due, d.indicators, milestones);
    }

    private @Nullable Inherited parent(Draft d) {
        TaskRowReferences.Reference reference = references.parentOf(d.row);
        if (reference.problem() != null) {
            problem(d, d.row, PARENT_KEY, reference.problem());
        }
        d.parentRow = reference.parentRow();
        return d.parentRow == null ? null
                : inheritedFromRow.getOrDefault(d.parentRow, new Inherited(null, null, null));
    }

    private @Nullable String category(Draft d, @Nullable Inherited parent) {
        String text = d.row.cell(CATEGORY);
        if (text.isEmpty()) {
            if (parent != null && parent.category() != null) {
                return parent.category();
            }
            if (d.row.cell(PARENT_KEY).isEmpty()) {
                problem(d, d.row, CATEGORY, "请填写领域");
            } else {
                // The parent reference (or the parent's own 领域) is what needs fixing, and is reported there.
                d.reported.add(d.row.number() + ":" + CATEGORY);
            }
            return null;
        }
        if (!directory.campaign().categories().contains(text)) {
            problem(d, d.row, CATEGORY, "领域“" + text + "”不在本攻坚行动的领域中（可选："
                    + String.join("、", directory.campaign().categories()) + "）");
            return null;
        }
        return text;
    }

    private @Nullable Long leadUnit(Draft d) {
        String text = d.row.cell(LEAD_UNIT);
        if (text.isEmpty()) {
            problem(d, d.row, LEAD_UNIT, "请填写牵头单位");
            return null;
        }
        return resolved(d, LEAD_UNIT, directory.leadUnit(text));
    }

    private List<Long> cooperating(Draft d, @Nullable Long lead) {
        List<Long> ids = new ArrayList<>();
        for (String name : splitList(d.row.cell(COOPERATING_UNITS))) {
            Long id = resolved(d, COOPERATING_UNITS, directory.cooperatingUnit(name));
            if (id != null && id.equals(lead)) {
                problem(d, d.row, COOPERATING_UNITS, "配合单位“" + name + "”就是牵头单位");
            } else if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private @Nullable Long resolved(Draft d, int column, CampaignDirectory.Resolved resolved) {
        if (resolved.id().isEmpty()) {
            problem(d, d.row, column, resolved.problem());
            return null;
        }
        return resolved.id().get();
    }

    private @Nullable LocalDate date(Draft d, int column, boolean endOfMonth, LocalDate fallback) {
        String text = d.row.cell(column);
        if (text.isEmpty()) {
            return fallback;
        }
        Optional<LocalDate> date = parseDate(text, endOfMonth);
        if (date.isEmpty()) {
            problem(d, d.row, column, "日期“" + text + "”无法识别，请写成 2026-03-31 这样的格式");
            return null;
        }
        return date.get();
    }

    private @Nullable BigDecimal number(Draft d, SheetRow row, int column, @Nullable BigDecimal fallback) {
        String text = row.cell(column);
        if (text.isEmpty()) {
            return fallback;
        }
        Optional<BigDecimal> value = parseNumber(text);
        if (value.isEmpty()) {
            problem(d, row, column, COLUMNS.get(column) + "“" + text + "”不是数字");
            return null;
        }
        BigDecimal v = value.get().stripTrailingZeros();
        if (v.scale() > 4 || v.precision() - v.scale() > 14) {
            problem(d, row, column, COLUMNS.get(column) + "“" + text + "”超出范围（最多14位整数、4位小数）");
            return null;
        }
        return value.get();
    }

    /** The indicator columns of a task row or of an indicator row under it. */
    private void indicator(Draft d, SheetRow row) {
        String name = row.cell(INDICATOR);
        boolean anyOther = !(row.cell(INDICATOR_UNIT) + row.cell(BASELINE) + row.cell(TARGET) + row.cell(DIRECTION)).isEmpty();
        if (name.isEmpty()) {
            if (anyOther) {
                problem(d, row, INDICATOR, "填写了计量单位、基期值、目标值或指标方向，但没有填写指标名称");
            }
            return;
        }
        int sameName = d.indicators.stream().map(TaskCommand.IndicatorInput::name).toList().indexOf(name);
        if (sameName >= 0) {
            problem(d, row, INDICATOR, "指标“" + name + "”与第" + d.indicatorRows.get(sameName) + "行重复");
        }
        if (row.cell(INDICATOR_UNIT).isEmpty()) {
            problem(d, row, INDICATOR_UNIT, "请填写指标“" + name + "”的计量单位");
        }
        BigDecimal target = number(d, row, TARGET, null);
        if (row.cell(TARGET).isEmpty()) {
            problem(d, row, TARGET, "请填写指标“" + name + "”的目标值");
        }
        BigDecimal baseline = number(d, row, BASELINE, BigDecimal.ZERO);
        Direction direction = row.cell(DIRECTION).isEmpty() ? Direction.HIGHER_IS_BETTER
                : Direction.parse(row.cell(DIRECTION)).orElse(null);
        if (direction == null) {
            problem(d, row, DIRECTION, "无法识别的指标方向“" + row.cell(DIRECTION) + "”，请填写“越大越好”或“越小越好”");
        }
        d.indicators.add(new TaskCommand.IndicatorInput(null, name, row.cell(INDICATOR_UNIT), baseline, target, direction));
        d.indicatorRows.add(row.number());
    }

    private List<TaskCommand.MilestoneInput> milestones(Draft d, @Nullable LocalDate due) {
        List<TaskCommand.MilestoneInput> result = new ArrayList<>();
        for (TaskWorkbook.MilestoneText m : parseMilestones(d.row.cell(MILESTONES))) {
            if (m.dueDate().isEmpty()) {
                problem(d, d.row, MILESTONES, "时间节点“" + m.text() + "”的日期无法识别，请写成“2026-03-31 完成项目签约”");
            } else if (m.title().isEmpty()) {
                problem(d, d.row, MILESTONES, "时间节点“" + m.text() + "”缺少节点内容");
            } else if (due != null && m.dueDate().get().isAfter(due)) {
                problem(d, d.row, MILESTONES, "时间节点“" + m.text() + "”晚于完成时限 " + due);
            } else {
                result.add(new TaskCommand.MilestoneInput(null, m.title(), m.dueDate().get(), null));
            }
        }
        return result;
    }

    /** The bean-validation rules of {@link TaskCommand} (lengths, counts, ranges), reported against their columns. */
    private TaskCommand finish(Draft d) {
        TaskCommand command = java.util.Objects.requireNonNull(d.command);
        for (ConstraintViolation<TaskCommand> v : validator.validate(command)) {
            int column = TaskCommandColumns.columnOf(v.getPropertyPath().toString());
            int row = TaskCommandColumns.rowOf(v.getPropertyPath().toString(), d.row.number(), d.indicatorRows);
            if (d.reported.add(row + ":" + column)) {
                problems.add(new FieldProblem(COLUMNS.get(column), row, v.getMessage()));
            }
        }
        return command;
    }

    private void problem(Draft d, SheetRow row, int column, String message) {
        problems.add(new FieldProblem(COLUMNS.get(column), row.number(), message));
        d.reported.add(row.number() + ":" + column);
    }
}
