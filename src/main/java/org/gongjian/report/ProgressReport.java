package org.gongjian.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * A progress report (进度报告) as one object: its review state and the rules of moving it. Services load it, call one
 * transition, save it and publish the events it registered; nothing else changes a report's state. Every transition
 * checks who may make it ({@link ReportPolicy}), from which state, and on which version the user saw (a stale page is
 * a 409, never a lost update).
 */
final class ProgressReport {

    private final ReportStore.ReportRow loaded;
    private ReportStatus status;
    private @Nullable ReviewStage stage;
    private boolean late;
    private @Nullable Instant firstSubmittedAt;
    private @Nullable Instant submittedAt;
    private @Nullable String submittedBy;
    private @Nullable Instant approvedAt;
    private @Nullable String approvedBy;
    private @Nullable Instant updatedAt;
    private final List<ReportView.ReviewStep> newSteps = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    ProgressReport(ReportStore.ReportRow row) {
        this.loaded = row;
        this.status = row.status();
        this.stage = row.stage();
        this.late = row.late();
        this.firstSubmittedAt = row.firstSubmittedAt();
        this.submittedAt = row.submittedAt();
        this.submittedBy = row.submittedBy();
        this.approvedAt = row.approvedAt();
        this.approvedBy = row.approvedBy();
    }

    /** What happened to it, for the trail and the events. */
    enum Approval { FORWARDED_TO_OFFICE, APPROVED }

    // ---- transitions ----

    /** Checks the user may change the content now (the service then stores the new content). */
    void edit(CurrentUser user, int version) {
        requireReporter(user);
        requireEditable();
        requireVersion(version);
    }

    /**
     * Sends the report up. Lateness is judged on the first submission: being asked to fix a report doesn't make the
     * unit late.
     */
    void submit(CurrentUser user, @Nullable Integer version, boolean unitHeadReview, long officeUnitId, Instant now,
                ZoneId zone) {
        requireReporter(user);
        requireEditable();
        if (loaded.progressText() == null || loaded.progressText().isBlank()) {
            throw InvalidInput.of("progressText", "请填写进展情况后再提交");
        }
        requireVersion(version);
        boolean resubmitted = status == ReportStatus.RETURNED;
        Instant first = firstSubmittedAt == null ? now : firstSubmittedAt;
        firstSubmittedAt = first;
        late = ReportPeriods.lateAt(loaded.deadline(), first, zone);
        submittedAt = now;
        submittedBy = user.getUsername();
        status = ReportStatus.SUBMITTED;
        stage = ReportPolicy.firstStage(unitHeadReview);
        step(resubmitted ? "重新提交" : "提交", user, null, now);
        events.add(new ReportSubmitted(ref(), stage, officeUnitId, resubmitted));
    }

    void returnForFixing(CurrentUser user, @Nullable Integer version, @Nullable String reason, Instant now) {
        requireReviewer(user);
        String why = ReportChecks.text(reason);
        if (why == null) {
            throw InvalidInput.of("reason", "请写明退回原因");
        }
        if (why.length() > 1000) {
            throw InvalidInput.of("reason", "退回原因不超过1000字");
        }
        requireVersion(version);
        status = ReportStatus.RETURNED;
        stage = null;
        step("退回", user, why, now);
        events.add(new ReportReturned(ref(), why, user.getUsername()));
    }

    /**
     * The unit head's approval passes the report on to the office; the office's approval is final. A reviewer's
     * note (e.g. the one shared by a batch approval) goes into the trail with the step.
     */
    Approval approve(CurrentUser user, @Nullable Integer version, @Nullable String note, long officeUnitId, Instant now) {
        requireReviewer(user);
        String remark = ReportChecks.note(note);
        requireVersion(version);
        if (stage == ReviewStage.UNIT_HEAD) {
            stage = ReviewStage.OFFICE;
            step("单位审核通过", user, remark, now);
            events.add(new ReportForwarded(ref(), officeUnitId, user.getUsername()));
            return Approval.FORWARDED_TO_OFFICE;
        }
        status = ReportStatus.APPROVED;
        stage = null;
        approvedAt = now;
        approvedBy = user.getUsername();
        step("通过", user, remark, now);
        return Approval.APPROVED;
    }

    /** After the approval's values reached the task: tells supervision (lights) and the author. */
    void applied(List<Long> affectedTaskIds) {
        if (status != ReportStatus.APPROVED) {
            throw new IllegalStateException("report " + loaded.id() + " is not approved");
        }
        events.add(new ReportApproved(ref(), affectedTaskIds, false));
    }

    /** A correction starts from an approved report that is still the period's latest revision. */
    void requireCorrectable(CurrentUser user, int latestRevision) {
        requireReporter(user);
        if (status != ReportStatus.APPROVED) {
            throw new DomainException("report.not-approved", "只有已通过的报告需要更正；未通过的报告请直接修改");
        }
        if (latestRevision != loaded.revision()) {
            throw new Conflict("report.correction-exists", "该报告已有更正稿，请在最新一稿上操作");
        }
    }

    /** Changes to attached evidence are content changes: only while the report is editable. */
    void requireEvidenceEditable(CurrentUser user) {
        requireReporter(user);
        requireEditable();
    }

    // ---- rules ----

    private void requireReporter(CurrentUser user) {
        if (!ReportPolicy.isReporter(user)) {
            throw new Forbidden("只有牵头单位的联络员或负责人可以填报");
        }
    }

    private void requireEditable() {
        if (!status.editable()) {
            throw new Conflict("report.frozen", "报告已“" + status.label() + "”，不能修改"
                    + (status == ReportStatus.APPROVED ? "；如需更正，请新建更正稿" : ""));
        }
    }

    private void requireReviewer(CurrentUser user) {
        if (status != ReportStatus.SUBMITTED || stage == null) {
            throw new Conflict("report.state", "报告当前状态为“" + status.label() + "”，不能审核");
        }
        if (!ReportPolicy.reviewsStage(user, stage)) {
            throw new Forbidden("您不是本报告当前环节的审核人（" + stage.label() + "）");
        }
        if (ReportPolicy.isOwnSubmission(user, submittedBy)) {
            throw new Forbidden("不能审核自己提交的报告");
        }
    }

    private void requireVersion(@Nullable Integer version) {
        if (version != null && version != loaded.version()) {
            throw stale();
        }
    }

    static Conflict stale() {
        return new Conflict("report.stale", "报告已被他人修改，请刷新后再操作");
    }

    private void step(String action, CurrentUser user, @Nullable String reason, Instant now) {
        newSteps.add(new ReportView.ReviewStep(action, user.getUsername(), reason, now));
        updatedAt = now;
    }

    ReportRef ref() {
        return new ReportRef(loaded.id(), loaded.taskId(), loaded.taskTitle(), loaded.campaignId(), loaded.unitId(),
                loaded.unitName(), loaded.period(), ReportingPeriod.displayName(loaded.period()), late,
                loaded.createdByUserId());
    }

    // ---- state for the store ----

    long id() { return loaded.id(); }
    long taskId() { return loaded.taskId(); }
    long campaignId() { return loaded.campaignId(); }
    long unitId() { return loaded.unitId(); }
    String period() { return loaded.period(); }
    LocalDate deadline() { return loaded.deadline(); }
    int revision() { return loaded.revision(); }
    ReportStore.ReportRow loaded() { return loaded; }
    ReportStatus status() { return status; }
    @Nullable ReviewStage stage() { return stage; }
    boolean late() { return late; }
    @Nullable Instant firstSubmittedAt() { return firstSubmittedAt; }
    @Nullable Instant submittedAt() { return submittedAt; }
    @Nullable String submittedBy() { return submittedBy; }
    @Nullable Instant approvedAt() { return approvedAt; }
    @Nullable String approvedBy() { return approvedBy; }
    @Nullable Instant updatedAt() { return updatedAt; }
    List<ReportView.ReviewStep> newSteps() { return List.copyOf(newSteps); }

    /**
     * The row as {@link ReportStore#save} leaves it: the loaded row with this object's review state and the next
     * version. The save's UPDATE matched the loaded version and status, so nothing else changed the row in between
     * (every change of a report's content or state moves its version); the task title and unit name are the ones read
     * with it in this transaction. The times are what the database keeps of them when the transitions were given
     * instants to the microsecond ({@link ReportService}), so a read now would give the same row.
     */
    ReportStore.ReportRow saved() {
        ReportStore.ReportRow r = loaded;
        return new ReportStore.ReportRow(r.id(), r.taskId(), r.taskTitle(), r.campaignId(), r.unitId(), r.unitName(),
                r.period(), r.revision(), r.correctsReportId(), r.deadline(), r.progressText(), r.problems(),
                r.nextSteps(), status, stage, late, r.createdBy(), r.createdByUserId(), r.createdAt(), firstSubmittedAt,
                submittedAt, submittedBy, approvedAt, approvedBy, r.contentJson(), r.contentHash(), r.chainSeq(),
                r.previousHash(), r.chainHash(), r.version() + 1, r.chainKeyId());
    }

    /** The events registered by the transitions so far, to publish once the report is saved. */
    List<Object> events() { return List.copyOf(events); }
}
