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
     */
    static final class InlineCells extends DefaultHandler {

        private final DefaultHandler poi;
        private final SheetContentsHandler rows;
        private final StringBuilder text = new StringBuilder();
        private @Nullable String cell;
        private boolean inText;

        InlineCells(DefaultHandler poi, SheetContentsHandler rows) {
            this.poi = poi;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if (cell != null) {
                inText = SPREADSHEETML.equals(uri) && "t".equals(localName);
            } else if (SPREADSHEETML.equals(uri) && "c".equals(localName)
                    && "inlineStr".equals(attributes.getValue("t"))) {
                cell = attributes.getValue("r");
                text.setLength(0);
            } else {
                poi.startElement(uri, localName, qName, attributes);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (cell == null) {
                poi.endElement(uri, localName, qName);
            } else if (SPREADSHEETML.equals(uri) && "c".equals(localName)) {
                rows.cell(cell, decode(text.toString()), null);
                cell = null;
            } else {
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
}
