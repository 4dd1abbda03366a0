package org.gongjian.rectification;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gongjian.shared.XlsxStyles;

/**
 * The ledger (整改台账) as offices hand it in: one row per problem, columns 序号, 问题描述, 整改措施, 责任单位, 责任人,
 * 整改时限, 整改进展, 完成情况; several measures are numbered lines in one cell. The import reads the same layout.
 * Text a spreadsheet would take for a formula stays text (quote-prefixed).
 */
final class LedgerWorkbook {

    static final String SHEET = "整改台账";
    static final List<String> COLUMNS = List.of("序号", "问题描述", "整改措施", "责任单位", "责任人", "整改时限", "整改进展",
            "完成情况");
    private static final int ROWS_IN_MEMORY = 200;
    private static final int[] WIDTHS = {6, 40, 40, 14, 10, 12, 40, 24};

    private LedgerWorkbook() {
    }

    static void write(List<ProblemView> problems, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        workbook.setCompressTempFiles(true);
        try {
            XlsxStyles styles = new XlsxStyles(workbook);
            Sheet sheet = workbook.createSheet(SHEET);
            Row head = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(COLUMNS.get(i));
                cell.setCellStyle(styles.header());
                sheet.setColumnWidth(i, WIDTHS[i] * 256 * 2);
            }
            int n = 1;
            for (ProblemView p : problems) {
                Row row = sheet.createRow(n);
                List<MeasureView> ms = p.measures();
                text(row, 0, String.valueOf(n), styles);
                text(row, 1, p.description(), styles);
                text(row, 2, lines(ms, m -> m.description()), styles);
                text(row, 3, p.unitName(), styles);
                text(row, 4, ms.stream().map(MeasureView::ownerName).distinct().collect(Collectors.joining("、")), styles);
                text(row, 5, ms.stream().map(m -> m.deadline().toString()).distinct().collect(Collectors.joining("\n")), styles);
                text(row, 6, lines(ms, m -> m.latest() == null ? "—" : m.latest().text()), styles);
                text(row, 7, completion(p), styles);
                n++;
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** 完成情况: the state, measures done, and why it is red. */
    static String completion(ProblemView p) {
        String done = p.measures().isEmpty() ? "" : "（" + p.doneMeasures() + "/" + p.measures().size() + "项措施完成）";
        String state = p.status() == ProblemStatus.SIGNED_OFF ? "已销号" : p.statusLabel() + done;
        return p.red() ? state + "\n超期：" + String.join("；", p.redReasons()) : state;
    }

    private static String lines(List<MeasureView> measures, java.util.function.Function<MeasureView, String> text) {
        if (measures.size() == 1) {
            return text.apply(measures.get(0));
        }
        return IntStream.range(0, measures.size()).mapToObj(i -> (i + 1) + ". " + text.apply(measures.get(i)))
                .collect(Collectors.joining("\n"));
    }

    private static void text(Row row, int column, String value, XlsxStyles styles) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.text(value));
    }

    /** A measure cell's lines without their numbering ("1. ", "2、", "（3）"). */
    static List<String> measureLines(String cell) {
        return cell.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.replaceFirst("^[（(]?\\d+[)）.、．]\\s*", "")).filter(l -> !l.isEmpty()).toList();
    }

    static LocalDate parseDate(String text) {
        return LocalDate.parse(text.strip().replace('/', '-').replace('.', '-'));
    }
}
