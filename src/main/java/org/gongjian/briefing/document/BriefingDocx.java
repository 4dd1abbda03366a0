package org.gongjian.briefing.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.springframework.stereotype.Component;

/**
 * The briefing as a Word file in 公文 form (GB/T 9704): A4 with 37/35/28/26 mm margins, the issuing office in red
 * 小标宋 over the 文号 and a red rule, a 二号 title, 三号 仿宋 body on a 28 pt grid with headings in 黑体, tables and
 * the charts, the office and date at the end, "— n —" page numbers. Fonts are named as Chinese offices have them.
 */
@Component
class BriefingDocx {

    private static final String RED = "C8102E";
    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String HEADING_FONT = "黑体";
    private static final int BODY = 16;
    /** two characters of 三号, in twips */
    private static final int INDENT = BODY * 2 * 20;
    private static final double TYPE_WIDTH_PT = (210 - 28 - 26) * 72 / 25.4;
    private static final int TYPE_WIDTH_TWIPS = (int) (TYPE_WIDTH_PT * 20);

    private final BriefingCharts charts;

    BriefingDocx(BriefingCharts charts) {
        this.charts = charts;
    }

    byte[] render(BriefingData d, boolean published) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            head(doc, d, published);
            body(doc, d);
            XWPFParagraph unit = text(doc, d.head().issuingUnit(), 0);
            unit.setAlignment(ParagraphAlignment.RIGHT);
            unit.setIndentationRight(4 * 20 * BODY / 2);
            unit.setSpacingBefore(BODY * 20 * 2);
            XWPFParagraph date = text(doc, BriefingText.date(d.head().issuedOn()), 0);
            date.setAlignment(ParagraphAlignment.RIGHT);
            date.setIndentationRight(4 * 20 * BODY);
            doc.getProperties().getCoreProperties().setTitle(d.head().title());
            doc.getProperties().getCoreProperties().setCreator("攻坚 Gongjian");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(twips(37)));
        margins.setBottom(BigInteger.valueOf(twips(35)));
        margins.setLeft(BigInteger.valueOf(twips(28)));
        margins.setRight(BigInteger.valueOf(twips(26)));
        margins.setFooter(BigInteger.valueOf(twips(20)));
        margins.setHeader(BigInteger.valueOf(twips(15)));
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", BODY_FONT, 14, false, null);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        run(p, " —", BODY_FONT, 14, false, null);
    }

    private void head(XWPFDocument doc, BriefingData d, boolean published) {
        if (!published) {
            XWPFParagraph draft = doc.createParagraph();
            draft.setAlignment(ParagraphAlignment.RIGHT);
            run(draft, "草稿（未印发）", HEADING_FONT, 14, false, "888888");
        }
        String unit = d.head().issuingUnit();
        XWPFParagraph name = doc.createParagraph();
        name.setAlignment(ParagraphAlignment.CENTER);
        name.setSpacingAfter(20 * 18);
        run(name, unit, TITLE_FONT, unit.length() > 14 ? 26 : 36, false, RED);
        XWPFParagraph number = doc.createParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        run(number, d.head().number() != null ? d.head().number() : "〔" + d.head().issuedOn().getYear() + "〕　号",
                BODY_FONT, BODY, false, null);
        redRule(number);
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingBefore(20 * 24);
        title.setSpacingAfter(20 * 18);
        title.setSpacingBetween(36, LineSpacingRule.EXACT);
        // 二号 fits about 20 characters a line: break the title where it reads well (…重点工作 / 攻坚推进情况的通报)
        String t = d.head().title();
        int cut = t.indexOf("攻坚推进");
        if (t.length() > 20 && cut > 0) {
            run(title, t.substring(0, cut), TITLE_FONT, 22, false, null).addBreak();
            run(title, t.substring(cut), TITLE_FONT, 22, false, null);
        } else {
            run(title, t, TITLE_FONT, 22, false, null);
        }
        text(doc, d.head().addressee(), 0);
        text(doc, BriefingText.intro(d), INDENT);
    }

    /** The red rule (红线) under the 文号: a thick red bottom border on the 文号 paragraph. */
    private static void redRule(XWPFParagraph p) {
        var ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTBorder bottom = (ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr()).addNewBottom();
        bottom.setVal(STBorder.THICK);
        bottom.setSz(BigInteger.valueOf(24));
        bottom.setSpace(BigInteger.valueOf(8));
        bottom.setColor(RED);
    }

    private void body(XWPFDocument doc, BriefingData d) {
        heading(doc, 0);
        text(doc, BriefingText.figures(d), INDENT);
        text(doc, d.narrative().overview(), INDENT);
        picture(doc, charts.lights(d), 0.62);
        heading(doc, 1);
        listing(doc, BriefingTables.unitHeader(d), BriefingTables.units(d), new int[] {8, 40, 11, 10, 10, 10, 11});
        picture(doc, charts.units(d), 0.9);
        heading(doc, 2);
        text(doc, BriefingTables.redSentence(d), INDENT);
        if (!d.redTasks().isEmpty()) {
            table(doc, BriefingTables.RED_HEADER, BriefingTables.red(d), new int[] {7, 26, 20, 10, 37});
        }
        heading(doc, 3);
        text(doc, BriefingTables.reportingSentence(d), INDENT);
        listing(doc, BriefingTables.REPORTING_HEADER, BriefingTables.reporting(d), new int[] {8, 44, 12, 12, 12, 12});
        heading(doc, 4);
        text(doc, BriefingTables.noticeSentence(d), INDENT);
        heading(doc, 5);
        if (d.rankings() == null || d.rankings().groups().isEmpty()) {
            text(doc, BriefingText.NO_RANKINGS, INDENT);
        } else {
            for (BriefingData.RankingGroup g : d.rankings().groups()) {
                text(doc, g.name() + "红榜（前列）：", INDENT);
                table(doc, BriefingTables.RANKING_HEADER, BriefingTables.ranking(g.top()), new int[] {15, 60, 25});
                text(doc, g.name() + "黑榜（后列）：", INDENT);
                table(doc, BriefingTables.RANKING_HEADER, BriefingTables.ranking(g.bottom()), new int[] {15, 60, 25});
            }
        }
        heading(doc, 6);
        text(doc, d.narrative().commendations(), INDENT);
        heading(doc, 7);
        text(doc, d.narrative().nextSteps(), INDENT);
    }

    private static void heading(XWPFDocument doc, int section) {
        XWPFParagraph p = grid(doc.createParagraph());
        p.setIndentationFirstLine(INDENT);
        p.setKeepNext(true);
        run(p, BriefingTables.SECTIONS[section], HEADING_FONT, BODY, false, null);
    }

    private static XWPFParagraph text(XWPFDocument doc, String s, int firstLine) {
        XWPFParagraph p = grid(doc.createParagraph());
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(firstLine);
        run(p, s, BODY_FONT, BODY, false, null);
        return p;
    }

    /** 公文 line grid: exactly 28 pt per line. */
    private static XWPFParagraph grid(XWPFParagraph p) {
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        p.setSpacingAfter(0);
        return p;
    }

    /** A capped table: its lead-in, each block under its caption, the line saying what is left out. */
    private static void listing(XWPFDocument doc, String[] header, BriefingTables.Listing listing, int[] percents) {
        if (listing.lead() != null) {
            text(doc, listing.lead(), INDENT);
        }
        for (BriefingTables.Block block : listing.blocks()) {
            if (block.caption() != null) {
                text(doc, block.caption(), INDENT).setKeepNext(true);
            }
            table(doc, header, block.rows(), percents);
        }
        if (listing.rest() != null) {
            text(doc, listing.rest(), INDENT);
        }
    }

    private static void table(XWPFDocument doc, String[] header, List<String[]> rows, int[] percents) {
        // one row through POI (the table's properties and borders), the others appended to its XML: POI's
        // createTable(rows, cols), createRow() and getRow(i) each count the rows already there, so a table of n
        // rows cost n² (a city's 16,000 red tasks took minutes; its 3,800 units still take seconds)
        XWPFTable table = doc.createTable(1, header.length);
        table.setTableAlignment(TableRowAlign.CENTER);
        // absolute widths (dxa) on a fixed layout with its grid: Word and LibreOffice both honour them
        table.setWidth(String.valueOf(TYPE_WIDTH_TWIPS));
        table.getCTTbl().getTblPr().addNewTblLayout()
                .setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int percent : percents) {
            grid.addNewGridCol().setW(BigInteger.valueOf(TYPE_WIDTH_TWIPS * percent / 100));
        }
        XWPFTableRow head = table.getRow(0);
        fill(head, header, percents, true);
        head.setRepeatHeader(true);
        for (String[] cells : rows) {
            XWPFTableRow row = new XWPFTableRow(table.getCTTbl().addNewTr(), table);
            for (int i = 0; i < cells.length; i++) {
                row.createCell();
            }
            fill(row, cells, percents, false);
        }
        doc.createParagraph().setSpacingAfter(0);
    }

    private static void fill(XWPFTableRow row, String[] cells, int[] percents, boolean header) {
        row.setCantSplitRow(true);
        for (int i = 0; i < cells.length; i++) {
            XWPFTableCell cell = row.getCell(i);
            width(cell, TYPE_WIDTH_TWIPS * percents[i] / 100);
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            if (header) {
                cell.setColor("F2F2F2");
            }
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setAlignment(header || BriefingTables.numeric(cells[i]) ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
            p.setSpacingAfter(0);
            run(p, cells[i], header ? HEADING_FONT : BODY_FONT, 12, false, null);
        }
    }

    /** What {@code cell.setWidth("n")} writes (a dxa width), without the three regular expressions it compiles per cell. */
    private static void width(XWPFTableCell cell, int twips) {
        CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        CTTblWidth width = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
        width.setW(BigInteger.valueOf(twips));
        width.setType(STTblWidth.DXA);
    }

    private static void picture(XWPFDocument doc, byte[] png, double widthShare) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            double width = TYPE_WIDTH_PT * widthShare;
            double height = width * image.getHeight() / image.getWidth();
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            p.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, "chart.png",
                    Units.toEMU(width), Units.toEMU(height));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold, @org.jspecify.annotations.Nullable String colour) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
        run.setBold(bold);
        if (colour != null) {
            run.setColor(colour);
        }
        return run;
    }

    private static long twips(double mm) {
        return Math.round(mm / 25.4 * 1440);
    }
}
