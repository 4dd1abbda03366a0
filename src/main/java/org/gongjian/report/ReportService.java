package org.gongjian.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportedProgress;
import org.gongjian.campaign.ReviewRoute;
import org.gongjian.campaign.TaskProgress;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.org.OrgService;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress reports (进度报送) and their review: draft › submitted › (unit head ›) office › approved, or returned with
 * a reason and resubmitted. Approval applies the reported values and milestones to the task and seals the report
 * into the task's hash chain; an approved report never changes — a correction is a new revision.
 */
@Service
@Transactional
public class ReportService {

    private final ReportStore reports;
    private final ReportChecks checks;
    private final EvidenceService evidence;
    private final ReportSeals seals;
    private final TaskService tasks;
    private final TaskProgress progress;
    private final CampaignService campaigns;
    private final OrgService org;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportService(ReportStore reports, ReportChecks checks, EvidenceService evidence, ReportSeals seals,
                  TaskService tasks, TaskProgress progress, CampaignService campaigns, OrgService org,
                  ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.checks = checks;
        this.evidence = evidence;
        this.seals = seals;
        this.tasks = tasks;
        this.progress = progress;
        this.campaigns = campaigns;
        this.org = org;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ReportView report(long id, DataScope scope) {
        return view(reports.find(id, scope).orElseThrow(() -> new NotFound("report", id)));
    }

    @Transactional(readOnly = true)
    public List<ReportView> ofTask(long taskId, DataScope scope) {
        tasks.task(taskId, scope);
        return reports.ofTask(taskId, scope).stream().map(this::view).toList();
    }

    /** The period a new report of this task is for when the reporter doesn't say (see {@link ReportPeriods}). */
    @Transactional(readOnly = true)
    public ReportingPeriod suggestedPeriod(long taskId, DataScope scope) {
        TaskView task = tasks.taskForReporting(taskId, scope);
        return ReportPeriods.suggested(task, campaigns.campaign(task.campaignId(), DataScope.everything()),
                today(), period -> reports.current(taskId, period).isPresent());
    }

    /** The task's report of the period before {@code period} (上期), for the form and the review page. */
    @Transactional(readOnly = true)
    @Nullable ReportView previous(long taskId, String period) {
        return reports.previous(taskId, period).map(this::view).orElse(null);
    }

    /** The report beside its last period's (上期), for the review page and the unchanged-report warning. */
    @Transactional(readOnly = true)
    ReportDiff diff(ReportView report) {
        return ReportDiff.of(tasks.task(report.taskId(), DataScope.everything()), report,
                previous(report.taskId(), report.period()));
    }

    /** Starts this period's report, pre-filled from the task's last report wherever the command leaves a gap. */
    public ReportView start(long taskId, ReportCommand command, CurrentUser user, DataScope scope) {
        TaskView task = tasks.taskForReporting(taskId, scope);
        mayReport(user, task.leadUnitId(), scope);
        CampaignView campaign = campaigns.campaign(task.campaignId(), DataScope.everything());
        ReportingPeriod period = command.period() == null
                ? ReportPeriods.suggested(task, campaign, today(), p -> reports.current(taskId, p).isPresent())
                : ReportPeriods.checked(ReportingPeriod.parse(command.period(), campaign), task, today());
        // One read answers both questions: the latest report of this period or before is this period's latest
        // revision when the period has one (then it exists: 409), else the report a new one is pre-filled from.
        ReportStore.ReportRow latest = reports.latestBefore(taskId, period.label()).orElse(null);
        if (latest != null && latest.period().equals(period.label())) {
            throw new Conflict("report.exists", period.displayName() + "的报告已存在（编号" + latest.id() + "），请在原报告上修改");
        }
        ReportView last = latest == null ? null : prefill(latest, command);
        Inserted inserted = insertReport(new ReportStore.NewReport(taskId, task.campaignId(), task.leadUnitId(),
                period.label(), 1, null, period.deadline(), user.getUsername(), user.id()), command.prefilledFrom(last), task);
        ReportView created = fresh(inserted, task);
        events.publishEvent(AuditableChange.created("report", inserted.id(), created));
        return created;
    }

    /**
     * The last report as far as {@link ReportCommand#prefilledFrom} reads it: its texts, and its values where the
     * command brings none. Its milestones, review steps and evidence are never carried over, so not read.
     */
    private ReportView prefill(ReportStore.ReportRow last, ReportCommand command) {
        return view(last, command.indicatorValues() != null ? List.of() : reports.values(last.id()), List.of(),
                List.of(), List.of());
    }

    /**
     * A report inserted in this transaction, as a read of it would give it: its row as inserted (the unit's name and
     * the task's title are the task's own: its lead unit is the report's unit, and campaign_task_ref is the task
     * table; the creation time was given to the microsecond the database keeps), the values and milestones just
     * inserted in the order and scale they read back in (DECIMAL(18, 4); the checks allow no more than four
     * decimals, so nothing is rounded), and no review steps or evidence yet — nothing else can have added any to a
     * row not yet committed. Five statements less than {@link #report} per new report (issue #18).
     */
    private ReportView fresh(Inserted inserted, TaskView task) {
        ReportStore.NewReport r = inserted.row();
        ReportStore.Texts texts = inserted.texts();
        ReportStore.ReportRow row = new ReportStore.ReportRow(inserted.id(), r.taskId(), task.title(), r.campaignId(),
                r.unitId(), task.leadUnitName(), r.period(), r.revision(), r.correctsReportId(), r.deadline(),
                texts.progressText(), texts.problems(), texts.nextSteps(), ReportStatus.DRAFT, null, false,
                r.createdBy(), r.userId(), inserted.at(), null, null, null, null, null, null, null, null, null, null, 0,
                null);
        List<ReportView.IndicatorValue> values = inserted.values().stream()
                .map(v -> new ReportView.IndicatorValue(v.indicatorId(), v.value().setScale(4)))
                .sorted(java.util.Comparator.comparingLong(ReportView.IndicatorValue::indicatorId)).toList();
        List<ReportView.MilestoneDone> done = inserted.milestones().stream()
                .sorted(java.util.Comparator.comparingLong(ReportView.MilestoneDone::milestoneId)).toList();
        return view(row, values, done, List.of(), List.of());
    }

    /** A correction of an approved report: the next revision of the same period, starting from its content. */
    public ReportView correct(long id, CurrentUser user, DataScope scope) {
        ProgressReport approved = load(id, scope);
        approved.requireCorrectable(user, reports.current(approved.taskId(), approved.period()).orElseThrow().revision());
        ReportView view = view(approved.loaded());
        TaskView task = tasks.taskForReporting(approved.taskId(), DataScope.everything());
        ReportCommand same = new ReportCommand(null, view.indicatorValues(), view.progressText(),
                view.problems(), view.nextSteps(), view.milestonesDone());
        long correction = insert(new ReportStore.NewReport(approved.taskId(), approved.campaignId(), approved.unitId(),
                approved.period(), approved.revision() + 1, approved.id(), approved.deadline(), user.getUsername(),
                user.id()), same, task);
        ReportView created = report(correction, DataScope.everything());
        events.publishEvent(new AuditableChange("report.correction", "report", String.valueOf(correction), approved.id(),
                created));
        return created;
    }

    /** Replaces a draft's content; {@code version} is what the editor loaded, so a concurrent edit is a 409. */
    public ReportView update(long id, int version, ReportCommand command, CurrentUser user, DataScope scope) {
        ProgressReport report = load(id, scope);
        samePeriod(report, command.period());
        report.edit(user, version);
        ReportView before = view(report.loaded());
        TaskView task = tasks.taskForReporting(report.taskId(), DataScope.everything());
        List<ReportView.IndicatorValue> values = checks.values(task, command.indicatorValues());
        List<ReportView.MilestoneDone> done = checks.milestones(task, command.milestonesDone(), today());
        if (!reports.updateTexts(id, version, texts(command), clock.instant())) {
            throw ProgressReport.stale();
        }
        reports.replaceValues(id, values);
        reports.replaceMilestones(id, done);
        ReportView after = report(id, DataScope.everything());
        events.publishEvent(AuditableChange.updated("report", id, before, after));
        return after;
    }

    /** A PUT names the report's own period or none: an invalid one is 400, another one 422, and neither touches the draft. */
    private void samePeriod(ProgressReport report, @Nullable String period) {
        if (period == null) {
            return;
        }
        CampaignView campaign = campaigns.campaign(report.campaignId(), DataScope.everything());
        if (!ReportingPeriod.parse(period, campaign).label().equals(report.period())) {
            throw InvalidInput.of("period", "报告的周期不能修改：本报告是" + ReportingPeriod.displayName(report.period()) + "的报告");
        }
    }

    public ReportView submit(long id, @Nullable Integer version, CurrentUser user, DataScope scope) {
        ProgressReport report = load(id, scope);
        ReportStatus was = report.status();
        ReviewRoute route = campaigns.reviewRoute(report.campaignId());
        report.submit(user, version, route.unitHeadReview(), route.officeUnitId(), storedNow(), clock.getZone());
        return saved(report, "report.submit", was);
    }

    public ReportView returnReport(long id, @Nullable Integer version, @Nullable String reason, CurrentUser user,
                                   DataScope scope) {
        ProgressReport report = load(id, scope);
        ReportStatus was = report.status();
        report.returnForFixing(user, version, reason, storedNow());
        return saved(report, "report.return", was);
    }

    /**
     * The unit head's approval passes the report on to the office; the office's approval is final: in one pass the
     * report is saved and sealed, its values and milestones reach the task ({@link TaskProgress#apply}), and
     * {@link ReportApproved} lets supervision re-light the task and its ancestors and notify tell the author.
     */
    public ReportView approve(long id, @Nullable Integer version, CurrentUser user, DataScope scope) {
        return approve(id, version, null, user, scope);
    }

    /** {@link #approve(long, Integer, CurrentUser, DataScope)} with the reviewer's note kept in the trail. */
    public ReportView approve(long id, @Nullable Integer version, @Nullable String note, CurrentUser user,
                              DataScope scope) {
        ProgressReport report = load(id, scope);
        ReportStatus was = report.status();
        ReviewStage stage = report.stage();
        long office = stage == ReviewStage.UNIT_HEAD ? campaigns.reviewRoute(report.campaignId()).officeUnitId() : 0;
        if (report.approve(user, version, note, office, storedNow()) == ProgressReport.Approval.FORWARDED_TO_OFFICE) {
            return saved(report, "report.unit-approve", stage);
        }
        reports.save(report);
        // the row as saved is known (ProgressReport#saved), not read again; the seal gives the view as sealed
        ReportStore.ChainTail tail = chainTail(report.taskId(), report.period());
        ReportView after = seal(view(report.saved()), tail);
        report.applied(progress.apply(reported(after, tail)));
        report.events().forEach(events::publishEvent);
        events.publishEvent(new AuditableChange("report.approve", "report", String.valueOf(id), was, after));
        return after;
    }

    /**
     * What the approved report moves on its task; an older period approved late never overwrites a newer one.
     * {@code tail}: the task's chain as read before the seal ({@link #chainTail}).
     */
    ReportedProgress reported(ReportView approved, ReportStore.ChainTail tail) {
        boolean newest = !tail.laterApproved();
        Map<Long, java.math.BigDecimal> actuals = new java.util.HashMap<>();
        if (newest) {
            approved.indicatorValues().forEach(v -> actuals.put(v.indicatorId(), v.value()));
        }
        Map<Long, LocalDate> done = new java.util.HashMap<>();
        approved.milestonesDone().forEach(m -> {
            if (m.doneOn() != null) {
                done.put(m.milestoneId(), m.doneOn());
            }
        });
        return new ReportedProgress(approved.taskId(), actuals, done);
    }

    private ReportView saved(ProgressReport report, String action, @Nullable Object before) {
        reports.save(report);
        report.events().forEach(events::publishEvent);
        ReportView after = view(report.saved());
        events.publishEvent(new AuditableChange(action, "report", String.valueOf(report.id()), before, after));
        return after;
    }

    /**
     * Attaches evidence to a draft: a new file is stored in the unit's library first (so it can serve other reports),
     * an existing one is taken from it. Approved reports keep exactly the evidence they were approved with.
     */
    public ReportView attachUpload(long id, String fileName, java.io.InputStream content, CurrentUser user, DataScope scope) {
        ProgressReport report = load(id, scope);
        report.requireEvidenceEditable(user);
        EvidenceView stored = evidence.upload(report.unitId(), fileName, content, scope);
        evidence.attach(id, stored.id(), scope);
        return report(id, scope);
    }

    public ReportView attach(long id, long evidenceId, CurrentUser user, DataScope scope) {
        load(id, scope).requireEvidenceEditable(user);
        evidence.attach(id, evidenceId, scope);
        return report(id, scope);
    }

    public ReportView detach(long id, long evidenceId, CurrentUser user, DataScope scope) {
        load(id, scope).requireEvidenceEditable(user);
        evidence.detach(id, evidenceId);
        return report(id, scope);
    }

    @Transactional(readOnly = true)
    public ReportChain.Verification verify(long taskId, DataScope scope) {
        tasks.task(taskId, scope);
        return ReportChain.verify(taskId, reports.sealed(taskId), this::sealedContent, seals.keys());
    }

    private ReportChain.Content sealedContent(ReportStore.ReportRow row) {
        return ReportChain.content(view(row), seals.evidenceHashes(row.id()));
    }

    /** Every task's chain of approved reports, checked (for the integrity module; no scope: a system check). */
    @Transactional(readOnly = true)
    public List<org.gongjian.shared.ChainCheck> verifyAllChains() {
        return reports.chainedTasks().stream().map(taskId -> {
            ReportChain.Verification v = ReportChain.verify(taskId, reports.sealed(taskId), this::sealedContent, seals.keys());
            return new org.gongjian.shared.ChainCheck("report", taskId, v.intact(), v.checked(),
                    v.intact() ? null : v.checked(), v.problem() == null ? null : v.brokenPeriod() + "：" + v.problem());
        }).toList();
    }

    /** Every link of every report chain (task, seq, hash, key id), for the daily anchor. */
    @Transactional(readOnly = true)
    public List<org.gongjian.shared.ChainLink> chainLinks() {
        return reports.links();
    }

    /** Re-links the first release's unkeyed report chains under the current key; returns the links re-linked. */
    public int relinkLegacyChains() {
        return seals.relinkLegacy(this::sealedContent);
    }

    /** Reports waiting for this user's review, oldest first. */
    @Transactional(readOnly = true)
    public List<ReportView> awaitingReview(CurrentUser user, DataScope scope) {
        ReviewStage stage = ReviewQueue.stageOf(user);
        return stage == null ? List.of() : reports.awaiting(stage, scope, 200).stream().map(this::view).toList();
    }

    /** What sealing a report of the task's {@code period} and moving the task read of its other reports, in one read. */
    ReportStore.ChainTail chainTail(long taskId, String period) {
        return reports.chainTail(taskId, period);
    }

    /** Seals an approved report into its task's hash chain (see {@link ReportSeals}). */
    ReportView seal(ReportView approved, ReportStore.ChainTail tail) {
        return seals.seal(approved, tail);
    }

    private long insert(ReportStore.NewReport row, ReportCommand content, TaskView task) {
        return insertReport(row, content, task).id();
    }

    /** A new report's id, what its row was inserted with, and the values and milestones stored with it (checked and cleaned). */
    private record Inserted(long id, ReportStore.NewReport row, ReportStore.Texts texts, java.time.Instant at,
                            List<ReportView.IndicatorValue> values, List<ReportView.MilestoneDone> milestones) {}

    private Inserted insertReport(ReportStore.NewReport row, ReportCommand content, TaskView task) {
        List<ReportView.IndicatorValue> values = checks.values(task, content.indicatorValues());
        List<ReportView.MilestoneDone> done = checks.milestones(task, content.milestonesDone(), today());
        long id;
        ReportStore.Texts texts = texts(content);
        java.time.Instant now = storedNow();
        try {
            id = reports.insert(row, texts, now);
        } catch (DuplicateKeyException e) {
            // Two people (or two retries without a key) starting the same period at once: one report, not two.
            throw new Conflict("report.exists", "该周期的报告已由他人创建，请刷新后在原报告上修改");
        }
        reports.addValues(id, values);
        reports.addMilestones(id, done);
        return new Inserted(id, row, texts, now, values, done);
    }

    private ProgressReport load(long id, DataScope scope) {
        return reports.load(id, scope).orElseThrow(() -> new NotFound("report", id));
    }

    /** Starting a report: the lead unit's reporter, inside the scope (a cooperating unit sees the task, never reports). */
    private void mayReport(CurrentUser user, long unitId, DataScope scope) {
        if (!ReportPolicy.isReporter(user) || !covers(scope, unitId)) {
            throw new Forbidden("只有牵头单位的联络员或负责人可以填报");
        }
    }

    /** The whole system and the scope's own unit are covered without reading the unit's path. */
    private boolean covers(DataScope scope, long unitId) {
        return scope.isEverything() || (scope.unitId() != null && scope.unitId() == unitId)
                || scope.covers(unitPath(unitId));
    }

    private String unitPath(long unitId) {
        return org.scopeOf(unitId).orElseThrow(() -> new NotFound("unit", unitId)).path();
    }

    private static ReportStore.Texts texts(ReportCommand c) {
        return new ReportStore.Texts(ReportChecks.text(c.progressText()), ReportChecks.text(c.problems()),
                ReportChecks.text(c.nextSteps()));
    }

    /**
     * Now, to the microsecond: what the database keeps of a time (PostgreSQL and H2 timestamps round finer ones), so
     * a new report and the row after a review step are known without reading them back ({@link #fresh},
     * {@link ProgressReport#saved}), and the sealed content, which holds the submission and approval times, is the
     * one verification recomputes from the row.
     */
    private java.time.Instant storedNow() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    ReportView view(ReportStore.ReportRow r) {
        return view(r, reports.values(r.id()), reports.milestones(r.id()), reports.reviews(r.id()), evidence.ofReport(r.id()));
    }

    private static ReportView view(ReportStore.ReportRow r, List<ReportView.IndicatorValue> values,
                                   List<ReportView.MilestoneDone> milestones, List<ReportView.ReviewStep> reviews,
                                   List<EvidenceView> evidence) {
        return new ReportView(r.id(), r.taskId(), r.taskTitle(), r.campaignId(), r.unitId(), r.unitName(), r.period(),
                ReportingPeriod.displayName(r.period()), r.deadline(), r.revision(), r.correctsReportId(), values,
                r.progressText(), r.problems(), r.nextSteps(), milestones, r.status(), r.stage(),
                r.late(), r.createdBy(), r.createdAt(), r.submittedAt(), r.submittedBy(), r.approvedAt(),
                r.approvedBy(), r.contentHash(), r.chainHash(), reviews, evidence, r.version());
    }
}
