package org.gongjian.report;

import java.util.List;
import java.util.Objects;

import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.ChainKeys;
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
    private final ChainKeys keys;

    ReportSeals(ReportStore reports, EvidenceService evidence, ChainKeys keys) {
        this.reports = reports;
        this.evidence = evidence;
        this.keys = keys;
    }

    /**
     * Seals the approved report as read in this transaction (its evidence included, so the files' hashes are not read
     * again) and returns it as sealed: the same view with its content hash and chain link, which is exactly what a
     * fresh read would give — nothing else in the approving transaction touches the report, its values or evidence.
     * {@code tail} is the task's chain as read in this transaction ({@link ReportStore#chainTail}).
     */
    ReportView seal(ReportView approved, ReportStore.ChainTail tail) {
        String json = CanonicalJson.write(ReportChain.content(approved,
                approved.evidence().stream().map(EvidenceView::sha256).toList()));
        String hash = CanonicalJson.sha256(json);
        Integer last = tail.lastSeq();
        String previous = last == null ? CanonicalJson.GENESIS : Objects.requireNonNull(tail.lastHash());
        int seq = last == null ? 1 : last + 1;
        try {
            String key = keys.currentKeyId();
            String link = ReportChain.link(keys, key, previous, hash, ReportStatus.APPROVED);
            reports.seal(approved.id(), seq, json, hash, previous, link, key);
            return approved.sealed(hash, link);
        } catch (DuplicateKeyException e) {
            // Two approvals of the same task's reports at the same instant: one links first, the other retries.
            throw new Conflict("report.chain-busy", "同一任务的另一份报告正在审核，请稍后重试");
        }
    }

    /**
     * Re-links, under the current key, every task chain that still has unkeyed links from the first release and
     * is intact under that release's rules (a broken one is left as it is, for verification to report).
     * Returns the number of links re-linked.
     */
    int relinkLegacy(java.util.function.Function<ReportStore.ReportRow, ReportChain.Content> current) {
        int relinked = 0;
        String key = keys.currentKeyId();
        for (long taskId : reports.tasksWithLegacyLinks()) {
            List<ReportStore.ReportRow> chain = reports.sealed(taskId);
            if (!ReportChain.legacyIntact(taskId, chain, current)) {
                continue;
            }
            String previous = CanonicalJson.GENESIS;
            for (ReportStore.ReportRow row : chain) {
                String link = ReportChain.link(keys, key, previous, Objects.requireNonNull(row.contentHash()), row.status());
                reports.relink(row.id(), previous, link, key);
                previous = link;
                relinked++;
            }
        }
        return relinked;
    }

    ChainKeys keys() {
        return keys;
    }

    List<String> evidenceHashes(long reportId) {
        return evidence.ofReport(reportId).stream().map(EvidenceView::sha256).toList();
    }
}
