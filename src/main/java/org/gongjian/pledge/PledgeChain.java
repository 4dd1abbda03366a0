package org.gongjian.pledge;

import java.util.List;
import java.util.Objects;

import org.gongjian.pledge.PledgeStore.SignatureRecord;
import org.gongjian.pledge.PledgeStore.VersionRecord;
import org.gongjian.shared.ChainKeys;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A pledge's chain of signed versions: each link is the HMAC-SHA-256, under a secret chain key whose id the version
 * stores, of the previous link, the content hash, both signatures and the signed status. A version that was ever
 * chained must still be signed (the last) or superseded (every earlier one): setting a status back is caught.
 * Also re-links the first release's unkeyed chains once (see the integrity module).
 */
@Component
class PledgeChain {

    private final PledgeStore pledges;
    private final ChainKeys keys;

    PledgeChain(PledgeStore pledges, ChainKeys keys) {
        this.pledges = pledges;
        this.keys = keys;
    }

    Verification verify(long pledgeId) {
        return walk(pledges.versions(pledgeId), false);
    }

    /** Re-links every pledge whose chain is unkeyed and intact under the first release's rules; returns links re-linked. */
    int relinkLegacy() {
        int relinked = 0;
        String key = keys.currentKeyId();
        for (long pledgeId : pledges.pledgesWithLegacyLinks()) {
            List<VersionRecord> versions = pledges.versions(pledgeId);
            if (!walk(versions, true).valid()) {
                continue;
            }
            String previous = null;
            for (VersionRecord v : chained(versions)) {
                String link = PledgeHashing.link(keys, key, previous, Objects.requireNonNull(v.contentHash()),
                        PledgeHashing.signatureLine(pledges.signatures(v.id())));
                pledges.relink(v.id(), previous, link, key);
                previous = link;
                relinked++;
            }
        }
        return relinked;
    }

    private static List<VersionRecord> chained(List<VersionRecord> versions) {
        return versions.stream().filter(v -> v.chainHash() != null || v.chainKeyId() != null
                || v.status() == PledgeStatus.SIGNED || v.status() == PledgeStatus.SUPERSEDED).toList();
    }

    private Verification walk(List<VersionRecord> versions, boolean legacy) {
        List<VersionRecord> chain = chained(versions);
        String previous = null;
        int checked = 0;
        for (int i = 0; i < chain.size(); i++) {
            VersionRecord v = chain.get(i);
            checked++;
            String at = "第" + v.versionNo() + "版";
            PledgeStatus expected = i == chain.size() - 1 ? PledgeStatus.SIGNED : PledgeStatus.SUPERSEDED;
            if (v.status() != expected) {
                return new Verification(false, checked, v.versionNo(), at + "的状态被改动（应为「" + expected.label()
                        + "」，现为「" + v.status().label() + "」）");
            }
            String hash = PledgeHashing.sha256(v.contentJson());
            if (!hash.equals(v.contentHash())) {
                return new Verification(false, checked, v.versionNo(), at + "内容与签署时的哈希不一致");
            }
            List<SignatureRecord> signatures = pledges.signatures(v.id());
            if (signatures.size() != 2 || signatures.stream().anyMatch(s -> !s.contentHash().equals(hash))) {
                return new Verification(false, checked, v.versionNo(), at + "的签名与内容哈希不符");
            }
            String line = PledgeHashing.signatureLine(signatures);
            boolean linked;
            if (!Objects.equals(previous, v.previousHash())) {
                linked = false;
            } else if (legacy) {
                linked = v.chainKeyId() == null && PledgeHashing.link(previous, hash, line).equals(v.chainHash());
            } else if (!keys.knows(v.chainKeyId())) {
                return new Verification(false, checked, v.versionNo(), at + "的哈希链接"
                        + (v.chainKeyId() == null ? "未用密钥计算（旧版或被替换的链接）" : "所用密钥「" + v.chainKeyId() + "」未配置"));
            } else {
                linked = keys.verify(v.chainKeyId(), PledgeHashing.linkText(previous, hash, line), v.chainHash());
            }
            if (!linked) {
                return new Verification(false, checked, v.versionNo(), at + "的哈希链接断开（密钥化哈希校验失败）");
            }
            previous = v.chainHash();
        }
        return new Verification(true, checked, null, null);
    }

    /** Every link of every pledge (for the anchors). */
    List<org.gongjian.shared.ChainLink> links() {
        return pledges.links();
    }

    List<Long> chainedPledges() {
        return pledges.chainedPledges();
    }

    static @Nullable Integer brokenAt(Verification v) {
        return v.brokenAtVersion();
    }
}
