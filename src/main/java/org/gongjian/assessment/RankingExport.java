package org.gongjian.assessment;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A ranking snapshot as xlsx, streaming (SXSSF): the ranking, then every breakdown item the reader may see. Text that
 * a spreadsheet would take for a formula (= + - @ tab CR) gets the quote-prefix style and stays inert text.
 */
final class RankingExport {

    static final String RANKING_SHEET = "排名";
    static final String BREAKDOWN_SHEET = "得分明细";
    private static final int ROWS_IN_MEMORY = 200;

    private RankingExport() {
    }

    static String fileName(RankingView r) {
        return "考核排名-" + r.periodName() + "-" + r.group().label() + "-v" + r.version() + ".xlsx";
    }

    static void write(RankingView r, String campaignName, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        workbook.setCompressTempFiles(true);
        try {
            Styles styles = new Styles(workbook);
            Sheet ranking = workbook.createSheet(RANKING_SHEET);
            int n = 0;
            styles.text(ranking.createRow(n++), 0, campaignName + " " + r.periodName() + " " + r.group().label() + "考核排名");
            Row info = ranking.createRow(n++);
            styles.text(info, 0, "版本 " + r.version() + "（" + r.status().label() + "）");
            styles.text(info, 1, r.contentHash() == null ? "未发布" : "SHA-256 " + r.contentHash());
            n++;
            styles.header(ranking.createRow(n++), "名次", "单位", "总分", "完成情况", "及时性", "质量", "加分", "扣分");
            for (RankingView.Entry e : r.items()) {
                Row row = ranking.createRow(n++);
                row.createCell(0).setCellValue(e.rank());
                styles.text(row, 1, e.unitName());
                styles.number(row, 2, e.score());
                styles.number(row, 3, e.completion());
                styles.number(row, 4, e.timeliness());
                styles.number(row, 5, e.quality());
                styles.number(row, 6, e.bonus());
                styles.number(row, 7, e.deduction());
            }
            Sheet breakdown = workbook.createSheet(BREAKDOWN_SHEET);
            int m = 0;
            styles.header(breakdown.createRow(m++), "单位", "类别", "来源类型", "来源编号", "链接", "分值", "说明", "已撤销");
            for (RankingView.Entry e : r.items()) {
                for (RankingView.BreakdownItem item : e.breakdown()) {
                    Row row = breakdown.createRow(m++);
                    styles.text(row, 0, e.unitName());
                    styles.text(row, 1, categoryLabel(item.category()));
                    styles.text(row, 2, item.sourceType().name());
                    row.createCell(3).setCellValue(item.sourceId());
                    styles.text(row, 4, item.link());
                    styles.number(row, 5, item.points());
                    styles.text(row, 6, item.explanation());
                    styles.text(row, 7, item.waived() ? "是" : "");
                }
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    static String categoryLabel(ScoreItem.Category category) {
        switch (category) {
            case COMPLETION:
                return "完成情况";
            case TIMELINESS:
                return "及时性";
            case QUALITY:
                return "质量";
            case BONUS:
                return "加分";
            default:
                return "扣分";
        }
    }

    /** OWASP CSV injection: these first characters start a formula in a spreadsheet. */
    static boolean looksLikeFormula(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    private static final class Styles {
        private final CellStyle header;
        private final CellStyle inert;
        private final CellStyle number;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            inert = workbook.createCellStyle();
            inert.setQuotePrefixed(true);
            number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        }

        void header(Row row, String... titles) {
            for (int i = 0; i < titles.length; i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(titles[i]);
                cell.setCellStyle(header);
            }
        }

        void text(Row row, int column, String value) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            if (looksLikeFormula(value)) {
                cell.setCellStyle(inert);
            }
        }

        void number(Row row, int column, BigDecimal value) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(number);
        }
    }
}
