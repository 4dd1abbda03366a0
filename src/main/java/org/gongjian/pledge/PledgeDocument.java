package org.gongjian.pledge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One version of a pledge as printed: its content, status, signatures and hashes. */
public record PledgeDocument(long pledgeId, int version, PledgeStatus status, PledgeContent content,
                             List<PledgeView.SignatureView> signatures, @Nullable String contentHash,
                             @Nullable String chainHash) {
}
