package org.gongjian.pledge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * The printable A4 pledge (军令状) in Chinese with the Noto Sans SC font embedded from the jar, so it reads the
 * same on any machine: title, parties, the pledged tasks with targets and dates, terms, signatures and hashes.
 */
@Component
class PledgePdf {

    private static final String FONT = "/fonts/NotoSansSC-Regular.ttf";

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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 56, 56, 60, 56);
        PdfWriter.getInstance(pdf, out);
        pdf.addTitle("军令状 " + doc.content().unitName());
        pdf.addCreator("攻坚 Gongjian");
        pdf.open();
        PledgeContent c = doc.content();
        paragraph(pdf, "军  令  状", 26, Element.ALIGN_CENTER, 6);
        paragraph(pdf, "（" + c.campaignName() + " · 第" + doc.version() + "版）", 11, Element.ALIGN_CENTER, 18);
        paragraph(pdf, "发令方：" + c.issuerName(), 12, Element.ALIGN_LEFT, 4);
        paragraph(pdf, "立状人：" + c.signatoryTitle(), 12, Element.ALIGN_LEFT, 12);
        paragraph(pdf, "　　" + c.commitments(), 12, Element.ALIGN_JUSTIFIED, 10);
        if (c.amendmentReason() != null) {
            paragraph(pdf, "变更原因：" + c.amendmentReason(), 11, Element.ALIGN_LEFT, 10);
        }
        pdf.add(tasks(c));
        paragraph(pdf, "奖励：" + c.rewards(), 11, Element.ALIGN_JUSTIFIED, 6);
        paragraph(pdf, "惩戒：" + c.penalties(), 11, Element.ALIGN_JUSTIFIED, 18);
        pdf.add(signatures(doc));
        paragraph(pdf, "内容哈希（SHA-256）：" + (doc.contentHash() == null ? "签署时生成" : doc.contentHash()), 8,
                Element.ALIGN_LEFT, 2);
        if (doc.chainHash() != null) {
            paragraph(pdf, "链哈希：" + doc.chainHash(), 8, Element.ALIGN_LEFT, 2);
        }
        paragraph(pdf, "状态：" + doc.status().label() + " · 打印时间 " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(clock.getZone()).format(clock.instant()), 8, Element.ALIGN_LEFT, 0);
        pdf.close();
        return out.toByteArray();
    }

    private PdfPTable tasks(PledgeContent c) {
        PdfPTable table = new PdfPTable(new float[] {0.6f, 4f, 4f, 1.6f});
        table.setWidthPercentage(100);
        table.setSpacingAfter(14);
        for (String header : new String[] {"序号", "攻坚任务", "目标（指标 / 节点）", "完成时限"}) {
            PdfPCell cell = cell(header, 10);
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
        int n = 1;
        for (PledgeContent.PledgedTask t : c.tasks()) {
            table.addCell(cell(String.valueOf(n++), 10));
            table.addCell(cell(t.title(), 10));
            StringBuilder targets = new StringBuilder();
            t.indicators().forEach(i -> targets.append(i.name()).append("：由 ").append(plain(i.baseline())).append(' ')
                    .append(i.unit()).append(" 达到 ").append(plain(i.target())).append(' ').append(i.unit()).append('\n'));
            t.milestones().forEach(m -> targets.append(m.dueDate()).append(' ').append(m.title()).append('\n'));
            table.addCell(cell(targets.toString().trim(), 9));
            table.addCell(cell(t.dueDate().toString(), 10));
        }
        return table;
    }

    private PdfPTable signatures(PledgeDocument doc) {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setSpacingAfter(16);
        for (SignatureRole role : SignatureRole.values()) {
            String line = doc.signatures().stream().filter(s -> s.role() == role).findFirst()
                    .map(s -> s.signerName() + "\n" + DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
                            .withZone(clock.getZone()).format(s.signedAt()) + " 电子签署")
                    .orElse("（待签署）");
            PdfPCell cell = cell(role.label() + "（签字）：\n" + line, 11);
            cell.setBorder(PdfPCell.NO_BORDER);
            cell.setMinimumHeight(60);
            table.addCell(cell);
        }
        return table;
    }

    private PdfPCell cell(String text, float size) {
        PdfPCell cell = new PdfPCell(new Phrase(text, new Font(font, size)));
        cell.setPadding(5);
        return cell;
    }

    private void paragraph(Document pdf, String text, float size, int align, float after) {
        Paragraph p = new Paragraph(text, new Font(font, size));
        p.setAlignment(align);
        p.setSpacingAfter(after);
        p.setLeading(size * 1.6f);
        pdf.add(p);
    }

    private static String plain(java.math.BigDecimal value) {
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
