package org.gongjian.shared;

import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles every workbook we write shares: a bold grey header, text cells, numbers shown exactly (up to the
 * 4 decimals the database keeps), and text that Excel would take for a formula marked quote-prefixed so it stays
 * text (OWASP CSV injection: = + - @ tab CR start a formula).
 */
public final class XlsxStyles {

    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle inertText;
    private final CellStyle[] numbers = new CellStyle[5];

    public XlsxStyles(Workbook workbook) {
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
        for (int decimals = 0; decimals < numbers.length; decimals++) {
            numbers[decimals] = workbook.createCellStyle();
            numbers[decimals].setDataFormat(formats.getFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals)));
        }
    }

    public CellStyle header() {
        return header;
    }

    /** Text format, for a column's default style. */
    public CellStyle text() {
        return text;
    }

    /** Text format for this value; quote-prefixed when it looks like a formula, so it stays exactly as typed. */
    public CellStyle text(String value) {
        return looksLikeFormula(value) ? inertText : text;
    }

    /** A number format with as many decimals as the value has (at most 4). */
    public CellStyle number(BigDecimal value) {
        int decimals = Math.max(0, Math.min(value.stripTrailingZeros().scale(), numbers.length - 1));
        return numbers[decimals];
    }

    public static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }
}
