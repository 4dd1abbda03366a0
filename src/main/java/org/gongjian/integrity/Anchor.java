package org.gongjian.integrity;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One line of the anchor file: the heads of every keyed chain at a moment ({@code chain:id:seq:hash}), their
 * SHA-256 digest, the previous line's SHA-256 (so a removed or edited line shows), and an Ed25519 signature over
 * all of it. {@code missed}: the days (yyyy-MM-dd, the campaign zone) whose 00:10 anchor did not happen because no
 * node was running then; the catch-up that made this line names them (signed too). Empty on the daily line and on
 * lines written before catch-up existed (those have no such field, and their signed text is unchanged).
 */
public record Anchor(long seq, Instant at, String actor, int chains, String digest, String previous,
                     List<String> heads, String signature,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<String> missed) {

    public Anchor {
        missed = missed == null ? List.of() : List.copyOf(missed);
    }

    /** What the signature covers. */
    String signedText() {
        return "gongjian-anchor|" + seq + "|" + at + "|" + actor + "|" + chains + "|" + digest + "|" + previous
                + (missed.isEmpty() ? "" : "|missed=" + String.join(",", missed));
    }
}
