package org.gongjian.supervision;

import java.util.ArrayList;
import java.util.List;

/**
 * The lights an evaluation of many tasks changed, in chunks: one event per chunk instead of one {@link LightChanged}
 * per task, each recorded in the event publication registry and handled after commit in a transaction of its own (a
 * first evaluation of 100,000 tasks was 100,000 of them). Published in the evaluating transaction when it changed
 * more than {@link #FEW} lights; up to that many go as single {@link LightChanged}s (a report's re-light, a quiet day).
 */
public record LightsChanged(List<LightChanged> changes) {

    /** Up to this many changes of one evaluation are published one {@link LightChanged} each. */
    static final int FEW = 8;

    /** At most this many changes per event. */
    static final int CHUNK = 250;

    /**
     * At most this many characters of titles and reasons (plus a fixed allowance per change) per event: the H2
     * registry keeps a serialized event in a VARCHAR(100000).
     */
    static final int CHUNK_CHARS = 60_000;

    public LightsChanged {
        changes = List.copyOf(changes);
    }

    /** The changes in order, cut into events of at most {@link #CHUNK} changes and about {@link #CHUNK_CHARS} characters. */
    static List<LightsChanged> chunked(List<LightChanged> changes) {
        List<LightsChanged> events = new ArrayList<>();
        List<LightChanged> chunk = new ArrayList<>();
        int chars = 0;
        for (LightChanged change : changes) {
            int size = size(change);
            if (!chunk.isEmpty() && (chunk.size() == CHUNK || chars + size > CHUNK_CHARS)) {
                events.add(new LightsChanged(chunk));
                chunk = new ArrayList<>();
                chars = 0;
            }
            chunk.add(change);
            chars += size;
        }
        if (!chunk.isEmpty()) {
            events.add(new LightsChanged(chunk));
        }
        return events;
    }

    /** Characters a change takes serialized, about: its texts as JSON escapes them and ~200 for the rest. */
    private static int size(LightChanged change) {
        return 200 + escaped(change.taskTitle()) + change.reasons().stream().mapToInt(r -> escaped(r) + 3).sum();
    }

    /** A text's length in JSON: a quote or backslash takes two characters, another control character six (backslash-u). */
    private static int escaped(String text) {
        int length = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                length += 1;
            } else if (c < 0x20) {
                length += 5;
            }
        }
        return length;
    }
}
