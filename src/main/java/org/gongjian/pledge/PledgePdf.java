package org.gongjian.pledge;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import org.springframework.stereotype.Component;

/**
 * The printable A4 pledge (军令状) in Chinese with the Noto Sans SC font embedded from the jar, so it reads the
 * same on any machine. Laid out like an official document (公文): a red title over a thin red rule, the parties,
 * the commitment, the pledged tasks in a table whose header repeats on every page, rewards and penalties, a
 * signature block with lines to sign on and the date, and the hashes in small grey type. Every page carries
 * "第 x 页 共 y 页" and the content hash at its foot (two passes: the first counts the pages).
 */
@Component
class PledgePdf {

    private static final String FONT = "/fonts/NotoSansSC-Regular.ttf";

    /** 公文 red for the title and the rule under it. */
    static final Color RED = new Color(0xC8, 0x10, 0x2E);
    static final Color GREY = new Color(0x6B, 0x6B, 0x6B);
    private static final Color RULE_GREY = new Color(0x99, 0x99, 0x99);
    private static final Color HEADER_FILL = new Color(0xF2, 0xF2, 0xF2);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BaseFont font;
    private final Clock clock;

    PledgePdf(Clock clock) throws IOException {
        this.clock = clock;
        try (InputStream in = PledgePdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("font " + FONT + " missing from the jar");
            }
            this.font = BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        }
    }

    byte[] render(PledgeDocument doc) {
        Instant printedAt = clock.instant();
        int pages = pass(doc, printedAt, 0).pages;
        return pass(doc, printedAt, pages).bytes;
    }

    private record Pass(byte[] bytes, int pages) {}

    private Pass pass(PledgeDocument doc, Instant printedAt, int totalPages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 62, 62, 56, 64);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        PledgePageFurniture furniture = new PledgePageFurniture(font, doc, totalPages);
        writer.setPageEvent(furniture);
        pdf.addTitle("军令状 " + doc.content().unitName() + " 第" + doc.version() + "版");
        pdf.addSubject(doc.content().campaignName());
        pdf.addCreator("攻坚 Gongjian");
        pdf.open();
        PledgeContent c = doc.content();

        title(pdf, doc);
        party(pdf, "发令方", c.issuerName());
        party(pdf, "立状人", c.signatoryTitle());
        Paragraph commitments = paragraph(c.commitments(), 12, Element.ALIGN_JUSTIFIED);
        commitments.setFirstLineIndent(24);
        commitments.setSpacingBefore(8);
        commitments.setSpacingAfter(6);
        pdf.add(commitments);
        if (c.amendmentReason() != null) {
            Paragraph reason = labelled("变更原因：", c.amendmentReason(), 11);
            reason.setSpacingAfter(6);
            pdf.add(reason);
        }
        pdf.add(heading("一、攻坚任务及目标"));
        pdf.add(tasks(c));
        pdf.add(heading("二、奖惩措施"));
        Paragraph rewards = labelled("奖励：", c.rewards(), 11);
        rewards.setFirstLineIndent(22);
        rewards.setSpacingAfter(4);
        pdf.add(rewards);
        Paragraph penalties = labelled("惩戒：", c.penalties(), 11);
        penalties.setFirstLineIndent(22);
        penalties.setSpacingAfter(22);
        pdf.add(penalties);
        pdf.add(signatures(doc));
        hashes(pdf, doc, printedAt);
        pdf.close();
        return new Pass(out.toByteArray(), furniture.pages());
    }

    /** The 红头: red title, the campaign and version, a thin red rule across the type area. */
    private void title(Document pdf, PledgeDocument doc) {
        Chunk title = new Chunk("军令状", new Font(font, 34, Font.BOLD, RED));
        title.setCharacterSpacing(22);
        Paragraph head = new Paragraph(title);
        head.setAlignment(Element.ALIGN_CENTER);
        head.setIndentationLeft(22); // the spacing after the last character would pull the title left of centre
        head.setLeading(44);
        head.setSpacingAfter(4);
        pdf.add(head);
        Paragraph sub = paragraph(doc.content().campaignName() + "　·　第" + doc.version() + "版", 11, Element.ALIGN_CENTER);
        sub.setSpacingAfter(2);
        pdf.add(sub);
        Paragraph rule = rule(1.2f, RED, -4);
        rule.setSpacingAfter(14);
        pdf.add(rule);
    }

    private void party(Document pdf, String label, String name) {
        Paragraph p = labelled(label + "：", name, 12);
        p.setSpacingAfter(2);
        pdf.add(p);
    }

    private Paragraph heading(String text) {
        Paragraph p = new Paragraph(chunk(text, new Font(font, 12, Font.BOLD)));
        p.setLeading(20);
        p.setSpacingBefore(6);
        p.setSpacingAfter(6);
        return p;
    }

    private PdfPTable tasks(PledgeContent c) {
        PdfPTable table = new PdfPTable(new float[] {0.9f, 4f, 4.3f, 1.7f});
        table.setWidthPercentage(100);
        table.setSpacingAfter(10);
        table.setHeaderRows(1);
        for (String header : new String[] {"序号", "攻坚任务", "目标（指标 / 节点）", "完成时限"}) {
            PdfPCell cell = cell(header, new Font(font, 10, Font.BOLD), Element.ALIGN_CENTER);
            cell.setBackgroundColor(HEADER_FILL);
            cell.setNoWrap(true);
            table.addCell(cell);
        }
        int n = 1;
        Font body = new Font(font, 10);
        Font small = new Font(font, 9);
        for (PledgeContent.PledgedTask t : c.tasks()) {
            table.addCell(cell(String.valueOf(n++), body, Element.ALIGN_CENTER));
            table.addCell(cell(t.title(), body, Element.ALIGN_LEFT));
            StringBuilder targets = new StringBuilder();
            t.indicators().forEach(i -> targets.append(i.name()).append("：由 ").append(plain(i.baseline())).append(' ')
                    .append(i.unit()).append("HIGHER_IS_BETTER".equals(i.direction()) ? " 达到 " : " 降至 ")
                    .append(plain(i.target())).append(' ').append(i.unit()).append('\n'));
            t.milestones().forEach(m -> targets.append(m.dueDate()).append(' ').append(m.title()).append('\n'));
            table.addCell(cell(targets.toString().trim(), small, Element.ALIGN_LEFT));
            table.addCell(cell(t.dueDate().toString(), body, Element.ALIGN_CENTER));
        }
        return table;
    }

    /** Two columns, each a line to sign on (the electronic signature printed on it once given) and the date. */
    private PdfPTable signatures(PledgeDocument doc) {
        PdfPTable table = new PdfPTable(new float[] {1f, 0.16f, 1f});
        table.setWidthPercentage(100);
        table.setKeepTogether(true);
        table.setSpacingAfter(18);
        PdfPCell[] labels = new PdfPCell[2];
        PdfPCell[] lines = new PdfPCell[2];
        PdfPCell[] dates = new PdfPCell[2];
        SignatureRole[] roles = {SignatureRole.SIGNATORY, SignatureRole.ISSUER};
        for (int i = 0; i < 2; i++) {
            SignatureRole role = roles[i];
            Optional<PledgeView.SignatureView> signature = doc.signatures().stream()
                    .filter(s -> s.role() == role).findFirst();
            labels[i] = bare(new Phrase(chunk(role.label() + "（签字）：", new Font(font, 11))));
            Phrase line = new Phrase();
            line.add(chunk(signature.map(PledgeView.SignatureView::signerName).orElse(" "), new Font(font, 13)));
            signature.ifPresent(s -> line.add(chunk("\n电子签署 " + TIME.withZone(clock.getZone()).format(s.signedAt()),
                    new Font(font, 7.5f, Font.NORMAL, GREY))));
            lines[i] = bare(line);
            lines[i].setBorder(Rectangle.BOTTOM);
            lines[i].setBorderWidthBottom(0.6f);
            lines[i].setMinimumHeight(40);
            lines[i].setVerticalAlignment(Element.ALIGN_BOTTOM);
            lines[i].setHorizontalAlignment(Element.ALIGN_CENTER);
            String date = signature.map(s -> DATE.withZone(clock.getZone()).format(s.signedAt()))
                    .orElse("________年_____月_____日");
            dates[i] = bare(new Phrase(chunk("日期：" + date, new Font(font, 11))));
            dates[i].setPaddingTop(8);
        }
        for (PdfPCell[] row : new PdfPCell[][] {labels, lines, dates}) {
            table.addCell(row[0]);
            table.addCell(bare(new Phrase(chunk(" ", new Font(font, 11)))));
            table.addCell(row[1]);
        }
        return table;
    }

    private void hashes(Document pdf, PledgeDocument doc, Instant printedAt) {
        Font grey = new Font(font, 7.5f, Font.NORMAL, GREY);
        Paragraph rule = rule(0.4f, RULE_GREY, -2);
        rule.setSpacingAfter(4);
        pdf.add(rule);
        String[] lines = {
                "内容哈希（SHA-256）：" + (doc.contentHash() == null ? "签署时生成" : doc.contentHash()),
                doc.chainHash() == null ? null : "链哈希：" + doc.chainHash(),
                "编号：" + doc.pledgeId() + "-" + doc.version() + "　·　状态：" + doc.status().label() + "　·　打印时间 "
                        + TIME.withZone(clock.getZone()).format(printedAt)};
        for (String line : lines) {
            if (line != null) {
                Paragraph p = new Paragraph(chunk(line, grey));
                p.setLeading(11);
                pdf.add(p);
            }
        }
    }

    /** A full-width rule; its chunk carries the embedded font so no unembedded standard font sneaks in. */
    private Paragraph rule(float width, Color color, float offset) {
        Chunk line = new Chunk(new LineSeparator(width, 100, color, Element.ALIGN_CENTER, offset));
        line.setFont(new Font(font, 10));
        Paragraph p = new Paragraph(line);
        p.setFont(new Font(font, 10));
        return p;
    }

    private PdfPCell cell(String text, Font f, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(chunk(text, f)));
        cell.setPadding(5);
        cell.setPaddingBottom(6);
        cell.setBorderColor(RULE_GREY);
        cell.setBorderWidth(0.5f);
        cell.setHorizontalAlignment(align);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setLeading(0, 1.35f);
        return cell;
    }

    private static PdfPCell bare(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(2);
        cell.setLeading(0, 1.3f);
        return cell;
    }

    private Paragraph labelled(String label, String text, float size) {
        Paragraph p = new Paragraph();
        p.setFont(new Font(font, size));
        p.add(chunk(label, new Font(font, size, Font.BOLD)));
        p.add(chunk(text, new Font(font, size)));
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setLeading(size * 1.7f);
        return p;
    }

    private Paragraph paragraph(String text, float size, int align) {
        Paragraph p = new Paragraph(chunk(text, new Font(font, size)));
        p.setAlignment(align);
        p.setLeading(size * 1.7f);
        return p;
    }

    private static Chunk chunk(String text, Font f) {
        Chunk chunk = new Chunk(text, f);
        chunk.setSplitCharacter(org.gongjian.shared.CjkLineBreaks.INSTANCE);
        return chunk;
    }

    private static String plain(BigDecimal value) {
        return org.gongjian.shared.Decimals.plain(value);
    }
}
