package org.gongjian.report.workbook;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.org.UnitView;
import org.gongjian.report.FiledReports;
import org.gongjian.report.ReportCommand;
import org.gongjian.report.ReportService;
import org.gongjian.report.ReportStatus;
import org.gongjian.report.ReportView;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.InvalidInput.FieldProblem;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.gongjian.shared.XlsxSheets.SheetRow;
import org.gongjian.shared.XlsxSheets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.gongjian.report.workbook.ReportWorkbook.*;

/**
 * Imports a unit's filled-in workbook (进度报送批量填报) for one period, all or nothing: every row is checked
 * first and every problem reported with its row and column; only a clean file writes, each task's report through
 * {@link ReportService} (drafts started or updated, then submitted when asked) in one transaction.
 */
@Service
public class ReportImporter {

    /** A file with more problems than this lists the first ones. */
    static final int MAX_PROBLEMS = 1_000;

    private final ReportService service;
    private final FiledReports reports;
    private final ReportWorkbookTemplate workbooks;
    private final CampaignService campaigns;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportImporter(ReportService service, FiledReports reports, ReportWorkbookTemplate workbooks,
                   CampaignService campaigns, TaskService tasks, ApplicationEventPublisher events, Clock clock) {
        this.service = service;
        this.reports = reports;
        this.workbooks = workbooks;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    /** How many reports the import started, updated and submitted, for how many tasks. */
    public record ImportResult(int created, int updated, int submitted, int tasks) {}

    /** One task's rows merged: what its report will say, and the row to blame should the service still refuse it. */
    private record Plan(TaskView task, int row, FiledReports.@Nullable Filed existing, ReportCommand command) {}

    @Transactional
    public ImportResult importWorkbook(long campaignId, @Nullable String periodLabel, @Nullable Long unitId,
                                       boolean submit, InputStream in, String fileName, CurrentUser user,
                                       DataScope scope) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        ReportingPeriod period = workbooks.period(campaign, periodLabel);
        LocalDate today = LocalDate.now(clock);
        if (period.start().isAfter(today)) {
            throw InvalidInput.of("period", period.displayName() + "尚未开始，不能提前报送");
        }
        UnitView unit = workbooks.unit(unitId, scope);
        List<SheetRow> rows = ReportWorkbook.read(in);

        List<FieldProblem> problems = new ArrayList<>();
        Map<Long, List<SheetRow>> byTask = new LinkedHashMap<>();
        for (SheetRow row : rows) {
            String text = row.cell(TASK_ID);
            Optional<Long> id = parseId(text);
            if (text.isEmpty()) {
                problems.add(problem(TASK_ID, row, "请填写任务编号（同一任务的多行编号相同）"));
            } else if (id.isEmpty()) {
                problems.add(problem(TASK_ID, row, "任务编号“" + abbreviate(text) + "”不是有效的编号"));
            } else {
                byTask.computeIfAbsent(id.get(), k -> new ArrayList<>()).add(row);
            }
        }
        List<Plan> plans = new ArrayList<>();
        for (Map.Entry<Long, List<SheetRow>> entry : byTask.entrySet()) {
            Plan plan = plan(entry.getKey(), entry.getValue(), campaign, unit, period, submit, today, scope, problems);
            if (plan != null) {
                plans.add(plan);
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(FieldProblem::row));
            throw refusal(problems);
        }

        int created = 0;
        int updated = 0;
        int submitted = 0;
        for (Plan plan : plans) {
            try {
                ReportView report;
                if (plan.existing() == null) {
                    report = service.start(plan.task().id(), plan.command(), user, scope);
                    created++;
                } else {
                    report = service.update(plan.existing().id(), plan.existing().version(), plan.command(), user, scope);
                    updated++;
                }
                if (submit) {
                    service.submit(report.id(), report.version(), user, scope);
                    submitted++;
                }
            } catch (org.gongjian.shared.Forbidden e) {
                throw e;
            } catch (InvalidInput | DomainException | NotFound e) {
                // The checks above mirror the service's; should it still refuse a task, the refusal names its row.
                String message = e instanceof InvalidInput invalid && !invalid.problems().isEmpty()
                        ? invalid.problems().get(0).message() : e.getMessage();
                throw new InvalidInput("第" + plan.row() + "行无法导入：" + message + "；未导入任何数据",
                        List.of(new FieldProblem(COLUMNS.get(TASK_ID), plan.row(), message)));
            }
        }
        ImportResult result = new ImportResult(created, updated, submitted, plans.size());
        events.publishEvent(new AuditableChange("report.import", "campaign", String.valueOf(campaignId), null,
                Map.of("file", fileName, "period", period.label(), "unitId", unit.id(), "created", created,
                        "updated", updated, "submitted", submitted)));
        return result;
    }

    private @Nullable Plan plan(long taskId, List<SheetRow> rows, CampaignView campaign, UnitView unit,
                                ReportingPeriod period, boolean submit, LocalDate today, DataScope scope,
                                List<FieldProblem> problems) {
        SheetRow first = rows.get(0);
        TaskView task;
        try {
            task = tasks.task(taskId, scope);
        } catch (NotFound e) {
            task = null;
        }
        String taskProblem = null;
        if (task == null || task.campaignId() != campaign.id()) {
            taskProblem = "任务编号 " + taskId + " 不存在，或不在本攻坚行动、您的管辖范围内";
        } else if (task.leadUnitId() != unit.id()) {
            taskProblem = "任务“" + task.title() + "”不由" + unit.name() + "牵头，不能由本单位报送";
        } else if (task.subtaskCount() > 0) {
            taskProblem = "任务“" + task.title() + "”已分解，请由各子任务报送";
        } else if (!ReportWorkbookTemplate.runsIn(task, period)) {
            taskProblem = period.displayName() + "不在任务“" + task.title() + "”的起止日期（" + task.startDate() + " 至 "
                    + task.dueDate() + "）之内";
        }
        if (taskProblem != null) {
            for (SheetRow row : rows) {
                problems.add(problem(TASK_ID, row, taskProblem));
            }
            return null;
        }
        FiledReports.Filed existing = reports.current(taskId, period.label()).orElse(null);
        if (existing != null && !existing.status().editable()) {
            problems.add(problem(TASK_ID, first, "任务“" + task.title() + "”" + period.displayName() + "的报告已“"
                    + existing.status().label() + "”，不能再导入" + (existing.status() == ReportStatus.APPROVED
                    ? "；如需更正，请在报告页面新建更正稿" : "")));
            return null;
        }
        int before = problems.size();

        List<ReportView.IndicatorValue> values = new ArrayList<>();
        Map<Long, Integer> valueRows = new HashMap<>();
        for (SheetRow row : rows) {
            String name = row.cell(INDICATOR);
            String value = row.cell(VALUE);
            TaskView.IndicatorView indicator = task.indicators().stream().filter(i -> i.name().equals(name))
                    .findFirst().orElse(null);
            if (!name.isEmpty() && indicator == null) {
                problems.add(problem(INDICATOR, row, task.indicators().isEmpty()
                        ? "任务“" + task.title() + "”没有指标，请将指标列留空"
                        : "指标“" + abbreviate(name) + "”不是任务“" + task.title() + "”的指标（应为："
                        + String.join("、", task.indicators().stream().map(TaskView.IndicatorView::name).toList()) + "）"));
                continue;
            }
            if (value.isEmpty()) {
                continue;
            }
            if (indicator == null) {
                problems.add(problem(INDICATOR, row, "填写本期实际值时须写明指标"));
                continue;
            }
            Optional<BigDecimal> number = XlsxSheets.parseNumber(value);
            if (number.isEmpty()) {
                problems.add(problem(VALUE, row, "本期实际值“" + abbreviate(value) + "”不是数字"));
            } else if (number.get().abs().compareTo(new BigDecimal("100000000000000")) >= 0
                    || number.get().stripTrailingZeros().scale() > 4) {
                problems.add(problem(VALUE, row, "本期实际值“" + abbreviate(value) + "”超出范围（最多14位整数、4位小数）"));
            } else if (valueRows.containsKey(indicator.id())) {
                problems.add(problem(INDICATOR, row, "指标“" + indicator.name() + "”已在第" + valueRows.get(indicator.id())
                        + "行填写"));
            } else {
                valueRows.put(indicator.id(), row.number());
                values.add(new ReportView.IndicatorValue(indicator.id(), number.get().stripTrailingZeros()));
            }
        }

        String progress = firstText(rows, PROGRESS, problems);
        String problemsText = firstText(rows, PROBLEMS, problems);
        String nextSteps = firstText(rows, NEXT_STEPS, problems);
        if (submit && progress.isBlank()) {
            problems.add(problem(PROGRESS, first, "选择直接提交时，请填写任务“" + task.title() + "”的进展情况"));
        }

        Map<Long, LocalDate> alreadyDone = new HashMap<>();
        if (existing != null) {
            reports.milestones(existing.id()).forEach(m -> alreadyDone.put(m.milestoneId(), m.doneOn()));
        }
        LocalDate doneOn = today.isAfter(period.end()) ? period.end() : today;
        Set<Long> done = new LinkedHashSet<>();
        for (SheetRow row : rows) {
            for (String title : splitMilestones(row.cell(MILESTONES))) {
                TaskView.MilestoneView milestone = task.milestones().stream()
                        .filter(m -> milestoneLabel(m.title()).equals(title) || m.title().equals(title))
                        .min(java.util.Comparator.comparing(m -> m.doneDate() == null ? 0 : 1)).orElse(null);
                if (milestone == null) {
                    problems.add(problem(MILESTONES, row, "任务“" + task.title() + "”没有名为“" + abbreviate(title)
                            + "”的时间节点"));
                } else {
                    done.add(milestone.id());
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        List<ReportView.MilestoneDone> milestones = done.stream()
                .map(id -> new ReportView.MilestoneDone(id, alreadyDone.getOrDefault(id, doneOn))).toList();
        // Empty texts are sent as "" (not null), so a cleared cell stays cleared instead of being re-filled.
        return new Plan(task, first.number(), existing,
                new ReportCommand(period.label(), values, progress, problemsText, nextSteps, milestones));
    }

    /** The text of a column from the task's first row that has one ("" when none does); every row's is checked. */
    private static String firstText(List<SheetRow> rows, int column, List<FieldProblem> problems) {
        String first = null;
        for (SheetRow row : rows) {
            String text = row.cell(column);
            if (text.length() > MAX_TEXT) {
                problems.add(problem(column, row, COLUMNS.get(column) + "不超过" + MAX_TEXT + "字（现有"
                        + text.length() + "字）"));
            }
            if (first == null && !text.isEmpty()) {
                first = text;
            }
        }
        return first == null ? "" : first;
    }

    private static FieldProblem problem(int column, SheetRow row, String message) {
        return new FieldProblem(COLUMNS.get(column), row.number(), message);
    }

    private static String abbreviate(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }

    private static InvalidInput refusal(List<FieldProblem> problems) {
        String message = "导入文件有 " + problems.size() + " 处错误，未导入任何数据";
        if (problems.size() <= MAX_PROBLEMS) {
            return new InvalidInput(message, problems);
        }
        return new InvalidInput(message + "（只列出前 " + MAX_PROBLEMS + " 处）", problems.subList(0, MAX_PROBLEMS));
    }
}
