package org.gongjian.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.gongjian.shared.CanonicalJson;
import org.jspecify.annotations.Nullable;

/**
 * Tamper evidence for approved reports: each carries the SHA-256 of its canonical content, chained per task to the
 * previous approved report. Verification recomputes the hash both from the stored canonical JSON and from the report
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

    static String link(@Nullable String previous, String contentHash) {
        return CanonicalJson.sha256((previous == null ? CanonicalJson.GENESIS : previous) + "|" + contentHash);
    }

    /** Walks a task's approved reports in chain order; {@code current} gives each report's content as stored now. */
    static Verification verify(long taskId, List<ReportStore.ReportRow> sealed,
                               java.util.function.Function<ReportStore.ReportRow, Content> current) {
        String previous = CanonicalJson.GENESIS;
        for (int i = 0; i < sealed.size(); i++) {
            ReportStore.ReportRow row = sealed.get(i);
            String problem = null;
            if (row.chainSeq() == null || row.chainSeq() != i + 1) {
                problem = "链序号不连续（缺失或插入了记录）";
            } else if (row.contentJson() == null || !CanonicalJson.sha256(row.contentJson()).equals(row.contentHash())) {
                problem = "存档内容与其哈希不符";
            } else if (!CanonicalJson.write(current.apply(row)).equals(row.contentJson())) {
                problem = "报告数据与签存内容不符（报告被改动）";
            } else if (!Objects.equals(previous, row.previousHash())) {
                problem = "与上一份已通过报告的链接断开";
            } else if (!link(previous, row.contentHash()).equals(row.chainHash())) {
                problem = "链哈希不符";
            }
            if (problem != null) {
                return new Verification(taskId, false, i + 1, row.id(), row.period(), problem);
            }
            previous = row.chainHash();
        }
        return new Verification(taskId, true, sealed.size(), null, null, null);
    }
}
