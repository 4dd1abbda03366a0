package org.gongjian.pledge;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A pledge with its current version, signatures, earlier versions and fulfilment. */
public record PledgeView(long id, long campaignId, long unitId, String unitName, int version, PledgeStatus status,
                         @Nullable String contentHash, List<SignatureView> signatures, PledgeContent content,
                         List<VersionSummary> versions, Fulfilment fulfilment, List<String> fulfilmentReasons,
                         int lockVersion) {

    public record SignatureView(SignatureRole role, long userId, String signerName, Instant signedAt,
                                @Nullable String clientAddress, String contentHash) {}

    public record VersionSummary(int version, PledgeStatus status, @Nullable String contentHash,
                                 @Nullable String chainHash, @Nullable String amendmentReason, @Nullable Instant signedAt) {}
}
