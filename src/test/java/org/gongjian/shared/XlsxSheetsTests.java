package org.gongjian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
    }

    /** A file declaring two billion shared strings while holding a few is read by what it holds (it was an 8 GB array). */
    @Test
    void aDeclaredSharedStringCountDoesNotSizeAnything() throws IOException {
        byte[] honest = bytes(new XSSFWorkbook());
        ByteArrayOutputStream crafted = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(honest));
             var out = new java.util.zip.ZipOutputStream(crafted)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(xml).contains("uniqueCount=");
                    content = xml.replaceFirst("uniqueCount=\"\\d+\"", "uniqueCount=\"2000000000\"")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        assertThat(cells(crafted.toByteArray())).isEqualTo(EXPECTED);
    }

    @Test
    void decodesEscapesOnly() {
        assertThat(XlsxCellText.decode("a_x000D_b_x0041_")).isEqualTo("a\rbA");
        assertThat(XlsxCellText.decode("_x12_ plain_x")).isEqualTo("_x12_ plain_x");
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
