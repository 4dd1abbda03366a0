package org.gongjian.shared;

import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;
import org.jspecify.annotations.Nullable;

/**
 * Chinese line breaking (避头尾): a line may break after any ideograph or closing mark, but never right before
 * a closing mark (，。、；：）》” …), so no line starts with one, and never right after an opening mark.
 * Shared by every PDF with Chinese text (the pledge, the briefing).
 */
public final class CjkLineBreaks extends DefaultSplitCharacter {

    public static final CjkLineBreaks INSTANCE = new CjkLineBreaks();

    private static final String NO_LINE_START = "，。、；：？！）》」』】〕”’…—·%,.;:?!)]}";
    private static final String NO_LINE_END = "（《「『【〔“‘([{";
    private static final String BREAK_AFTER = "，。、；：？！）》」』】〕”’";

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk @Nullable [] ck) {
        char c = getCurrentCharacter(current, cc, ck);
        if (current + 1 < end && NO_LINE_START.indexOf(getCurrentCharacter(current + 1, cc, ck)) >= 0) {
            return false;
        }
        if (NO_LINE_END.indexOf(c) >= 0) {
            return false;
        }
        return BREAK_AFTER.indexOf(c) >= 0 || super.isSplitCharacter(start, current, end, cc, ck);
    }
}
