package org.gongjian.campaign.workbook;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;
import org.gongjian.campaign.TaskBatchCreation;
import org.gongjian.campaign.TaskService;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput.FieldProblem;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.XlsxSheets.SheetRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a task list (攻坚清单) from the workbook, all or nothing: every row is checked first and every problem
 * reported with its row and column; only a clean file creates tasks, through {@link TaskBatchCreation} (what
 * {@link TaskService#create} does for each — checks, history, audit, progress, events — with shared reads and batched
 * writes), parents before their subtasks, in one transaction.
 */
@Service
public class TaskImporter {

    /** A file with more problems than this lists the first ones and says how many more there are. */
    static final int MAX_PROBLEMS = 1_000;

    private final TaskBatchCreation tasks;
    private final CampaignDirectories directories;
    private final Validator validator;
    private final ApplicationEventPublisher events;

    TaskImporter(TaskBatchCreation tasks, CampaignDirectories directories, Validator validator,
                 ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.directories = directories;
        this.validator = validator;
        this.events = events;
    }

    public record ImportResult(int created) {}

    @Transactional
    public ImportResult importWorkbook(long campaignId, InputStream in, String fileName, DataScope scope) {
        CampaignDirectory directory = directories.of(campaignId, scope);
        List<SheetRow> rows = TaskWorkbook.read(in);
        // One read for every top-level title of the file, not one per row.
        java.util.Set<String> takenAtTop = tasks.topLevelTitlesTaken(campaignId, rows.stream()
                .filter(r -> r.cell(TaskWorkbook.PARENT_KEY).isEmpty() && !r.cell(TaskWorkbook.TITLE).isEmpty())
                .map(r -> r.cell(TaskWorkbook.TITLE)).toList());
        TaskImportCheck.Plan plan = new TaskImportCheck(directory, takenAtTop::contains, validator).check(rows);
        if (!plan.problems().isEmpty()) {
            throw refusal(plan.problems());
        }
        Map<Integer, Integer> indexOfRow = new HashMap<>();
        List<TaskBatchCreation.NewTask> newTasks = new java.util.ArrayList<>(plan.tasks().size());
        for (TaskImportCheck.PlannedTask task : plan.tasks()) {
            indexOfRow.put(task.row(), newTasks.size());
            newTasks.add(new TaskBatchCreation.NewTask(task.parentRow() == null ? null : indexOfRow.get(task.parentRow()),
                    task.command()));
        }
        try {
            tasks.createAll(campaignId, newTasks, scope, takenAtTop);
        } catch (TaskBatchCreation.Refused refused) {
            throw refusal(plan.tasks().get(refused.index()), refused.reason());
        }
        ImportResult result = new ImportResult(plan.tasks().size());
        events.publishEvent(new AuditableChange("task.import", "campaign", String.valueOf(campaignId), null,
                Map.of("file", fileName, "created", result.created())));
        return result;
    }

    /** The checks above mirror {@link TaskService}'s; should it still refuse a row, the refusal names that row. */
    private static InvalidInput refusal(TaskImportCheck.PlannedTask task, RuntimeException e) {
        String message = e instanceof InvalidInput invalid && !invalid.problems().isEmpty()
                ? invalid.problems().get(0).message() : e.getMessage();
        return new InvalidInput("第" + task.row() + "行无法导入：" + message + "；未导入任何数据",
                List.of(new FieldProblem(TaskWorkbook.COLUMNS.get(TaskWorkbook.TITLE), task.row(), message)));
    }

    private static InvalidInput refusal(List<FieldProblem> problems) {
        String message = "导入文件有 " + problems.size() + " 处错误，未导入任何数据";
        if (problems.size() <= MAX_PROBLEMS) {
            return new InvalidInput(message, problems);
        }
        return new InvalidInput(message + "（只列出前 " + MAX_PROBLEMS + " 处）", problems.subList(0, MAX_PROBLEMS));
    }
}
