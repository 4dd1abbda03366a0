package org.gongjian.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.LockRetry;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The office in bulk: several awaiting reports approved with one shared note. Each goes through the same
 * {@link ReportService#approve} (the {@link ProgressReport} rules, its own transaction, its own audit row), so one
 * refusal — a stale report, someone else's stage, one's own submission — stops only that report and is reported
 * beside it.
 */
@Service
public class ReportApprovals {

    /** How many reports one batch may approve: a period's queue, not the whole county's history. */
    static final int MAX_BATCH = 200;

    /** What became of one report of the batch: its new state, or why it was not approved. */
    public record Outcome(long reportId, boolean approved, @Nullable String taskTitle, @Nullable ReportStatus status,
                          @Nullable ReviewStage reviewStage, @Nullable String problem)
            implements java.io.Serializable {}

    private final ReportService reports;

    ReportApprovals(ReportService reports) {
        this.reports = reports;
    }

    public List<Outcome> approveAll(@Nullable List<Long> reportIds, @Nullable String note, CurrentUser user,
                                    DataScope scope) {
        if (!ReportPolicy.isReviewer(user)) {
            throw new Forbidden("只有单位负责人和督查室可以审核报告");
        }
        LinkedHashSet<Long> ids = new LinkedHashSet<>(reportIds == null ? List.of() : reportIds);
        ids.remove(null);
        if (ids.isEmpty()) {
            throw InvalidInput.of("reportIds", "请至少选择一份报告");
        }
        if (ids.size() > MAX_BATCH) {
            throw InvalidInput.of("reportIds", "一次最多审核" + MAX_BATCH + "份报告");
        }
        ReportChecks.note(note); // a wrong shared note is wrong for every report: refused before any approval
        List<Outcome> outcomes = new ArrayList<>();
        for (long id : ids) {
            try {
                ReportView after = LockRetry.run(() -> reports.approve(id, null, note, user, scope));
                outcomes.add(new Outcome(id, true, after.taskTitle(), after.status(), after.reviewStage(), null));
            } catch (InvalidInput | DomainException e) {
                outcomes.add(new Outcome(id, false, null, null, null, e.getMessage()));
            } catch (NotFound e) {
                outcomes.add(new Outcome(id, false, null, null, null, "报告不存在或不在您的数据范围内"));
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                // each report is its own transaction: those before it stay approved, this one is not, the rest go on
                outcomes.add(new Outcome(id, false, null, null, null, "系统繁忙，本份报告未审核，请稍后重试"));
            }
        }
        return outcomes;
    }

    /** The next report waiting for this reviewer after {@code doneId} ("approve and next"), if any. */
    public @Nullable Long nextAwaiting(long doneId, CurrentUser user, DataScope scope) {
        return reports.awaitingReview(user, scope).stream().map(ReportView::id).filter(id -> id != doneId)
                .findFirst().orElse(null);
    }
}
