package org.gongjian.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.ChainKeys;
import org.jspecify.annotations.Nullable;

/**
 * Tamper evidence for signed-off problems: each sign-off stores the problem's canonical content (with its accepted
 * evidence files' SHA-256) and its SHA-256, chained per campaign to the previous sign-off. Verification recomputes
 * every link from the stored JSON, and the content of problems still signed off from their live rows, so editing
 * either in the database is caught. A reopened problem keeps its earlier seals (its history).
 */
final class ProblemChain {

    /** Exactly what a sign-off states. */
    record Content(long problemId, long campaignId, long unitId, String source, String category, String description,
                   String severity, LocalDate foundOn, @Nullable Long taskId, @Nullable Long noticeId, int reopenCount,
                   List<Measure> measures, @Nullable String signedOffBy, @Nullable Instant signedOffAt,
                   @Nullable String signoffReason) {}

    record Measure(long measureId, String description, long ownerUnitId, String ownerName, LocalDate deadline,
                   String expectedResult, String status, @Nullable LocalDate doneOn, List<AcceptedProgress> accepted) {}

    record AcceptedProgress(long progressId, String text, List<String> evidence, String reportedBy, String acceptedBy) {}

    /** A stored seal, as verification reads it. */
    record Seal(long id, int seq, long problemId, String contentJson, String contentHash, String previousHash,
                String chainHash, @Nullable String keyId) {}

    /** A problem as it stands now: its status, how often it was reopened, its canonical content when signed off. */
    record Live(ProblemStatus status, int reopenCount, @Nullable String signedOffJson) {}

    /** The first broken link of a campaign's chain, or none. */
    public record Verification(long campaignId, boolean intact, int checked, @Nullable Long brokenProblemId,
                               @Nullable String problem) {}

    private ProblemChain() {
    }

    static Content content(ProblemView p, java.util.function.Function<Long, String> evidenceHash) {
        List<Measure> measures = p.measures().stream().map(m -> new Measure(m.id(), m.description(), m.ownerUnitId(),
                m.ownerName(), m.deadline(), m.expectedResult(), m.status().name(), m.doneOn(),
                m.progress().stream().filter(r -> "ACCEPTED".equals(r.verdict()))
                        .map(r -> new AcceptedProgress(r.id(), r.text(),
                                r.evidenceIds().stream().map(evidenceHash).sorted().toList(), r.reportedBy(),
                                Objects.requireNonNull(r.verdictBy())))
                        .toList())).toList();
        return new Content(p.id(), p.campaignId(), p.unitId(), p.source().name(), p.category(), p.description(),
                p.severity().name(), p.foundOn(), p.taskId(), p.noticeId(), p.reopenCount(), measures, p.signedOffBy(),
                p.signedOffAt(), p.signoffReason());
    }

    /** The text a link's HMAC covers: the previous link, the content hash and the status sealed ({@code SIGNED_OFF}). */
    static String linkText(String previous, String contentHash) {
        return previous + "|" + contentHash + "|" + ProblemStatus.SIGNED_OFF.name();
    }

    /** A keyed link: HMAC-SHA-256 under the chain key {@code keyId}. */
    static String link(ChainKeys keys, String keyId, String previous, String contentHash) {
        return keys.mac(keyId, linkText(previous, contentHash));
    }

    /** The unkeyed link of the first release (plain SHA-256); only read to re-link legacy chains. */
    static String legacyLink(String previous, String contentHash) {
        return CanonicalJson.sha256(previous + "|" + contentHash);
    }

    /**
     * Walks a campaign's seals in chain order. {@code live} gives a problem as it stands now; only its latest seal
     * must match it: while signed off, its content must be the sealed one; otherwise it must have been reopened
     * since (its reopen count above the sealed one), so a status set back by hand is caught.
     */
    static Verification verify(long campaignId, List<Seal> seals, java.util.function.Function<Long, Live> live,
                               ChainKeys keys) {
        return walk(campaignId, seals, live, keys, false);
    }

    static boolean legacyIntact(long campaignId, List<Seal> seals, java.util.function.Function<Long, Live> live) {
        return walk(campaignId, seals, live, null, true).intact();
    }

    private static Verification walk(long campaignId, List<Seal> seals, java.util.function.Function<Long, Live> live,
                                     @Nullable ChainKeys keys, boolean legacy) {
        String previous = CanonicalJson.GENESIS;
        java.util.Map<Long, Integer> latest = new java.util.HashMap<>();
        for (Seal s : seals) {
            latest.put(s.problemId(), s.seq());
        }
        for (int i = 0; i < seals.size(); i++) {
            Seal s = seals.get(i);
            String problem = null;
            if (s.seq() != i + 1) {
                problem = "链序号不连续（缺失或插入了记录）";
            } else if (!CanonicalJson.sha256(s.contentJson()).equals(s.contentHash())) {
                problem = "存档内容与其哈希不符";
            } else if (!previous.equals(s.previousHash())) {
                problem = "与上一条销号记录的链接断开";
            } else if (legacy) {
                if (s.keyId() != null || !legacyLink(previous, s.contentHash()).equals(s.chainHash())) {
                    problem = "链哈希不符";
                }
            } else if (keys == null || !keys.knows(s.keyId())) {
                problem = s.keyId() == null ? "链接未用密钥计算（旧版或被替换的链接）" : "链接的密钥「" + s.keyId() + "」未配置";
            } else if (!keys.verify(s.keyId(), linkText(previous, s.contentHash()), s.chainHash())) {
                problem = "链哈希不符（密钥化哈希校验失败：内容或链接被改动）";
            }
            if (problem == null && latest.get(s.problemId()) == s.seq()) {
                Live now = live.apply(s.problemId());
                if (now.status() == ProblemStatus.SIGNED_OFF) {
                    if (!s.contentJson().equals(now.signedOffJson())) {
                        problem = "问题数据与销号存档不符（销号后被改动）";
                    }
                } else if (now.reopenCount() <= CanonicalJson.read(s.contentJson(), Content.class).reopenCount()) {
                    problem = "已销号问题的状态被改为「" + now.status().label() + "」（没有反弹记录）";
                }
            }
            if (problem != null) {
                return new Verification(campaignId, false, i + 1, s.problemId(), problem);
            }
            previous = s.chainHash();
        }
        return new Verification(campaignId, true, seals.size(), null, null);
    }
}
