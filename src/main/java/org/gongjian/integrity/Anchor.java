package org.gongjian.integrity;

import java.time.Instant;
import java.util.List;

/**
 * One line of the anchor file: the heads of every keyed chain at a moment ({@code chain:id:seq:hash}), their
 * SHA-256 digest, the previous line's SHA-256 (so a removed or edited line shows), and an Ed25519 signature over
 * all of it.
 */
public record Anchor(long seq, Instant at, String actor, int chains, String digest, String previous,
                     List<String> heads, String signature) {

    /** What the signature covers. */
    String signedText() {
        return "gongjian-anchor|" + seq + "|" + at + "|" + actor + "|" + chains + "|" + digest + "|" + previous;
    }
}
