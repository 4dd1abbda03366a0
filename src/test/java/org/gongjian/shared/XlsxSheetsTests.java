package org.gongjian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The same cells read the same whether the file keeps its text as shared strings (Excel, XSSF) or inline (SXSSF: our
 * exports, the load harness): runs joined, {@code _xHHHH_} escapes decoded, dates as ISO, long codes whole.
 */
class XlsxSheetsTests {

    private static final List<String> EXPECTED = List.of("任务一", "前半后半", "换行a\rb", "123456789012", "2026-03-31",
            "3.5", "两端空格");

    @Test
    void readsSharedAndInlineStringsAlike() throws IOException {
        assertThat(cells(bytes(new XSSFWorkbook()))).isEqualTo(EXPECTED);
        assertThat(cells(bytes(new SXSSFWorkbook()))).isEqualTo(EXPECTED);
    }

    @Test
    void columnsOfCellReferences() {
        assertThat(XlsxSheets.column("A1")).isZero();
        assertThat(XlsxSheets.column("Q20001")).isEqualTo(16);
        assertThat(XlsxSheets.column("AB12")).isEqualTo(27);
        assertThat(XlsxSheets.column("ab12")).isEqualTo(27);
        assertThat(XlsxSheets.column("12")).isEqualTo(-1);
        assertThat(XlsxSheets.column("XFD1")).isEqualTo(16_383);
        // past the last column: not wrapped round onto a real one
        assertThat(XlsxSheets.column("XFE1")).isEqualTo(-1);
        assertThat(XlsxSheets.column("AAAAAAAB1")).isEqualTo(-1);
        assertThat(XlsxSheets.column("ZZZZZZZZZZZZZZ1")).isEqualTo(-1);
        for (int column : new int[] {0, 25, 26, 27, 701, 702, 16_383}) {
            assertThat(XlsxSheets.column(XlsxCellText.columnLetters(column) + "7")).isEqualTo(column);
        }
        assertThat(XlsxCellText.columnLetters(27)).isEqualTo("AB");
    }

    /** A file declaring two billion shared strings while holding a few is read by what it holds (it was an 8 GB array). */
    @Test
    void aDeclaredSharedStringCountDoesNotSizeAnything() throws IOException {
        byte[] honest = bytes(new XSSFWorkbook());
        String strings = entry(honest, "xl/sharedStrings.xml");
        assertThat(strings).contains("uniqueCount=");
        byte[] crafted = replaceEntry(honest, "xl/sharedStrings.xml",
                strings.replaceFirst("uniqueCount=\"\\d+\"", "uniqueCount=\"2000000000\""));
        assertThat(cells(crafted)).isEqualTo(EXPECTED);
    }

    /**
     * OOXML lets a writer leave out a row's and a cell's {@code r}: the row is the one after the last, the cell the
     * column after the last. Such cells were dropped (shared strings and numbers) or read with the previous cell's type
     * (inline strings); an inline string written as {@code <v>} read empty, and a phonetic guide ({@code rPh}) was
     * read as part of the text.
     */
    @Test
    void cellsAndRowsWithoutReferencesTakeTheNextPlace() throws IOException {
        String sheet = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row><c t="inlineStr"><is><t>列0</t></is></c><c t="inlineStr"><is><t>列1</t></is></c>                <c t="inlineStr"><is><t>列2</t></is></c><c t="inlineStr"><is><t>列3</t></is></c></row>
                <row><c><v>42</v></c><c t="inlineStr"><is><t>乙</t></is></c><c t="inlineStr"><v>值在v里</v></c>                <c t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c></row>
                <row r="5"><c r="C5" t="inlineStr"><is><t>跳到C</t></is></c><c><v>7</v></c></row>
                <row><c t="inlineStr"><is><r><t>第</t></r><r><t>六行</t></r></is></c></row>
                </sheetData></worksheet>""";
        byte[] xlsx = replaceEntry(bytes(new XSSFWorkbook()), "xl/worksheets/sheet1.xml", sheet);
        XlsxSheets.Sheet read = XlsxSheets.read(new ByteArrayInputStream(xlsx), Map.of("表", 4), 10).get("表");
        assertThat(read.header()).containsExactly("列0", "列1", "列2", "列3");
        assertThat(read.rows()).extracting(XlsxSheets.SheetRow::number).containsExactly(2, 5, 6);
        assertThat(read.rows().get(0).cells()).containsExactly("42", "乙", "值在v里", "漢字");
        assertThat(read.rows().get(1).cells()).containsExactly("", "", "跳到C", "7");
        assertThat(read.rows().get(2).cells()).containsExactly("第六行", "", "", "");
    }

    @Test
    void decodesEscapesOnly() {
        assertThat(XlsxCellText.decode("a_x000D_b_x0041_")).isEqualTo("a\rbA");
        assertThat(XlsxCellText.decode("_x12_ plain_x")).isEqualTo("_x12_ plain_x");
    }

    private static String entry(byte[] xlsx, String name) throws IOException {
        try (var in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name);
    }

    /** The same package with one part's XML replaced. */
    private static byte[] replaceEntry(byte[] xlsx, String name, String xml) throws IOException {
        ByteArrayOutputStream crafted = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(xlsx)); var out = new ZipOutputStream(crafted)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals(name) ? xml.getBytes(StandardCharsets.UTF_8) : content);
                out.closeEntry();
            }
        }
        return crafted.toByteArray();
    }

    private static List<String> cells(byte[] xlsx) {
        return XlsxSheets.read(new ByteArrayInputStream(xlsx), Map.of("表", EXPECTED.size()), 10).get("表").rows()
                .get(0).cells();
    }

    private static byte[] bytes(Workbook book) throws IOException {
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CreationHelper helper = book.getCreationHelper();
            Sheet sheet = book.createSheet("表");
            Row header = sheet.createRow(0);
            for (int i = 0; i < EXPECTED.size(); i++) {
                header.createCell(i).setCellValue("列" + i);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("任务一");
            RichTextString rich = helper.createRichTextString("前半后半");
            Font bold = book.createFont();
            bold.setBold(true);
            rich.applyFont(0, 2, bold);
            row.createCell(1).setCellValue(rich);
            row.createCell(2).setCellValue("换行a_x000D_b");
            row.createCell(3).setCellValue(123456789012d);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            row.createCell(4).setCellValue(LocalDate.of(2026, 3, 31));
            row.getCell(4).setCellStyle(date);
            row.createCell(5).setCellValue(3.5);
            row.createCell(6).setCellValue("  两端空格 ");
            book.write(out);
            if (book instanceof SXSSFWorkbook streaming) {
                streaming.dispose();
            }
            return out.toByteArray();
        }
    }
}
