package org.gongjian.shared;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads named sheets of an uploaded xlsx as rows of trimmed text, streaming: memory stays flat and reading stops
 * as soon as a sheet passes its row limit, so a small file that unpacks into a million rows is refused cheaply.
 * Dates come out as ISO (2024-03-01); long whole numbers (12-digit division codes) keep all their digits;
 * formulas give their cached value, never a formula.
 */
public final class XlsxSheets {

    static {
        // Zip-bomb guards: refuse entries that inflate more than 100x or beyond 50 MB.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(50L * 1024 * 1024);
    }

    private XlsxSheets() {
    }

    /** One data row: its 1-based row number as Excel shows it, and its cells. */
    public record SheetRow(int number, List<String> cells) {
        public String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }
    }

    /** A sheet as read: its header row and data rows (blank rows skipped), or that it ran past the limit. */
    public record Sheet(List<String> header, List<SheetRow> rows, boolean tooManyRows) {}

    /**
     * @return sheets by name; a requested sheet that is absent from the file is absent from the map
     * @throws InvalidInput when the file is not a readable xlsx
     */
    public static Map<String, Sheet> read(InputStream in, Map<String, Integer> columnsBySheet, int maxRows) {
        Map<String, Sheet> result = new HashMap<>();
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = new XlsxCellText.Shared(new ReadOnlySharedStringsTable(pkg));
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    Integer columns = columnsBySheet.get(name);
                    if (columns != null) {
                        result.put(name, readSheet(sheet, reader, strings, columns, maxRows));
                    }
                }
            }
            return result;
        } catch (InvalidInput e) {
            throw e;
        } catch (Exception e) {
            // POI reports corrupt archives, zip bombs and non-xlsx content with assorted exceptions.
            throw InvalidInput.of("file", "文件无法读取：请上传由模板填写的 .xlsx 文件（文件可能已损坏或格式不对）");
        }
    }

    /**
     * Reads one sheet whose header must equal {@code columns}; refuses a file without the sheet, with more than
     * {@code maxRows} rows, with another header, or without rows. {@code template} names what the user downloaded
     * (模板, 填报表) in the messages.
     */
    public static List<SheetRow> readRows(InputStream in, String sheetName, List<String> columns, int maxRows,
                                          String template) {
        Sheet sheet = read(in, Map.of(sheetName, columns.size()), maxRows).get(sheetName);
        if (sheet == null) {
            throw InvalidInput.of("file", "文件中没有名为“" + sheetName + "”的工作表，请使用下载的" + template);
        }
        if (sheet.tooManyRows()) {
            throw InvalidInput.of("file", "工作表“" + sheetName + "”超过 " + maxRows + " 行，请分批导入");
        }
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String actual = i < sheet.header().size() ? sheet.header().get(i) : "";
            if (!columns.get(i).equals(actual)) {
                problems.add(new InvalidInput.FieldProblem(columns.get(i), 1,
                        "第" + (i + 1) + "列表头应为“" + columns.get(i) + "”，实际为“" + actual + "”"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput("表头与" + template + "不一致，请使用下载的" + template, problems);
        }
        if (sheet.rows().isEmpty()) {
            throw InvalidInput.of("file", "文件中没有数据行");
        }
        return sheet.rows();
    }

    /** Compiled once: String.matches compiled it for every number cell (33 of 266 JFR samples of a 10,000-row import). */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * A number as a cell shows it: 1,200 (grouping), 95% (the percent sign dropped: the unit column says %),
     * full-width digits are not accepted. Empty when the text is not a number.
     */
    public static Optional<BigDecimal> parseNumber(String text) {
        String t = text.trim().replace(",", "").replace("，", "");
        if (t.endsWith("%") || t.endsWith("％")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        if (t.isEmpty() || !NUMBER.matcher(t).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Sheet readSheet(InputStream sheet, XSSFReader reader, SharedStrings strings,
                                   int columns, int maxRows)
            throws IOException, SAXException, ParserConfigurationException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        RowCollector collector = new RowCollector(columns, maxRows);
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XlsxCellText.InlineCells(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                strings, collector, new IsoDates(), false), collector));
        try {
            parser.parse(new InputSource(sheet));
        } catch (TooManyRows e) {
            return new Sheet(collector.header, List.of(), true);
        }
        return new Sheet(collector.header, collector.rows, false);
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int columns;
        private final int maxRows;
        private final List<SheetRow> rows = new ArrayList<>();
        private List<String> header = List.of();
        private @Nullable List<String> current;
        private int rowNumber;

        RowCollector(int columns, int maxRows) {
            this.columns = columns;
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum > maxRows) {
                throw new TooManyRows();
            }
            rowNumber = rowNum;
            current = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                current.add("");
            }
        }

        @Override
        public void endRow(int rowNum) {
            List<String> cells = current;
            if (cells == null) {
                return;
            }
            if (rowNum == 0) {
                header = cells;
            } else if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                rows.add(new SheetRow(rowNum + 1, cells));
            }
            current = null;
        }

        @Override
        public void cell(@Nullable String reference, @Nullable String value, @Nullable XSSFComment comment) {
            if (current == null || reference == null || value == null) {
                return;
            }
            int column = column(reference);
            if (column >= 0 && column < columns) {
                current.set(column, value.trim());
            }
        }
    }

    /**
     * The 0-based column of a cell reference such as "AB12" (POI's CellReference parses it with regexes); -1 past the
     * last column a sheet can have (XFD), so a crafted "AAAAAAAB1" cannot wrap round onto a real column.
     */
    static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            if (column > LAST_COLUMN) {
                return -1;
            }
        }
        return column - 1;
    }

    /** XFD, 16,384 columns. */
    private static final int LAST_COLUMN = 16_384;

    /** Formats date cells as ISO dates and whole numbers without exponent, whatever the cell format says. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, @Nullable String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value).toLocalDate();
                return date.toString();
            }
            String shown = super.formatRawCellContents(value, formatIndex, formatString);
            if (shown.contains("E")) {
                BigDecimal exact = BigDecimal.valueOf(value);
                if (exact.stripTrailingZeros().scale() <= 0) {
                    return exact.toBigInteger().toString();
                }
            }
            return shown;
        }
    }
}
