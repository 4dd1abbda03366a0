package org.gongjian.pledge;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/** Running head from page 2, and on every page "第 x 页 共 y 页" over the content hash, in the bottom margin. */
final class PledgePageFurniture extends PdfPageEventHelper {

    private final BaseFont font;
    private final PledgeDocument doc;
    private final int total;
    private int pages;

    PledgePageFurniture(BaseFont font, PledgeDocument doc, int total) {
        this.font = font;
        this.doc = doc;
        this.total = total;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        pages = writer.getPageNumber();
        PdfContentByte canvas = writer.getDirectContent();
        float left = document.left();
        float right = document.right();
        float centre = (left + right) / 2;
        Font grey = new Font(font, 7, Font.NORMAL, PledgePdf.GREY);
        if (pages > 1) {
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase("军令状 · " + doc.content().unitName()
                    + " · 第" + doc.version() + "版", new Font(font, 8, Font.NORMAL, PledgePdf.GREY)), right, document.top() + 22, 0);
            canvas.saveState();
            canvas.setColorStroke(PledgePdf.RED);
            canvas.setLineWidth(0.6f);
            canvas.moveTo(left, document.top() + 16);
            canvas.lineTo(right, document.top() + 16);
            canvas.stroke();
            canvas.restoreState();
        }
        ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase("第 " + pages + " 页  共 "
                + (total > 0 ? total : pages) + " 页", new Font(font, 9)), centre, document.bottom() - 26, 0);
        ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase("内容哈希（SHA-256） "
                + (doc.contentHash() == null ? "签署时生成" : doc.contentHash()), grey), centre, document.bottom() - 38, 0);
    }

    /** Pages ended so far: after a pass, the page count. */
    int pages() {
        return pages;
    }
}
