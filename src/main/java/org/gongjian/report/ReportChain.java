package org.gongjian.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.ChainKeys;
import org.jspecify.annotations.Nullable;

/**
 * Tamper evidence for approved reports: each carries the SHA-256 of its canonical content, chained per task to the
 * previous approved report by an HMAC-SHA-256 under a secret chain key (its id stored with the link) that also
 * covers the status. Verification recomputes the hash both from the stored canonical JSON and from the report
 * rows themselves, so editing either in the database is caught.
 */
final class ReportChain {

    /** Exactly what an approved report states; evidence by content hash, so swapping a file breaks the chain. */
    record Content(long reportId, long taskId, String period, int revision, @Nullable Long correctsReportId,
                   List<ReportView.IndicatorValue> indicatorValues, @Nullable String progressText,
                   @Nullable String problems, @Nullable String nextSteps, List<ReportView.MilestoneDone> milestonesDone,
                   List<String> evidence, boolean late, @Nullable String submittedBy, @Nullable Instant submittedAt,
                   @Nullable String approvedBy, @Nullable Instant approvedAt) {}

    /** The first broken link, or none. */
    record Verification(long taskId, boolean intact, int checked, @Nullable Long brokenReportId,
                        @Nullable String brokenPeriod, @Nullable String problem) {}

    private ReportChain() {
    }

    static Content content(ReportView r, List<String> evidenceHashes) {
        return new Content(r.id(), r.taskId(), r.period(), r.revision(), r.correctsReportId(), r.indicatorValues(),
                r.progressText(), r.problems(), r.nextSteps(), r.milestonesDone(),
                evidenceHashes.stream().sorted().toList(), r.late(), r.submittedBy(), r.submittedAt(), r.approvedBy(),
                r.approvedAt());
    }

    /** The text a link's HMAC covers: the previous link, the content hash and the status the report was sealed in. */
    static String linkText(@Nullable String previous, String contentHash, ReportStatus status) {
        return (previous == null ? CanonicalJson.GENESIS : previous) + "|" + contentHash + "|" + status.name();
    }

    /** A keyed link: HMAC-SHA-256 under the chain key {@code keyId}. */
    static String link(ChainKeys keys, String keyId, @Nullable String previous, String contentHash, ReportStatus status) {
        return keys.mac(keyId, linkText(previous, contentHash, status));
    }

    /** The unkeyed link of the first release (plain SHA-256, no status); only read to re-link legacy chains. */
    static String legacyLink(@Nullable String previous, String contentHash) {
        return CanonicalJson.sha256((previous == null ? CanonicalJson.GENESIS : previous) + "|" + contentHash);
    }

    /**
     * Walks a task's approved reports in chain order; {@code current} gives each report's content as stored now.
     * Each link must be the HMAC, under its own key, of the previous link, the content hash and the status
     * {@code APPROVED}: recomputing plain hashes after an edit, or setting the status back, breaks it.
     */
    static Verification verify(long taskId, List<ReportStore.ReportRow> sealed,
                               java.util.function.Function<ReportStore.ReportRow, Content> current, ChainKeys keys) {
        return walk(taskId, sealed, current, keys, false);
    }

    /** Whether a chain of unkeyed links is intact under the first release's rules (before it is re-linked). */
    static boolean legacyIntact(long taskId, List<ReportStore.ReportRow> sealed,
                                java.util.function.Function<ReportStore.ReportRow, Content> current) {
        return walk(taskId, sealed, current, null, true).intact();
    }

    private static Verification walk(long taskId, List<ReportStore.ReportRow> sealed,
                                     java.util.function.Function<ReportStore.ReportRow, Content> current,
                                     @Nullable ChainKeys keys, boolean legacy) {
        String previous = CanonicalJson.GENESIS;
        for (int i = 0; i < sealed.size(); i++) {
            ReportStore.ReportRow row = sealed.get(i);
            String problem = null;
            if (row.chainSeq() == null || row.chainSeq() != i + 1) {
                problem = "链序号不连续（缺失或插入了记录）";
            } else if (row.contentJson() == null || !CanonicalJson.sha256(row.contentJson()).equals(row.contentHash())) {
                problem = "存档内容与其哈希不符";
            } else if (row.status() != ReportStatus.APPROVED) {
                problem = "已通过报告的状态被改为「" + row.status().label() + "」";
            } else if (!CanonicalJson.write(current.apply(row)).equals(row.contentJson())) {
                problem = "报告数据与签存内容不符（报告被改动）";
            } else if (!Objects.equals(previous, row.previousHash())) {
                problem = "与上一份已通过报告的链接断开";
            } else if (legacy) {
                if (row.chainKeyId() != null || !legacyLink(previous, Objects.requireNonNull(row.contentHash())).equals(row.chainHash())) {
                    problem = "链哈希不符";
                }
            } else if (keys == null || !keys.knows(row.chainKeyId())) {
                problem = row.chainKeyId() == null ? "链接未用密钥计算（旧版或被替换的链接）" : "链接的密钥「" + row.chainKeyId() + "」未配置";
            } else if (!keys.verify(row.chainKeyId(), linkText(previous, Objects.requireNonNull(row.contentHash()), row.status()),
                    row.chainHash())) {
                problem = "链哈希不符（密钥化哈希校验失败：内容、状态或链接被改动）";
            }
            if (problem != null) {
                return new Verification(taskId, false, i + 1, row.id(), row.period(), problem);
            }
            previous = row.chainHash();
        }
        return new Verification(taskId, true, sealed.size(), null, null, null);
    }
}
