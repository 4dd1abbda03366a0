package org.gongjian.pledge;

import java.util.List;

import org.gongjian.pledge.PledgeStore.SignatureRecord;
import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.ChainKeys;
import org.jspecify.annotations.Nullable;

/**
 * Canonical form and hashes of pledge versions. The content hash covers the canonical JSON; the chain hash of a
 * signed version covers the previous version's chain hash, its own content hash and both signatures, so editing
 * any signed row in the database breaks verification from that version on.
 */
final class PledgeHashing {

    static final String GENESIS = CanonicalJson.GENESIS;

    private PledgeHashing() {
    }

    static String canonical(PledgeContent content) {
        return CanonicalJson.write(content);
    }

    static PledgeContent read(String json) {
        return CanonicalJson.read(json, PledgeContent.class);
    }

    static String sha256(String text) {
        return CanonicalJson.sha256(text);
    }

    /**
     * The text a keyed link covers: previous link, this version's content hash, who signed it and when, and the
     * status it was sealed in ({@code SIGNED}).
     */
    static String linkText(@Nullable String previous, String contentHash, String signatures) {
        return (previous == null ? GENESIS : previous) + "|" + contentHash + "|" + signatures + "|" + PledgeStatus.SIGNED.name();
    }

    /** One keyed link: HMAC-SHA-256 of {@link #linkText} under the chain key {@code keyId}. */
    static String link(ChainKeys keys, String keyId, @Nullable String previous, String contentHash, String signatures) {
        return keys.mac(keyId, linkText(previous, contentHash, signatures));
    }

    /** One unkeyed link of the first release (plain SHA-256): previous link, content hash, signatures. Read only to re-link. */
    static String link(@Nullable String previous, String contentHash, String signatures) {
        return sha256((previous == null ? GENESIS : previous) + "|" + contentHash + "|" + signatures);
    }

    /** The signatures of a version as the chain link hashes them, in role order. */
    static String signatureLine(List<SignatureRecord> signatures) {
        StringBuilder line = new StringBuilder();
        signatures.stream().sorted(java.util.Comparator.comparing(SignatureRecord::role)).forEach(s ->
                line.append(s.role()).append(':').append(s.userId()).append(':').append(s.signerName()).append(':')
                        .append(s.signedAt().toEpochMilli()).append(':').append(s.clientAddress()).append(';'));
        return line.toString();
    }
}
