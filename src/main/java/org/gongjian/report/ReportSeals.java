package org.gongjian.report;

import java.util.List;
import java.util.Objects;

import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.Conflict;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The per-task hash chain of approved reports: an approval seals the report's canonical JSON (with its evidence
 * files' SHA-256) as the next link. Runs in the approving transaction.
 */
@Component
class ReportSeals {

    private final ReportStore reports;
    private final EvidenceService evidence;

    ReportSeals(ReportStore reports, EvidenceService evidence) {
        this.reports = reports;
        this.evidence = evidence;
    }

    void seal(ReportView approved) {
        String json = CanonicalJson.write(ReportChain.content(approved, evidenceHashes(approved.id())));
        String hash = CanonicalJson.sha256(json);
        ReportStore.ReportRow last = reports.lastSealed(approved.taskId()).orElse(null);
        String previous = last == null ? CanonicalJson.GENESIS : Objects.requireNonNull(last.chainHash());
        int seq = last == null ? 1 : Objects.requireNonNull(last.chainSeq()) + 1;
        try {
            reports.seal(approved.id(), seq, json, hash, previous, ReportChain.link(previous, hash));
        } catch (DuplicateKeyException e) {
            // Two approvals of the same task's reports at the same instant: one links first, the other retries.
            throw new Conflict("report.chain-busy", "同一任务的另一份报告正在审核，请稍后重试");
        }
    }

    List<String> evidenceHashes(long reportId) {
        return evidence.ofReport(reportId).stream().map(EvidenceView::sha256).toList();
    }
}
