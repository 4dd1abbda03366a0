package org.gongjian.campaign;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A task's light reasons as read: the stored lines, each put into the words of the reading day when first asked for
 * (a list or an export that never shows them renders none). {@link #stored} gives the lines back to the evaluation,
 * which compares what it would store with what is stored, not with one day's words.
 */
public final class LightReasonList extends AbstractList<String> {

    private final List<String> lines;
    private final LocalDate day;
    private final BiFunction<String, LocalDate, String> words;
    private final String[] rendered;

    LightReasonList(List<String> lines, LocalDate day, BiFunction<String, LocalDate, String> words) {
        this.lines = List.copyOf(lines);
        this.day = day;
        this.words = words;
        this.rendered = new String[lines.size()];
    }

    @Override
    public String get(int index) {
        String text = rendered[index];
        if (text == null) {
            text = words.apply(lines.get(index), day);
            rendered[index] = text;   // a race renders the same words twice, no harm
        }
        return text;
    }

    @Override
    public int size() {
        return lines.size();
    }

    /** The lines as stored behind a task's reasons (a list not read from the store is its own lines). */
    public static List<String> stored(List<String> reasons) {
        return reasons instanceof LightReasonList list ? list.lines : reasons;
    }
}
