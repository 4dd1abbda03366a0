package org.gongjian.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.hssf.usermodel.HSSFRichTextString;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The text cells of a sheet without POI's rich-text objects: {@code XSSFSheetXMLHandler} builds an xmlbeans
 * {@code XSSFRichTextString} for every inline-string cell and {@code ReadOnlySharedStringsTable} one for every
 * shared-string cell it hands out, only to read the plain text back (JFR: about half of the CPU the 10,000-row task
 * import spent reading its file, issue #18). The text is the same: the runs' text in order, {@code _xHHHH_}
 * escapes decoded.
 */
final class XlsxCellText {

    private static final String SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private XlsxCellText() {
    }

    /** OOXML §3.18.9: characters XML can't carry are written {@code _xHHHH_}. */
    static String decode(String text) {
        if (!text.contains("_x")) {
            return text;
        }
        Matcher m = ESCAPE.matcher(text);
        StringBuilder decoded = new StringBuilder(text.length());
        int from = 0;
        while (m.find()) {
            decoded.append(text, from, m.start()).append((char) Integer.parseInt(m.group(1), 16));
            from = m.end();
        }
        return decoded.append(text, from, text.length()).toString();
    }

    /** The shared strings, each turned into plain text once (a file repeats its units, categories and dates). */
    static final class Shared implements SharedStrings {

        private final SharedStrings table;
        /**
         * Filled as strings are asked for: sized by what the file uses, not by the count the file declares (a crafted
         * {@code uniqueCount="2000000000"} would have been an 8 GB array and an OutOfMemoryError).
         */
        private final java.util.Map<Integer, RichTextString> plain = new java.util.HashMap<>();

        Shared(SharedStrings table) {
            this.table = table;
        }

        @Override
        public RichTextString getItemAt(int idx) {
            RichTextString text = plain.get(idx);
            if (text == null) {
                // HSSF's rich text is a plain string holder: no xmlbeans document behind it.
                text = new HSSFRichTextString(table.getItemAt(idx).getString());
                plain.put(idx, text);
            }
            return text;
        }

        @Override
        public int getCount() {
            return table.getCount();
        }

        @Override
        public int getUniqueCount() {
            return table.getUniqueCount();
        }
    }

    /**
     * Passes the sheet's XML to POI's handler, except inline-string cells ({@code <c t="inlineStr"><is><t>…}), whose
     * text it collects and hands to the rows itself. SXSSF writes every text cell that way (our own exports, the load
     * harness's workbooks); Excel writes shared strings.
     *
     * <p>It also gives every row and cell its place: OOXML lets a writer leave out {@code r}, a row then being the one
     * after the last and a cell the column after the last. POI's handler knows the row but hands such a cell on
     * without a reference, and the rows cannot place it.
     */
    static final class InlineCells extends DefaultHandler {

        private final DefaultHandler poi;
        private final SheetContentsHandler rows;
        private final StringBuilder text = new StringBuilder();
        private @Nullable String cell;
        private boolean inText;
        /** Inside a phonetic guide ({@code <rPh>}): its reading is not part of the cell's text, as POI reads it. */
        private boolean inPhonetic;
        /** The 1-based number of the current row and the 0-based column of the next cell without a reference. */
        private int row;
        private int nextColumn;

        InlineCells(DefaultHandler poi, SheetContentsHandler rows) {
            this.poi = poi;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            boolean ours = SPREADSHEETML.equals(uri);
            if (cell != null) {
                if (ours && "rPh".equals(localName)) {
                    inPhonetic = true;
                }
                inText = ours && !inPhonetic && ("t".equals(localName) || "v".equals(localName));
                return;
            }
            if (ours && "row".equals(localName)) {
                row = rowNumber(attributes.getValue("r"), row + 1);
                nextColumn = 0;
            } else if (ours && "c".equals(localName)) {
                attributes = placed(attributes);
                if ("inlineStr".equals(attributes.getValue("t"))) {
                    cell = attributes.getValue("r");
                    text.setLength(0);
                    return;
                }
            }
            poi.startElement(uri, localName, qName, attributes);
        }

        /** The cell's attributes with its reference, the column after the last when the file gives none. */
        private Attributes placed(Attributes attributes) {
            String reference = attributes.getValue("r");
            if (reference != null) {
                int column = XlsxSheets.column(reference);
                nextColumn = column < 0 ? nextColumn : column + 1;
                return attributes;
            }
            AttributesImpl withReference = new AttributesImpl(attributes);
            withReference.addAttribute("", "r", "r", "CDATA", columnLetters(nextColumn) + row);
            nextColumn++;
            return withReference;
        }

        /** A row's number as the file gives it; a missing or unreadable one is left to POI, which places it the same. */
        private static int rowNumber(@Nullable String given, int next) {
            if (given == null) {
                return next;
            }
            try {
                return Integer.parseInt(given);
            } catch (NumberFormatException e) {
                return next;
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (cell == null) {
                poi.endElement(uri, localName, qName);
            } else if (SPREADSHEETML.equals(uri) && "c".equals(localName)) {
                rows.cell(cell, decode(text.toString()), null);
                cell = null;
                inText = false;
                inPhonetic = false;
            } else {
                if (SPREADSHEETML.equals(uri) && "rPh".equals(localName)) {
                    inPhonetic = false;
                }
                inText = false;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (cell == null) {
                poi.characters(ch, start, length);
            } else if (inText) {
                text.append(ch, start, length);
            }
        }
    }

    /** A 0-based column as its letters: 0 → A, 27 → AB. */
    static String columnLetters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
