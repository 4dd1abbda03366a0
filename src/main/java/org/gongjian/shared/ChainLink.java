package org.gongjian.shared;

import org.jspecify.annotations.Nullable;

/**
 * One link of a keyed hash chain as the integrity module anchors it: which chain ({@code report} per task,
 * {@code pledge} per pledge, {@code signoff} per campaign), the chain's owner id, the link's place and its hash.
 */
public record ChainLink(String chain, long chainId, int seq, String hash, @Nullable String keyId) {

    /** The anchored form {@code chain:id:seq:hash}. */
    public String anchorForm() {
        return chain + ":" + chainId + ":" + seq + ":" + hash;
    }
}
