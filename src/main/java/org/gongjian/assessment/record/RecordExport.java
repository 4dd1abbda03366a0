package org.gongjian.assessment.record;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A cadre's record as xlsx for cadre evaluation, streaming (SXSSF): sheet 实绩档案 with 日期, 类别, 事项, 结果/得分, 来源.
 * Text a spreadsheet would take for a formula (= + - @ tab CR) gets the quote-prefix style and stays inert.
 */
final class RecordExport {

    static final String SHEET = "实绩档案";
    static final String[] COLUMNS = {"日期", "类别", "事项", "结果/得分", "来源"};
    private static final int ROWS_IN_MEMORY = 200;

    private RecordExport() {
    }

    static String fileName(CadreRecord r) {
        return "实绩档案-" + r.name() + (r.year() == null ? "" : "-" + r.year()) + ".xlsx";
    }

    static void write(CadreRecord r, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        workbook.setCompressTempFiles(true);
        try {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle inert = workbook.createCellStyle();
            inert.setQuotePrefixed(true);
            Sheet sheet = workbook.createSheet(SHEET);
            Row head = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.length; i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(COLUMNS[i]);
                cell.setCellStyle(header);
            }
            int n = 1;
            for (RecordEntry e : r.entries()) {
                Row row = sheet.createRow(n++);
                text(row, 0, e.date().toString(), inert);
                text(row, 1, e.kindLabel(), inert);
                text(row, 2, e.text(), inert);
                text(row, 3, e.result(), inert);
                text(row, 4, e.source(), inert);
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static void text(Row row, int column, String value, CellStyle inert) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (looksLikeFormula(value)) {
            cell.setCellStyle(inert);
        }
    }

    /** OWASP CSV injection: these first characters start a formula in a spreadsheet. */
    static boolean looksLikeFormula(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }
}
