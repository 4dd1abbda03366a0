package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Cell styles and value writing shared by the template and the export: a bold frozen header, column widths,
 * dates as dates, numbers as numbers shown exactly (up to the 4 decimals the database keeps), and text that
 * Excel would take for a formula marked quote-prefixed so it stays text.
 */
final class TaskWorkbookStyles {

    private static final int[] WIDTHS = {8, 10, 40, 14, 22, 28, 18, 8, 12, 12, 22, 10, 12, 12, 12, 50, 50, 9, 10};

    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle inertText;
    private final CellStyle date;
    private final CellStyle[] numbers = new CellStyle[5];

    TaskWorkbookStyles(Workbook workbook) {
        var formats = workbook.createDataFormat();
        header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = workbook.createCellStyle();
        text.setDataFormat(formats.getFormat("@"));
        inertText = workbook.createCellStyle();
        inertText.setDataFormat(formats.getFormat("@"));
        inertText.setQuotePrefixed(true);
        date = workbook.createCellStyle();
        date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
        for (int decimals = 0; decimals < numbers.length; decimals++) {
            numbers[decimals] = workbook.createCellStyle();
            numbers[decimals].setDataFormat(formats.getFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals)));
        }
    }

    /** The header row, frozen, with column widths; text columns (序号) formatted as text so "1.10" stays "1.10". */
    void header(Sheet sheet, List<String> columns) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns.get(i));
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** Default formats of the blank template's columns, so typed keys stay text and typed dates show as dates. */
    void columnFormats(Sheet sheet) {
        sheet.setDefaultColumnStyle(TaskWorkbook.KEY, text);
        sheet.setDefaultColumnStyle(TaskWorkbook.PARENT_KEY, text);
        sheet.setDefaultColumnStyle(TaskWorkbook.START_DATE, date);
        sheet.setDefaultColumnStyle(TaskWorkbook.DUE_DATE, date);
    }

    CellStyle headerStyle() {
        return header;
    }

    void text(Row row, int column, String value) {
        if (value.isEmpty()) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        // OWASP CSV injection: = + - @ tab CR start a formula; quote-prefixed, the text stays exactly as typed.
        cell.setCellStyle(TaskWorkbook.looksLikeFormula(value) ? inertText : text);
    }

    void number(Row row, int column, BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        int decimals = Math.max(0, Math.min(plain.scale(), numbers.length - 1));
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(numbers[decimals]);
    }

    void date(Row row, int column, LocalDate value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(date);
    }
}
