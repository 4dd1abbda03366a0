package org.gongjian.rectification;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.jspecify.annotations.Nullable;

/**
 * A problem as one object: its state and the rules of moving it (未整改 → 整改中 → 已销号 → 已反弹 → … → 已销号).
 * Every transition checks who may make it ({@link ProblemPolicy}), from which state, and on which version the user
 * saw; the service then writes it with an UPDATE conditional on that version and state (a stale page is a 409).
 */
final class Problem {

    static final int REASON_MAX = 1000;

    private final ProblemView loaded;
    private final Severity unitHeadMax;

    Problem(ProblemView loaded, Severity unitHeadMax) {
        this.loaded = loaded;
        this.unitHeadMax = unitHeadMax;
    }

    ProblemView view() {
        return loaded;
    }

    /** Adding a measure: by the unit or the office, not on a signed-off problem. */
    void plan(CurrentUser user) {
        requireEditable();
        if (!ProblemPolicy.mayPlan(user, loaded.status())) {
            throw new Forbidden("只有问题所在单位或督查室可以制定整改措施");
        }
    }

    /** Reporting progress on a measure still being fixed; returns the problem's state afterwards. */
    ProblemStatus report(CurrentUser user, long measureId) {
        requireEditable();
        if (!ProblemPolicy.mayReport(user, loaded.status())) {
            throw new Forbidden("只有问题所在单位的联络员或负责人可以报送整改进展");
        }
        MeasureView m = measure(measureId);
        if (m.status() == MeasureStatus.DONE) {
            throw new Conflict("measure.done", "该措施已完成验收，无需再报进展");
        }
        if (m.status() == MeasureStatus.REPORTED) {
            throw new Conflict("measure.pending", "该措施上次报送的进展尚待验收，请等待验收结果");
        }
        return loaded.status() == ProblemStatus.OPEN ? ProblemStatus.IN_PROGRESS : loaded.status();
    }

    /** Accepting or rejecting the pending progress of a measure. */
    MeasureView.Progress judge(CurrentUser user, long measureId) {
        requireEditable();
        MeasureView m = measure(measureId);
        MeasureView.Progress latest = m.latest();
        if (m.status() != MeasureStatus.REPORTED || latest == null || !latest.pending()) {
            throw new Conflict("measure.nothing-pending", "该措施没有待验收的进展");
        }
        if (!ProblemPolicy.signs(user, loaded, unitHeadMax)) {
            throw new Forbidden(refusal());
        }
        if (ProblemPolicy.isOwn(user, latest.reportedBy())) {
            throw new Forbidden("不能验收自己报送的进展");
        }
        return latest;
    }

    /** 销号: every measure done, by those who may, with a reason. */
    String signOff(CurrentUser user, @Nullable Integer version, @Nullable String reason) {
        requireVersion(version);
        requireEditable();
        if (!ProblemPolicy.signs(user, loaded, unitHeadMax)) {
            throw new Forbidden(refusal());
        }
        if (!loaded.allMeasuresDone()) {
            throw new Conflict("problem.measures-open", loaded.measures().isEmpty() ? "该问题还没有整改措施，不能销号"
                    : "还有" + (loaded.measures().size() - loaded.doneMeasures()) + "项整改措施未完成验收，不能销号");
        }
        return reason(reason, "请写明销号理由");
    }

    /** 反弹: a signed-off problem came back; it keeps its history and is fixed again. */
    String reopen(CurrentUser user, @Nullable Integer version, @Nullable String reason) {
        requireVersion(version);
        if (loaded.status() != ProblemStatus.SIGNED_OFF) {
            throw new Conflict("problem.not-signed-off", "只有已销号的问题可以标记反弹（当前：" + loaded.statusLabel() + "）");
        }
        if (!ProblemPolicy.signs(user, loaded, unitHeadMax)) {
            throw new Forbidden(refusal());
        }
        return reason(reason, "请写明问题反弹的情况");
    }

    private String refusal() {
        return loaded.source() == ProblemSource.SELF && loaded.severity().compareTo(unitHeadMax) <= 0
                ? "只有督查室或本单位负责人可以验收、销号或认定反弹"
                : "该问题（" + loaded.sourceLabel() + "，" + loaded.severityLabel() + "）须由督查室验收、销号或认定反弹";
    }

    MeasureView measure(long measureId) {
        return loaded.measures().stream().filter(m -> m.id() == measureId).findFirst()
                .orElseThrow(() -> new NotFound("measure", measureId));
    }

    private void requireEditable() {
        if (!loaded.status().editable()) {
            throw new Conflict("problem.frozen", "问题已销号，内容已冻结；如问题反弹，请先标记反弹");
        }
    }

    private void requireVersion(@Nullable Integer version) {
        if (version != null && version != loaded.version()) {
            throw stale();
        }
    }

    static Conflict stale() {
        return new Conflict("problem.stale", "问题已被他人修改，请刷新后再操作");
    }

    private static String reason(@Nullable String text, String missing) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw InvalidInput.of("reason", missing);
        }
        if (clean.length() > REASON_MAX) {
            throw InvalidInput.of("reason", "理由不超过" + REASON_MAX + "字");
        }
        return clean;
    }
}
