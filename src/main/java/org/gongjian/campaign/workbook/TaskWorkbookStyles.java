package org.gongjian.campaign.workbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.gongjian.shared.XlsxStyles;

/**
 * Cell styles and value writing shared by the template and the export: the {@link XlsxStyles} every workbook
 * shares, plus a frozen header with this workbook's column widths and dates as dates.
 */
final class TaskWorkbookStyles {

    private static final int[] WIDTHS = {8, 10, 40, 14, 22, 28, 18, 8, 12, 12, 22, 10, 12, 12, 12, 50, 50, 9, 10};

    private final XlsxStyles shared;
    private final CellStyle date;

    TaskWorkbookStyles(Workbook workbook) {
        shared = new XlsxStyles(workbook);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    }

    /** The header row, frozen, with column widths; text columns (序号) formatted as text so "1.10" stays "1.10". */
    void header(Sheet sheet, List<String> columns) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns.get(i));
            cell.setCellStyle(shared.header());
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** Default formats of the blank template's columns, so typed keys stay text and typed dates show as dates. */
    void columnFormats(Sheet sheet) {
        sheet.setDefaultColumnStyle(TaskWorkbook.KEY, shared.text());
        sheet.setDefaultColumnStyle(TaskWorkbook.PARENT_KEY, shared.text());
        sheet.setDefaultColumnStyle(TaskWorkbook.START_DATE, date);
        sheet.setDefaultColumnStyle(TaskWorkbook.DUE_DATE, date);
    }

    CellStyle headerStyle() {
        return shared.header();
    }

    void text(Row row, int column, String value) {
        if (value.isEmpty()) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(shared.text(value));
    }

    void number(Row row, int column, BigDecimal value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(shared.number(value));
    }

    void date(Row row, int column, LocalDate value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(date);
    }
}
