package org.gongjian.campaign.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Direction;
import org.jspecify.annotations.Nullable;

/**
 * The blank task-list template of one campaign: sheet 攻坚清单 with drop-downs for 领域, 牵头单位, 包保领导 and
 * 指标方向, fed from named ranges on a hidden sheet {@code lists} (an inline list can't pass 255 characters); a
 * 说明 sheet documents every column. The export writes the same 说明 sheet.
 */
final class TaskTemplate {

    /** Beyond this many units a drop-down stops helping; the column then takes typed names or codes. */
    static final int MAX_LISTED_UNITS = 20_000;

    private TaskTemplate() {
    }

    static byte[] write(CampaignView campaign, List<String> units, List<String> leaders) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TaskWorkbookStyles styles = new TaskWorkbookStyles(workbook);
            Sheet tasks = workbook.createSheet(TaskWorkbook.SHEET);
            styles.header(tasks, TaskWorkbook.COLUMNS);
            styles.columnFormats(tasks);
            notes(workbook.createSheet(TaskWorkbook.NOTES_SHEET), campaign, styles);
            Sheet lists = workbook.createSheet(TaskWorkbook.LISTS_SHEET);
            List<String> directions = java.util.Arrays.stream(Direction.values()).map(Direction::label).toList();
            dropDown(tasks, TaskWorkbook.CATEGORY, list(lists, 0, "categories", campaign.categories()), true);
            dropDown(tasks, TaskWorkbook.LEAD_UNIT, list(lists, 1, "leadUnits", units), false);
            dropDown(tasks, TaskWorkbook.LEAD_LEADER, list(lists, 2, "leaders", leaders), false);
            dropDown(tasks, TaskWorkbook.DIRECTION, list(lists, 3, "directions", directions), true);
            workbook.setSheetVisibility(workbook.getSheetIndex(lists), SheetVisibility.HIDDEN);
            workbook.setActiveSheet(0);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code values} down one column of the lists sheet and names the range; null when there are none. */
    private static @Nullable String list(Sheet lists, int column, String name, List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        for (int i = 0; i < values.size(); i++) {
            Row row = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
            row.createCell(column).setCellValue(values.get(i));
        }
        Name range = lists.getWorkbook().createName();
        range.setNameName(name);
        String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(column);
        range.setRefersToFormula(TaskWorkbook.LISTS_SHEET + "!$" + letter + "$1:$" + letter + "$" + values.size());
        return name;
    }

    /** Strict lists refuse other values; the others warn but let a user type "名称（编码）" or a code. */
    private static void dropDown(Sheet sheet, int column, @Nullable String rangeName,
                                 boolean strict) {
        if (rangeName == null) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint = helper.createFormulaListConstraint(rangeName);
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(1, TaskWorkbook.MAX_ROWS, column, column));
        validation.setErrorStyle(strict ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
        validation.setShowErrorBox(true);
        validation.createErrorBox("不在列表中", "请从下拉列表中选择");
        validation.createPromptBox(TaskWorkbook.COLUMNS.get(column), TaskWorkbook.COLUMN_HELP.get(column));
        validation.setShowPromptBox(true);
        sheet.addValidationData(validation);
    }

    /** The 说明 sheet: how to fill the list, and what each column takes. */
    static void notes(Sheet sheet, CampaignView campaign, TaskWorkbookStyles styles) {
        List<String> lines = List.of(
                "攻坚清单导入说明 — " + campaign.name() + "（" + campaign.startDate() + " 至 " + campaign.endDate() + "）",
                "1. 在“" + TaskWorkbook.SHEET + "”工作表中每行填写一项任务，不要修改第一行表头，一次最多 "
                        + TaskWorkbook.MAX_ROWS + " 行。",
                "2. 整个文件全部校验通过才会导入；有任何错误则不导入任何数据，并列出每处错误所在的行和列。",
                "3. 分解任务：在“上级序号”中填写上级任务那一行的序号，上级任务须排在前面；一个文件可以同时包含任务及其分解。",
                "4. 一个任务有多个指标时，在该任务的下一行只填写指标名称、计量单位、基期值、目标值、指标方向，其余列留空。",
                "5. 单位按名称填写；有重名单位时写成“名称（编码）”，也可直接填单位编码。配合单位可填多个，用顿号“、”分隔。",
                "6. 导出的清单可修改后导入到其他攻坚行动；导出文件末尾的“亮灯”“进度(%)”两列导入时不读取。",
                "本攻坚行动的领域：" + String.join("、", campaign.categories()));
        int r = 0;
        for (String line : lines) {
            sheet.createRow(r++).createCell(0).setCellValue(line);
        }
        r++;
        Row head = sheet.createRow(r++);
        head.createCell(0).setCellValue("列");
        head.createCell(1).setCellValue("填写说明");
        head.getCell(0).setCellStyle(styles.headerStyle());
        head.getCell(1).setCellStyle(styles.headerStyle());
        for (int i = 0; i < TaskWorkbook.COLUMNS.size(); i++) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(TaskWorkbook.COLUMNS.get(i));
            row.createCell(1).setCellValue(TaskWorkbook.COLUMN_HELP.get(i));
        }
        for (String exportOnly : TaskWorkbook.EXPORT_ONLY) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(exportOnly);
            row.createCell(1).setCellValue("仅导出时填写，导入时忽略");
        }
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 100 * 256);
    }
}
