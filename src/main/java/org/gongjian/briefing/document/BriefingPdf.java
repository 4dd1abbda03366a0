package org.gongjian.briefing.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The briefing as an A4 PDF laid out like a 公文 (GB/T 9704 margins): the issuing office in red over the 文号 and a
 * red rule, the title, the sections, tables and charts, the office and date at the end, "— n —" at each foot.
 * Noto Sans SC is embedded from the jar; a draft carries a grey 草稿 across every page.
 */
@Component
class BriefingPdf {

    private static final Color RED = new Color(0xC8, 0x10, 0x2E);
    private static final Color GREY = new Color(0x88, 0x88, 0x88);
    private static final Color RULE = new Color(0x99, 0x99, 0x99);
    private static final Color HEADER_FILL = new Color(0xF2, 0xF2, 0xF2);
    private static final float BODY = 13.5f;

    private final BaseFont font;
    private final BriefingCharts charts;

    BriefingPdf(BriefingCharts charts) {
        this.charts = charts;
        try (InputStream in = BriefingPdf.class.getResourceAsStream("/fonts/NotoSansSC-Regular.ttf")) {
            if (in == null) {
                throw new IllegalStateException("font /fonts/NotoSansSC-Regular.ttf missing from the jar");
            }
            font = BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(BriefingData d, boolean published) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // 公文 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm
        Document pdf = new Document(PageSize.A4, mm(28), mm(26), mm(30), mm(30));
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        writer.setPageEvent(new Furniture(published));
        pdf.addTitle(d.head().title());
        pdf.addSubject(d.campaignName());
        pdf.addCreator("攻坚 Gongjian");
        pdf.open();
        head(pdf, d);
        body(pdf, d);
        signature(pdf, d);
        pdf.close();
        return out.toByteArray();
    }

    private void head(Document pdf, BriefingData d) {
        String unit = d.head().issuingUnit();
        float size = unit.length() > 14 ? 22 : 28;
        Chunk name = chunk(unit, new Font(font, size, Font.BOLD, RED));
        name.setCharacterSpacing(unit.length() > 14 ? 1 : 4);
        Paragraph p = new Paragraph(name);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setLeading(size * 1.5f);
        p.setSpacingAfter(14);
        pdf.add(p);
        String number = d.head().number() != null ? d.head().number() : "〔" + d.head().issuedOn().getYear() + "〕　号（印发时编号）";
        pdf.add(centred(number, BODY, 0));
        // the rule's chunk carries the embedded font, so no unembedded standard font sneaks into the file
        Chunk line = new Chunk(new LineSeparator(2f, 100, RED, Element.ALIGN_CENTER, -6));
        line.setFont(new Font(font, 10));
        Paragraph rule = new Paragraph(line);
        rule.setFont(new Font(font, 10));
        rule.setSpacingAfter(18);
        pdf.add(rule);
        Paragraph title = new Paragraph(chunk(d.head().title(), new Font(font, 20, Font.BOLD)));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setLeading(32);
        title.setSpacingAfter(14);
        pdf.add(title);
        pdf.add(text(d.head().addressee(), 0));
        pdf.add(text(BriefingText.intro(d), 2));
    }

    private void body(Document pdf, BriefingData d) {
        heading(pdf, 0);
        pdf.add(text(BriefingText.figures(d), 2));
        pdf.add(text(d.narrative().overview(), 2));
        pdf.add(image(charts.lights(d), 62));
        heading(pdf, 1);
        listing(pdf, BriefingTables.unitHeader(d), BriefingTables.units(d), new float[] {0.9f, 4f, 1.1f, 1, 1, 1, 1.2f});
        pdf.add(image(charts.units(d), 88));
        heading(pdf, 2);
        pdf.add(text(BriefingTables.redSentence(d), 2));
        if (!d.redTasks().isEmpty()) {
            pdf.add(table(BriefingTables.RED_HEADER, BriefingTables.red(d), new float[] {0.9f, 3.4f, 2.6f, 1.4f, 5f}));
        }
        heading(pdf, 3);
        pdf.add(text(BriefingTables.reportingSentence(d), 2));
        listing(pdf, BriefingTables.REPORTING_HEADER, BriefingTables.reporting(d), new float[] {0.9f, 4f, 1, 1, 1, 1});
        heading(pdf, 4);
        pdf.add(text(BriefingTables.noticeSentence(d), 2));
        heading(pdf, 5);
        rankings(pdf, d);
        heading(pdf, 6);
        pdf.add(text(d.narrative().commendations(), 2));
        heading(pdf, 7);
        pdf.add(text(d.narrative().nextSteps(), 2));
    }

    /** A capped table: its lead-in, each block under its caption, the line saying what is left out. */
    private void listing(Document pdf, String[] header, BriefingTables.Listing listing, float[] widths) {
        if (listing.lead() != null) {
            pdf.add(text(listing.lead(), 2));
        }
        for (BriefingTables.Block block : listing.blocks()) {
            pdf.add(table(header, block.rows(), widths, block.caption()));
        }
        if (listing.rest() != null) {
            pdf.add(text(listing.rest(), 2));
        }
    }

    private void rankings(Document pdf, BriefingData d) {
        if (d.rankings() == null || d.rankings().groups().isEmpty()) {
            pdf.add(text(BriefingText.NO_RANKINGS, 2));
            return;
        }
        for (BriefingData.RankingGroup g : d.rankings().groups()) {
            pdf.add(text(g.name() + "红榜（前列）：", 2));
            pdf.add(table(BriefingTables.RANKING_HEADER, BriefingTables.ranking(g.top()), new float[] {1, 4, 1.5f}));
            pdf.add(text(g.name() + "黑榜（后列）：", 2));
            pdf.add(table(BriefingTables.RANKING_HEADER, BriefingTables.ranking(g.bottom()), new float[] {1, 4, 1.5f}));
        }
    }

    private void signature(Document pdf, BriefingData d) {
        Paragraph unit = text(d.head().issuingUnit(), 0);
        unit.setAlignment(Element.ALIGN_RIGHT);
        unit.setIndentationRight(mm(8));
        unit.setSpacingBefore(26);
        pdf.add(unit);
        Paragraph date = text(BriefingText.date(d.head().issuedOn()), 0);
        date.setAlignment(Element.ALIGN_RIGHT);
        date.setIndentationRight(mm(16));
        pdf.add(date);
    }

    private void heading(Document pdf, int section) {
        Paragraph p = new Paragraph(chunk(BriefingTables.SECTIONS[section], new Font(font, BODY, Font.BOLD)));
        // a one-line heading: a left indent, as a first-line indent is not applied to it
        p.setIndentationLeft(BODY * 2);
        p.setLeading(BODY * 1.8f);
        p.setSpacingBefore(6);
        pdf.add(p);
    }

    private Paragraph text(String s, int indentChars) {
        Paragraph p = new Paragraph(chunk(s, new Font(font, BODY)));
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setFirstLineIndent(BODY * indentChars);
        p.setLeading(BODY * 1.8f);
        return p;
    }

    private Paragraph centred(String s, float size, float after) {
        Paragraph p = new Paragraph(chunk(s, new Font(font, size)));
        p.setAlignment(Element.ALIGN_CENTER);
        p.setLeading(size * 1.6f);
        p.setSpacingAfter(after);
        return p;
    }

    private PdfPTable table(String[] header, List<String[]> rows, float[] widths) {
        return table(header, rows, widths, null);
    }

    /**
     * A table; its caption, if any, is its first header row (borderless, across the columns): a caption paragraph
     * before the table could stay alone at the foot of a page with the table on the next, and a header row moves with
     * the table and is repeated on each page it runs over.
     */
    private PdfPTable table(String[] header, List<String[]> rows, float[] widths, @Nullable String caption) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        table.setHeaderRows(caption == null ? 1 : 2);
        if (caption != null) {
            PdfPCell c = cell(caption, new Font(font, BODY), Element.ALIGN_LEFT);
            c.setColspan(widths.length);
            c.setBorder(com.lowagie.text.Rectangle.NO_BORDER);
            c.setPaddingLeft(BODY * 2);
            c.setPaddingBottom(6);
            table.addCell(c);
        }
        for (String h : header) {
            PdfPCell c = cell(h, new Font(font, 10.5f, Font.BOLD), Element.ALIGN_CENTER);
            c.setBackgroundColor(HEADER_FILL);
            table.addCell(c);
        }
        Font f = new Font(font, 10.5f);
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                table.addCell(cell(row[i], f, BriefingTables.numeric(row[i]) ? Element.ALIGN_CENTER : Element.ALIGN_LEFT));
            }
        }
        return table;
    }

    private PdfPCell cell(String s, Font f, int align) {
        PdfPCell c = new PdfPCell(new Phrase(chunk(s, f)));
        c.setPadding(4);
        c.setPaddingBottom(5);
        c.setBorderColor(RULE);
        c.setBorderWidth(0.5f);
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setLeading(0, 1.3f);
        return c;
    }

    private static Image image(byte[] png, float widthPercent) {
        try {
            Image image = Image.getInstance(png);
            image.setWidthPercentage(widthPercent);
            image.scalePercent(100);
            float width = (PageSize.A4.getWidth() - mm(54)) * widthPercent / 100;
            image.scaleToFit(width, 1000);
            image.setAlignment(Image.ALIGN_CENTER);
            image.setSpacingBefore(4);
            image.setSpacingAfter(6);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Chunk chunk(String s, Font f) {
        Chunk c = new Chunk(s, f);
        c.setSplitCharacter(org.gongjian.shared.CjkLineBreaks.INSTANCE);
        return c;
    }

    private static float mm(float mm) {
        return mm * 72 / 25.4f;
    }

    /** "— n —" at the foot of each page; a draft's 草稿 across it. */
    private final class Furniture extends PdfPageEventHelper {

        private final boolean published;

        Furniture(boolean published) {
            this.published = published;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float centre = (document.left() + document.right()) / 2;
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase("— " + writer.getPageNumber() + " —",
                    new Font(font, 12)), centre, document.bottom() - 30, 0);
            if (!published) {
                PdfContentByte under = writer.getDirectContentUnder();
                under.saveState();
                PdfGState state = new PdfGState();
                state.setFillOpacity(0.12f);
                under.setGState(state);
                ColumnText.showTextAligned(under, Element.ALIGN_CENTER, new Phrase("草　稿",
                        new Font(font, 96, Font.NORMAL, GREY)), centre, (document.top() + document.bottom()) / 2, 45);
                under.restoreState();
            }
        }
    }
}
