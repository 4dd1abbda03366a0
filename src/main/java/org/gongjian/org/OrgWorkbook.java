package org.gongjian.org;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.XlsxSheets;
import org.gongjian.shared.XlsxSheets.SheetRow;
import org.jspecify.annotations.Nullable;

/**
 * The org import workbook: sheet 单位 (编码, 名称, 类型, 上级编码) and sheet 干部 (姓名, 性别, 单位编码, 职务, 是否副职,
 * 任职时间). Reading only turns cells into text rows; the rules live in {@link OrgImporter}.
 */
final class OrgWorkbook {

    static final String UNIT_SHEET = "单位";
    static final String PERSON_SHEET = "干部";
    static final List<String> UNIT_COLUMNS = List.of("编码", "名称", "类型", "上级编码");
    static final List<String> PERSON_COLUMNS = List.of("姓名", "性别", "单位编码", "职务", "是否副职", "任职时间");
    static final int MAX_ROWS = 20_000;

    private OrgWorkbook() {
    }

    record Contents(List<SheetRow> units, List<SheetRow> people) {}

    static Contents read(InputStream in) {
        Map<String, XlsxSheets.Sheet> sheets = XlsxSheets.read(in,
                Map.of(UNIT_SHEET, UNIT_COLUMNS.size(), PERSON_SHEET, PERSON_COLUMNS.size()), MAX_ROWS);
        if (sheets.isEmpty()) {
            throw InvalidInput.of("file", "文件中没有名为“单位”或“干部”的工作表，请使用下载的模板");
        }
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        List<SheetRow> units = rows(UNIT_SHEET, sheets.get(UNIT_SHEET), UNIT_COLUMNS, problems);
        List<SheetRow> people = rows(PERSON_SHEET, sheets.get(PERSON_SHEET), PERSON_COLUMNS, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).row() == null ? problems.get(0).message() : "表头与模板不一致", problems);
        }
        return new Contents(units, people);
    }

    private static List<SheetRow> rows(String name, XlsxSheets.@Nullable Sheet sheet, List<String> columns,
                                       List<InvalidInput.FieldProblem> problems) {
        if (sheet == null) {
            return List.of();
        }
        if (sheet.tooManyRows()) {
            problems.add(new InvalidInput.FieldProblem(name, null, "工作表“" + name + "”超过 " + MAX_ROWS + " 行，请分批导入"));
            return List.of();
        }
        for (int i = 0; i < columns.size(); i++) {
            String actual = i < sheet.header().size() ? sheet.header().get(i) : "";
            if (!columns.get(i).equals(actual)) {
                problems.add(new InvalidInput.FieldProblem(name + "!" + columns.get(i), 1,
                        "第" + (i + 1) + "列表头应为“" + columns.get(i) + "”，实际为“" + actual + "”"));
            }
        }
        return sheet.rows();
    }

    /** Dates as people type them: 2024-03-01, 2024/3/1, 2024.3, 2024年3月. A month alone means its first day. */
    static @Nullable LocalDate parseDate(String text) {
        String t = text.trim().replace('/', '-').replace('.', '-').replace("年", "-").replace("月", "-")
                .replace("日", "");
        if (t.endsWith("-")) {
            t = t.substring(0, t.length() - 1);
        }
        String[] parts = t.split("-");
        try {
            if (parts.length == 3) {
                return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
            if (parts.length == 2) {
                return YearMonth.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])).atDay(1);
            }
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /** The blank template, with drop-downs for kinds and yes/no, so most typing errors can't happen. */
    static byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet units = sheetWithHeader(workbook, UNIT_SHEET, UNIT_COLUMNS);
            String[] kinds = java.util.Arrays.stream(UnitKind.values()).map(UnitKind::label).toArray(String[]::new);
            dropDown(units, 2, kinds);
            Sheet people = sheetWithHeader(workbook, PERSON_SHEET, PERSON_COLUMNS);
            dropDown(people, 1, new String[] {"男", "女"});
            dropDown(people, 4, new String[] {"是", "否"});
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Sheet sheetWithHeader(Workbook workbook, String name, List<String> columns) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        var style = workbook.createCellStyle();
        var font = workbook.createFont();
        font.setBold(true);
        style.setFont(font);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i));
            cell.setCellStyle(style);
            sheet.setColumnWidth(i, 18 * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void dropDown(Sheet sheet, int column, String[] values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        var validation = helper.createValidation(helper.createExplicitListConstraint(values),
                new CellRangeAddressList(1, 5000, column, column));
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }
}
