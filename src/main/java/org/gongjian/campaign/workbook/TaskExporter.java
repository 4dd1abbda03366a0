package org.gongjian.campaign.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gongjian.campaign.TaskFilter;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.gongjian.campaign.workbook.TaskWorkbook.*;

/**
 * Task lists out to Excel: the campaign's blank template, and the list itself (with the list page's filters, in
 * the caller's scope) in the template's columns plus 亮灯 and 进度(%), so an exported list imports again.
 * The export streams: rows go to temporary files as they are read, memory stays flat whatever the list size.
 */
@Service
public class TaskExporter {

    private static final int ROWS_IN_MEMORY = 200;

    private final TaskService tasks;
    private final CampaignDirectories directories;

    TaskExporter(TaskService tasks, CampaignDirectories directories) {
        this.tasks = tasks;
        this.directories = directories;
    }

    /** A built export, written to the response after the read transaction ends; closing deletes its temp files. */
    public static final class Export implements AutoCloseable {
        private final String fileName;
        private final SXSSFWorkbook workbook;

        Export(String fileName, SXSSFWorkbook workbook) {
            this.fileName = fileName;
            this.workbook = workbook;
        }

        public String fileName() {
            return fileName;
        }

        public void writeTo(OutputStream out) throws IOException {
            workbook.write(out);
        }

        @Override
        public void close() throws IOException {
            workbook.dispose();
            workbook.close();
        }
    }

    @Transactional(readOnly = true)
    public byte[] template(long campaignId, DataScope scope) {
        CampaignDirectory directory = directories.of(campaignId, scope);
        return TaskTemplate.write(directory.campaign(), directory.leadUnitLabels(TaskTemplate.MAX_LISTED_UNITS),
                directory.leaderLabelsOfOwner());
    }

    @Transactional(readOnly = true)
    public Export export(long campaignId, TaskFilter filter, DataScope scope) {
        CampaignDirectory directory = directories.of(campaignId, scope);
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        workbook.setCompressTempFiles(true);
        try {
            TaskWorkbookStyles styles = new TaskWorkbookStyles(workbook);
            Sheet sheet = workbook.createSheet(SHEET);
            styles.header(sheet, java.util.stream.Stream.concat(COLUMNS.stream(), EXPORT_ONLY.stream()).toList());
            Rows rows = new Rows(sheet, styles, directory);
            tasks.eachParentFirst(campaignId, filter, scope, rows::write);
            TaskTemplate.notes(workbook.createSheet(NOTES_SHEET), directory.campaign(), styles);
            return new Export("攻坚清单-" + directory.campaign().name() + ".xlsx", workbook);
        } catch (RuntimeException e) {
            workbook.dispose();
            throw e;
        }
    }

    /**
     * Writes tasks as rows, each as it comes (the tasks are never all in memory). 序号 are 1, 2 … for top-level tasks and 2.1, 2.2 … for subtasks; a subtask whose parent
     * is not in the export (filtered out, or outside the caller's scope) becomes top-level.
     */
    private final class Rows {
        private final Sheet sheet;
        private final TaskWorkbookStyles styles;
        private final CampaignDirectory directory;
        private final Map<Long, String> keys = new HashMap<>();
        private final Map<String, Integer> children = new HashMap<>();
        private int next = 1;

        Rows(Sheet sheet, TaskWorkbookStyles styles, CampaignDirectory directory) {
            this.sheet = sheet;
            this.styles = styles;
            this.directory = directory;
        }

        void write(TaskView task) {
            String parentKey = task.parentTaskId() == null ? "" : keys.getOrDefault(task.parentTaskId(), "");
            int n = children.merge(parentKey, 1, Integer::sum);
            String key = parentKey.isEmpty() ? String.valueOf(n) : parentKey + "." + n;
            if (task.subtaskCount() > 0) {   // only a parent's key is looked up again: the map stays small
                keys.put(task.id(), key);
            }
            Row row = sheet.createRow(next++);
            styles.text(row, KEY, key);
            styles.text(row, PARENT_KEY, parentKey);
            styles.text(row, TITLE, task.title());
            styles.text(row, CATEGORY, task.category());
            styles.text(row, LEAD_UNIT, directory.unitLabel(task.leadUnitId()));
            styles.text(row, COOPERATING_UNITS, task.cooperatingUnitIds().stream()
                    .map(directory::unitListLabel).collect(Collectors.joining("、")));
            styles.text(row, LEAD_LEADER, task.leadLeaderId() == null ? "" : directory.leaderLabel(task.leadLeaderId()));
            styles.number(row, WEIGHT, task.weight());
            styles.date(row, START_DATE, task.startDate());
            styles.date(row, DUE_DATE, task.dueDate());
            styles.text(row, MILESTONES, task.milestones().stream()
                    // A semicolon inside a title would split it into two milestones on import.
                    .map(m -> m.dueDate() + " " + m.title().replace('；', '，').replace(';', ','))
                    .collect(Collectors.joining("；")));
            styles.text(row, DESCRIPTION, task.description() == null ? "" : task.description());
            styles.text(row, COLUMNS.size(), task.light() == null ? "未评估" : task.light().label());
            styles.number(row, COLUMNS.size() + 1, task.progress());
            List<TaskView.IndicatorView> indicators = task.indicators();
            for (int i = 0; i < indicators.size(); i++) {
                indicator(i == 0 ? row : sheet.createRow(next++), indicators.get(i));
            }
        }

        private void indicator(Row row, TaskView.IndicatorView indicator) {
            styles.text(row, INDICATOR, indicator.name());
            styles.text(row, INDICATOR_UNIT, indicator.unit());
            styles.number(row, BASELINE, indicator.baseline());
            styles.number(row, TARGET, indicator.target());
            styles.text(row, DIRECTION, indicator.direction().label());
        }
    }
}
