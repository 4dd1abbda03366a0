package org.gongjian.report.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitView;
import org.gongjian.report.FiledReports;
import org.gongjian.report.ReportView;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.XlsxStyles;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.gongjian.report.workbook.ReportWorkbook.*;

/**
 * The unit's fill-in workbook for one period: its leaf tasks that run in the period, one row per indicator,
 * pre-filled from this period's draft or else the task's last report, so a liaison only changes what changed.
 */
@Service
@Transactional(readOnly = true)
public class ReportWorkbookTemplate {

    private static final int[] WIDTHS = {10, 32, 18, 9, 10, 11, 12, 44, 32, 32, 30, 40};

    private final CampaignService campaigns;
    private final TaskService tasks;
    private final OrgService org;
    private final FiledReports reports;
    private final Clock clock;

    ReportWorkbookTemplate(CampaignService campaigns, TaskService tasks, OrgService org, FiledReports reports, Clock clock) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.org = org;
        this.reports = reports;
        this.clock = clock;
    }

    /** A built template: its bytes and the file name to offer. */
    public record File(String fileName, byte[] bytes) {}

    public File template(long campaignId, @Nullable String period, @Nullable Long unitId, DataScope scope) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        ReportingPeriod chosen = period(campaign, period);
        UnitView unit = unit(unitId, scope);
        List<TaskView> led = dueIn(campaignId, unit.id(), chosen, scope);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(SHEET);
            styles.header(sheet);
            int next = 1;
            for (TaskView task : led) {
                next = write(sheet, styles, next, task, chosen);
            }
            notes(workbook.createSheet(NOTES_SHEET), styles, campaign, unit, chosen);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return new File("进度报送-" + chosen.displayName() + "-" + unit.name() + ".xlsx", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The period asked for, or the one a liaison most likely means: last period until its deadline, then this one. */
    ReportingPeriod period(CampaignView campaign, @Nullable String label) {
        if (label != null && !label.isBlank()) {
            return ReportingPeriod.parse(label, campaign);
        }
        return suggested(campaign, LocalDate.now(clock));
    }

    static ReportingPeriod suggested(CampaignView campaign, LocalDate today) {
        ReportingPeriod current = ReportingPeriod.containing(today, campaign);
        ReportingPeriod previous = current.previous();
        return !today.isAfter(previous.deadline()) && !previous.end().isBefore(campaign.startDate()) ? previous : current;
    }

    /** The unit asked for (within the scope, else 404), or the caller's own. */
    UnitView unit(@Nullable Long unitId, DataScope scope) {
        Long id = unitId != null ? unitId : scope.unitId();
        if (id == null) {
            throw InvalidInput.of("unitId", "请选择填报单位");
        }
        return org.unit(id, scope);
    }

    /** The unit's own leaf tasks (a decomposed task is reported through its subtasks) that run in the period. */
    List<TaskView> dueIn(long campaignId, long unitId, ReportingPeriod period, DataScope scope) {
        return tasks.tasksLedBy(campaignId, unitId, scope).stream()
                .filter(t -> t.subtaskCount() == 0 && runsIn(t, period)).toList();
    }

    static boolean runsIn(TaskView task, ReportingPeriod period) {
        return !period.end().isBefore(task.startDate()) && !period.start().isAfter(task.dueDate());
    }

    private int write(Sheet sheet, Styles styles, int next, TaskView task, ReportingPeriod period) {
        Optional<FiledReports.Filed> current = reports.current(task.id(), period.label());
        if (current.isPresent() && !current.get().status().editable()) {
            return next; // already submitted or approved: nothing left to fill in, and the file stays importable
        }
        Optional<FiledReports.Filed> earlier = reports.latestBefore(task.id(), period.previous().label());
        FiledReports.Filed source = current.or(() -> earlier).orElse(null);
        List<ReportView.IndicatorValue> values = source == null ? List.of() : reports.values(source.id());
        List<ReportView.IndicatorValue> previous = earlier.map(r -> reports.values(r.id())).orElse(List.of());
        List<Long> done = current.map(r -> reports.milestones(r.id()).stream().map(ReportView.MilestoneDone::milestoneId)
                .toList()).orElse(List.of());
        int rows = Math.max(1, task.indicators().size());
        for (int i = 0; i < rows; i++) {
            Row row = sheet.createRow(next++);
            styles.text(row, TASK_ID, String.valueOf(task.id()), false);
            styles.text(row, TASK_TITLE, task.title(), false);
            if (!task.indicators().isEmpty()) {
                TaskView.IndicatorView indicator = task.indicators().get(i);
                styles.text(row, INDICATOR, indicator.name(), false);
                styles.text(row, UNIT, indicator.unit(), false);
                styles.number(row, TARGET, indicator.target(), false);
                BigDecimal before = valueOf(previous, indicator.id());
                styles.number(row, PREVIOUS, before != null ? before : indicator.actual(), false);
                styles.number(row, VALUE, valueOf(values, indicator.id()), true);
            } else {
                styles.blankInput(row, VALUE);
            }
            if (i == 0) {
                styles.text(row, PROGRESS, source == null ? null : source.progressText(), true);
                styles.text(row, PROBLEMS, source == null ? null : source.problems(), true);
                styles.text(row, NEXT_STEPS, source == null ? null : source.nextSteps(), true);
                styles.text(row, MILESTONES, task.milestones().stream().filter(m -> done.contains(m.id()))
                        .map(m -> milestoneLabel(m.title())).collect(Collectors.joining("；")), true);
                styles.text(row, NOTE, task.milestones().stream()
                        .filter(m -> m.doneDate() == null && !done.contains(m.id()))
                        .map(m -> milestoneLabel(m.title()) + "（" + m.dueDate() + "）")
                        .collect(Collectors.joining("；")), false);
            } else {
                for (int column : List.of(PROGRESS, PROBLEMS, NEXT_STEPS, MILESTONES)) {
                    styles.blankInput(row, column);
                }
            }
        }
        return next;
    }

    private static @Nullable BigDecimal valueOf(List<ReportView.IndicatorValue> values, long indicatorId) {
        return values.stream().filter(v -> v.indicatorId() == indicatorId).map(ReportView.IndicatorValue::value)
                .findFirst().orElse(null);
    }

    private static void notes(Sheet sheet, Styles styles, CampaignView campaign, UnitView unit, ReportingPeriod period) {
        Row title = sheet.createRow(0);
        styles.text(title, 0, campaign.name() + " · " + unit.name() + " · " + period.displayName() + "进度报送", false);
        Row deadline = sheet.createRow(1);
        styles.text(deadline, 0, "报送截止日期：" + period.deadline() + "。在“" + SHEET
                + "”工作表的浅黄色列中填写后上传；整个文件全部校验通过才会保存，有任何错误则不保存任何数据。"
                + "本期报告已提交或已通过的任务不在表中。", false);
        Row header = sheet.createRow(3);
        styles.headerCell(header, 0, "列");
        styles.headerCell(header, 1, "填写说明");
        List<String> columns = new java.util.ArrayList<>(COLUMNS);
        columns.add(NOTE_COLUMN);
        for (int i = 0; i < columns.size(); i++) {
            Row row = sheet.createRow(4 + i);
            styles.text(row, 0, columns.get(i), false);
            styles.text(row, 1, COLUMN_HELP.get(i), false);
        }
        sheet.setColumnWidth(0, 18 * 256);
        sheet.setColumnWidth(1, 100 * 256);
    }

    /**
     * A bold frozen header, column widths, the columns to fill lightly shaded, numbers shown exactly (up to the 4
     * decimals the database keeps) and text that Excel would take for a formula quote-prefixed so it stays text.
     */
    private static final class Styles {
        private final XlsxStyles shared;
        private final CellStyle input;
        private final CellStyle inertInput;
        /** General format: whatever the liaison types is read back exactly, not rounded to a display format. */
        private final CellStyle inputNumber;

        Styles(XSSFWorkbook workbook) {
            var formats = workbook.createDataFormat();
            shared = new XlsxStyles(workbook);
            XSSFColor shade = new XSSFColor(new byte[] {(byte) 0xFF, (byte) 0xF8, (byte) 0xDC}, null);
            input = shaded(workbook, shade);
            input.setDataFormat(formats.getFormat("@"));
            inertInput = shaded(workbook, shade);
            inertInput.setDataFormat(formats.getFormat("@"));
            inertInput.setQuotePrefixed(true);
            inputNumber = shaded(workbook, shade);
        }

        private static XSSFCellStyle shaded(XSSFWorkbook workbook, XSSFColor color) {
            XSSFCellStyle style = workbook.createCellStyle();
            style.setFillForegroundColor(color);
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
        }

        void header(Sheet sheet) {
            Row row = sheet.createRow(0);
            List<String> columns = new java.util.ArrayList<>(COLUMNS);
            columns.add(NOTE_COLUMN);
            for (int i = 0; i < columns.size(); i++) {
                headerCell(row, i, columns.get(i));
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(2, 1);
            // Rows typed below the list keep the input look and formats.
            sheet.setDefaultColumnStyle(VALUE, inputNumber);
            for (int column : List.of(PROGRESS, PROBLEMS, NEXT_STEPS, MILESTONES)) {
                sheet.setDefaultColumnStyle(column, input);
            }
            sheet.setDefaultColumnStyle(TASK_ID, shared.text());
        }

        void headerCell(Row row, int column, String value) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(shared.header());
        }

        void text(Row row, int column, @Nullable String value, boolean forInput) {
            Cell cell = row.createCell(column);
            String v = value == null ? "" : value;
            // OWASP CSV injection: = + - @ tab CR start a formula; quote-prefixed, the text stays exactly as typed.
            cell.setCellStyle(forInput ? (XlsxStyles.looksLikeFormula(v) ? inertInput : input) : shared.text(v));
            if (!v.isEmpty()) {
                cell.setCellValue(v);
            }
        }

        void number(Row row, int column, @Nullable BigDecimal value, boolean forInput) {
            Cell cell = row.createCell(column);
            if (forInput) {
                cell.setCellStyle(inputNumber);
            }
            if (value == null) {
                return;
            }
            cell.setCellValue(value.doubleValue());
            if (!forInput) {
                cell.setCellStyle(shared.number(value));
            }
        }

        void blankInput(Row row, int column) {
            row.createCell(column).setCellStyle(column == VALUE ? inputNumber : input);
        }
    }
}
