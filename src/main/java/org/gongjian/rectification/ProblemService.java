package org.gongjian.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskView;
import org.gongjian.campaign.TaskService;
import org.gongjian.identity.CurrentUser;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitView;
import org.gongjian.report.EvidenceService;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.InvalidInput.FieldProblem;
import org.gongjian.shared.NotFound;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeService;
import org.gongjian.supervision.NoticeView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 问题整改: records problems, plans measures, takes progress with evidence from the unit's library, accepts it, signs
 * problems off (frozen and hash-chained) and reopens them. Every write is audited in its transaction; a problem
 * outside the reader's scope is not found.
 */
@Service
@Transactional
public class ProblemService {

    static final int TEXT_MAX = 2000;
    static final int EVIDENCE_MAX = 30;

    private final ProblemStore store;
    private final ProblemSeals seals;
    private final CampaignService campaigns;
    private final TaskService tasks;
    private final OrgService org;
    private final NoticeService notices;
    private final EvidenceService evidence;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProblemService(ProblemStore store, ProblemSeals seals, CampaignService campaigns, TaskService tasks, OrgService org,
                   NoticeService notices, EvidenceService evidence, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.seals = seals;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.org = org;
        this.notices = notices;
        this.evidence = evidence;
        this.events = events;
        this.clock = clock;
    }

    /** The ledger's filters: campaign, a unit (with the units under it), source, state, overdue only. */
    public record Filter(@Nullable Long campaignId, @Nullable Long unitId, @Nullable ProblemSource source,
                         @Nullable ProblemStatus status, boolean overdueOnly) {
        ProblemStore.Filter store() {
            return new ProblemStore.Filter(campaignId, unitId, source, status, overdueOnly);
        }
    }

    /** Per unit: problems by state and how many are red (overdue). */
    public record UnitCount(long unitId, String unitName, long total, long open, long inProgress, long signedOff,
                            long reopened, long overdue) {}

    // ---- reads ----

    @Transactional(readOnly = true)
    public PageResult<ProblemView> problems(Filter filter, DataScope scope, PageQuery page) {
        LocalDate today = today();
        List<ProblemView> items = assemble(store.page(filter.store(), scope, page, today), today);
        return PageResult.of(items, store.count(filter.store(), scope, today), page);
    }

    /** Every problem the filter matches (at most {@code limit}), in ledger order: unit, date found. */
    @Transactional(readOnly = true)
    public List<ProblemView> ledger(Filter filter, DataScope scope, int limit) {
        LocalDate today = today();
        return assemble(store.all(filter.store(), scope, today, limit), today);
    }

    @Transactional(readOnly = true)
    public List<UnitCount> countsByUnit(long campaignId, DataScope scope) {
        campaigns.campaign(campaignId, scope);
        return store.countsByUnit(campaignId, scope, today()).stream().map(c -> new UnitCount(c.unitId(),
                c.unitName(), c.total(), c.open(), c.inProgress(), c.signedOff(), c.reopened(), c.overdue())).toList();
    }

    @Transactional(readOnly = true)
    public ProblemView problem(long id, DataScope scope) {
        ProblemStore.Row row = store.find(id, scope).orElseThrow(() -> new NotFound("problem", id));
        ProblemView v = assemble(List.of(row), today()).get(0);
        return new ProblemView(v.id(), v.campaignId(), v.unitId(), v.unitName(), v.source(), v.sourceLabel(),
                v.category(), v.description(), v.severity(), v.severityLabel(), v.foundOn(), v.taskId(), v.taskTitle(),
                v.noticeId(), v.status(), v.statusLabel(), v.reopenCount(), v.signedOffBy(), v.signedOffAt(),
                v.signoffReason(), v.createdBy(), v.createdAt(), v.version(), v.measures(), v.redReasons(),
                store.steps(id), store.chases(id));
    }

    /** What the user may do with the problem, for the page's buttons. */
    public record Rights(boolean plan, boolean report, boolean judge, boolean signOff, boolean reopen) {}

    @Transactional(readOnly = true)
    public Rights rights(ProblemView p, CurrentUser user) {
        Severity max = unitHeadMax(p.campaignId());
        boolean judge = p.measures().stream().anyMatch(m -> m.status() == MeasureStatus.REPORTED && m.latest() != null
                && ProblemPolicy.mayJudge(user, p, Objects.requireNonNull(m.latest()), max));
        return new Rights(ProblemPolicy.mayPlan(user, p.status()), ProblemPolicy.mayReport(user, p.status()), judge,
                ProblemPolicy.maySignOff(user, p, max), ProblemPolicy.mayReopen(user, p, max));
    }

    /** Whether this user may accept this progress report (the page asks per measure). */
    public boolean mayJudge(ProblemView p, MeasureView.Progress progress, CurrentUser user) {
        return ProblemPolicy.mayJudge(user, p, progress, unitHeadMax(p.campaignId()));
    }

    /** The units a user picks from when recording a problem: the scope's own unit(s) and the units directly under them. */
    @Transactional(readOnly = true)
    public List<UnitView> unitsToRecordFor(DataScope scope) {
        List<UnitView> units = new ArrayList<>();
        for (UnitView top : org.topUnits(scope)) {
            units.add(top);
            units.addAll(org.children(top.id(), scope));
        }
        return units;
    }

    /** Whether no problem has been recorded at all (the demo loads only into an empty ledger). */
    @Transactional(readOnly = true)
    public boolean noneRecorded() {
        return store.empty();
    }

    /** A new problem's fields taken from a supervision notice (its unit, task, campaign and requirement). */
    @Transactional(readOnly = true)
    public ProblemCommand draftFromNotice(long noticeId, DataScope scope) {
        NoticeView n = notices.notice(noticeId, scope);
        return new ProblemCommand(n.campaignId(), n.unitId(), ProblemSource.SUPERVISION, "督查发现", n.requirement(),
                n.level().compareTo(NoticeLevel.SUPERVISE) >= 0 ? Severity.SERIOUS
                        : Severity.MINOR, today(), n.taskId(), n.id(), null);
    }

    /** The problem already opened from a notice, if any (the notice page links to it instead of opening a second). */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> openedFrom(long noticeId) {
        return store.byNotice(noticeId);
    }

    // ---- writes ----

    public ProblemView create(ProblemCommand c, CurrentUser user, DataScope scope) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c.campaignId() == null) {
            problems.add(new FieldProblem("campaignId", null, "请选择攻坚行动"));
        }
        if (c.unitId() == null) {
            problems.add(new FieldProblem("unitId", null, "请选择问题所在单位"));
        }
        if (c.source() == null) {
            problems.add(new FieldProblem("source", null, "请选择问题来源"));
        }
        if (c.severity() == null) {
            problems.add(new FieldProblem("severity", null, "请选择严重程度"));
        }
        String category = text(c.category(), "category", "问题类别", 50, problems);
        String description = text(c.description(), "description", "问题描述", TEXT_MAX, problems);
        LocalDate found = c.foundOn() == null ? today() : c.foundOn();
        if (found.isAfter(today())) {
            problems.add(new FieldProblem("foundOn", null, "发现日期不能晚于今天"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        ProblemSource source = Objects.requireNonNull(c.source());
        if (!ProblemPolicy.mayRecord(user, source)) {
            throw new Forbidden("“" + source.label() + "”发现的问题由督查室录入；本单位可录入自查、考察学习和群众反映的问题");
        }
        CampaignView campaign = campaigns.campaign(Objects.requireNonNull(c.campaignId()), scope);
        UnitView unit = org.unit(Objects.requireNonNull(c.unitId()), scope);
        Long taskId = c.taskId();
        Long noticeId = c.noticeId();
        if (noticeId != null) {
            NoticeView n = notices.notice(noticeId, scope);
            if (store.byNotice(noticeId).isPresent()) {
                throw new Conflict("problem.notice-taken", "第" + noticeId + "号督办单已立为问题，请勿重复立项");
            }
            taskId = n.taskId();
        }
        if (taskId != null) {
            TaskView task = tasks.task(taskId, scope);
            if (task.campaignId() != campaign.id()) {
                throw InvalidInput.of("taskId", "所选任务不属于该攻坚行动");
            }
        }
        long id;
        try {
            id = store.insert(new ProblemStore.NewProblem(campaign.id(), unit.id(), source, category, description,
                    Objects.requireNonNull(c.severity()), found, taskId, noticeId, user.getUsername(), clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new Conflict("problem.notice-taken", "第" + noticeId + "号督办单已立为问题，请勿重复立项");
        }
        store.step(id, "立项（" + source.label() + "）", user.getUsername(), null, clock.instant());
        ProblemView created = problem(id, DataScope.everything());
        events.publishEvent(AuditableChange.created("rectification_problem", id, created));
        for (MeasureCommand m : c.measures() == null ? List.<MeasureCommand>of() : c.measures()) {
            addMeasure(id, m, user, scope);
        }
        return problem(id, DataScope.everything());
    }

    public MeasureView addMeasure(long problemId, MeasureCommand c, CurrentUser user, DataScope scope) {
        ProblemView p = problem(problemId, scope);
        new Problem(p, unitHeadMax(p.campaignId())).plan(user);
        List<FieldProblem> problems = new ArrayList<>();
        String description = text(c.description(), "description", "整改措施", 1000, problems);
        String owner = text(c.ownerName(), "ownerName", "责任人", 100, problems);
        String expected = text(c.expectedResult(), "expectedResult", "预期成效", 1000, problems);
        if (c.deadline() == null) {
            problems.add(new FieldProblem("deadline", null, "请填写整改时限"));
        } else if (c.deadline().isBefore(p.foundOn())) {
            problems.add(new FieldProblem("deadline", null, "整改时限不能早于问题发现日期（" + p.foundOn() + "）"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        long ownerUnit = c.ownerUnitId() == null ? p.unitId() : c.ownerUnitId();
        try {
            org.unit(ownerUnit, scope);
        } catch (NotFound e) {
            throw InvalidInput.of("ownerUnitId", "责任单位不存在或不在您的管辖范围内");
        }
        if (store.touch(problemId, p.version()) == 0) {
            throw Problem.stale();
        }
        long id = store.insertMeasure(problemId, description, ownerUnit, owner, Objects.requireNonNull(c.deadline()),
                expected, user.getUsername(), clock.instant());
        store.step(problemId, "制定措施：" + description, user.getUsername(), null, clock.instant());
        MeasureView created = problem(problemId, DataScope.everything()).measures().stream()
                .filter(m -> m.id() == id).findFirst().orElseThrow();
        events.publishEvent(AuditableChange.created("rectification_measure", id, created));
        return created;
    }

    /** The unit reports progress on a measure, with evidence from its library; the measure then awaits acceptance. */
    public ProblemView reportProgress(long problemId, long measureId, @Nullable String text,
                                      @Nullable List<Long> evidenceIds, CurrentUser user, DataScope scope) {
        ProblemView p = problem(problemId, scope);
        ProblemStatus next = new Problem(p, unitHeadMax(p.campaignId())).report(user, measureId);
        MeasureView measure = p.measures().stream().filter(m -> m.id() == measureId).findFirst().orElseThrow();
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw InvalidInput.of("text", "请填写整改进展");
        }
        if (clean.length() > TEXT_MAX) {
            throw InvalidInput.of("text", "整改进展不超过" + TEXT_MAX + "字");
        }
        List<Long> ids = evidence.requireFromLibraries(evidenceIds, new java.util.HashSet<>(List.of(p.unitId(), measure.ownerUnitId())),
                EVIDENCE_MAX, "问题所在单位或责任单位", scope);
        if (ids.isEmpty()) {
            throw InvalidInput.of("evidenceIds", "请上传或选择至少一件佐证材料（照片、文件）");
        }
        if (store.setMeasureStatus(measureId, MeasureStatus.OPEN, MeasureStatus.REPORTED, null) == 0
                || (next != p.status() ? store.setStatus(problemId, p.version(), p.status(), next)
                : store.touch(problemId, p.version())) == 0) {
            throw Problem.stale();
        }
        long progressId = store.insertProgress(measureId, problemId, clean, ids, user.getUsername(), clock.instant());
        store.step(problemId, "报送进展：" + measure.description(), user.getUsername(), null, clock.instant());
        ProblemView after = problem(problemId, DataScope.everything());
        events.publishEvent(new AuditableChange("rectification_progress.create", "rectification_progress",
                String.valueOf(progressId), null, Map.of("problemId", problemId, "measureId", measureId,
                "text", clean, "evidenceIds", ids)));
        return after;
    }

    /** Accepts (the measure is done) or rejects (back to the unit, with a note) the measure's pending progress. */
    public ProblemView judge(long problemId, long measureId, boolean accept, @Nullable String note, CurrentUser user,
                             DataScope scope) {
        ProblemView p = problem(problemId, scope);
        MeasureView.Progress pending = new Problem(p, unitHeadMax(p.campaignId())).judge(user, measureId);
        String clean = note == null ? null : note.strip();
        if (!accept && (clean == null || clean.isEmpty())) {
            throw InvalidInput.of("note", "请写明不予验收的原因");
        }
        if (clean != null && clean.length() > Problem.REASON_MAX) {
            throw InvalidInput.of("note", "验收意见不超过" + Problem.REASON_MAX + "字");
        }
        LocalDate today = today();
        if (store.verdict(pending.id(), accept ? "ACCEPTED" : "REJECTED", user.getUsername(), clock.instant(), clean) == 0
                || store.setMeasureStatus(measureId, MeasureStatus.REPORTED,
                accept ? MeasureStatus.DONE : MeasureStatus.OPEN, accept ? today : null) == 0
                || store.touch(problemId, p.version()) == 0) {
            throw Problem.stale();
        }
        MeasureView measure = p.measures().stream().filter(m -> m.id() == measureId).findFirst().orElseThrow();
        store.step(problemId, (accept ? "验收通过：" : "不予验收：") + measure.description(), user.getUsername(), clean,
                clock.instant());
        events.publishEvent(new AuditableChange(accept ? "rectification_measure.accept" : "rectification_measure.reject",
                "rectification_measure", String.valueOf(measureId), measure,
                problem(problemId, DataScope.everything()).measures().stream().filter(m -> m.id() == measureId)
                        .findFirst().orElseThrow()));
        return problem(problemId, DataScope.everything());
    }

    /** 销号: freezes the problem and seals its content as the campaign chain's next link. */
    public ProblemView signOff(long problemId, @Nullable Integer version, @Nullable String reason, CurrentUser user,
                               DataScope scope) {
        ProblemView p = problem(problemId, scope);
        String why = new Problem(p, unitHeadMax(p.campaignId())).signOff(user, version, reason);
        if (store.signOff(problemId, p.version(), p.status(), user.getUsername(), clock.instant(), why) == 0) {
            throw Problem.stale();
        }
        store.step(problemId, "销号", user.getUsername(), why, clock.instant());
        ProblemView after = problem(problemId, DataScope.everything());
        seals.seal(p.campaignId(), problemId, canonical(after), clock.instant());
        events.publishEvent(new AuditableChange("rectification_problem.signoff", "rectification_problem",
                String.valueOf(problemId), p, after));
        return after;
    }

    /** 反弹: the problem came back; it is open for new measures again and keeps its history and earlier seals. */
    public ProblemView reopen(long problemId, @Nullable Integer version, @Nullable String reason, CurrentUser user,
                              DataScope scope) {
        ProblemView p = problem(problemId, scope);
        String why = new Problem(p, unitHeadMax(p.campaignId())).reopen(user, version, reason);
        if (store.reopen(problemId, p.version()) == 0) {
            throw Problem.stale();
        }
        store.step(problemId, "问题反弹", user.getUsername(), why, clock.instant());
        ProblemView after = problem(problemId, DataScope.everything());
        events.publishEvent(new AuditableChange("rectification_problem.reopen", "rectification_problem",
                String.valueOf(problemId), p, after));
        return after;
    }

    /** A line in the problem's history without a change of state (e.g. what an imported ledger said). */
    public void note(long problemId, String action, String text, CurrentUser user) {
        store.step(problemId, action, user.getUsername(), text, clock.instant());
        events.publishEvent(new AuditableChange("rectification_problem.note", "rectification_problem",
                String.valueOf(problemId), null, Map.of("action", action, "text", text)));
    }

    /** Re-derives the campaign's sign-off chain from the stored JSON and from the live rows. */
    @Transactional(readOnly = true)
    public ProblemChain.Verification verify(long campaignId, DataScope scope) {
        campaigns.campaign(campaignId, scope);
        return ProblemChain.verify(campaignId, seals.seals(campaignId), this::live, seals.keys());
    }

    private ProblemChain.Live live(long problemId) {
        ProblemView p = problem(problemId, DataScope.everything());
        return new ProblemChain.Live(p.status(), p.reopenCount(), p.status() == ProblemStatus.SIGNED_OFF ? canonical(p) : null);
    }

    /** Every campaign's sign-off chain, checked (for the integrity module; no scope: a system check). */
    @Transactional(readOnly = true)
    public List<org.gongjian.shared.ChainCheck> verifyAllChains() {
        return seals.chainedCampaigns().stream().map(campaignId -> {
            ProblemChain.Verification v = ProblemChain.verify(campaignId, seals.seals(campaignId), this::live, seals.keys());
            return new org.gongjian.shared.ChainCheck("signoff", campaignId, v.intact(), v.checked(),
                    v.intact() ? null : v.checked(), v.problem());
        }).toList();
    }

    /** Every link of every sign-off chain (campaign, seq, hash, key id), for the daily anchor. */
    @Transactional(readOnly = true)
    public List<org.gongjian.shared.ChainLink> chainLinks() {
        return seals.links();
    }

    /** Re-links the first release's unkeyed sign-off chains that are intact under the current key. */
    public int relinkLegacyChains() {
        int relinked = 0;
        for (long campaignId : seals.campaignsWithLegacyLinks()) {
            List<ProblemChain.Seal> chain = seals.seals(campaignId);
            if (ProblemChain.legacyIntact(campaignId, chain, this::live)) {
                relinked += seals.relink(chain);
            }
        }
        return relinked;
    }

    // ---- the campaign's setting ----

    @Transactional(readOnly = true)
    public Severity unitHeadMax(long campaignId) {
        return store.unitHeadMaxSeverity(campaignId).orElse(ProblemPolicy.DEFAULT_UNIT_HEAD_MAX);
    }

    /** The office sets up to which severity unit heads sign off their own self-inspection problems. */
    public Severity setUnitHeadMax(long campaignId, @Nullable Severity max, CurrentUser user, DataScope scope) {
        if (!ProblemPolicy.isOffice(user)) {
            throw new Forbidden("只有督查室可以设置销号权限");
        }
        if (max == null) {
            throw InvalidInput.of("unitHeadMaxSeverity", "请选择严重程度");
        }
        campaigns.campaign(campaignId, scope);
        Severity before = unitHeadMax(campaignId);
        store.saveSetting(campaignId, max, user.getUsername(), clock.instant());
        events.publishEvent(new AuditableChange("rectification_setting.update", "rectification_setting",
                String.valueOf(campaignId), Map.of("unitHeadMaxSeverity", before.name()),
                Map.of("unitHeadMaxSeverity", max.name())));
        return max;
    }

    // ---- assembling views ----

    private String canonical(ProblemView p) {
        return CanonicalJson.write(ProblemChain.content(p, id -> evidence.evidence(id, DataScope.everything()).sha256()));
    }

    private List<ProblemView> assemble(List<ProblemStore.Row> rows, LocalDate today) {
        List<Long> ids = rows.stream().map(ProblemStore.Row::id).toList();
        Map<Long, List<MeasureView.Progress>> progress = store.progress(ids);
        Map<Long, List<MeasureView>> measures = new java.util.HashMap<>();
        for (ProblemStore.MeasureRow m : store.measures(ids)) {
            measures.computeIfAbsent(m.problemId(), k -> new ArrayList<>()).add(new MeasureView(m.id(), m.problemId(),
                    m.description(), m.ownerUnitId(), m.ownerUnitName(), m.ownerName(), m.deadline(),
                    m.expectedResult(), m.status(), m.status().label(), m.doneOn(),
                    Overdue.overdue(m.status(), m.deadline(), today), m.version(),
                    progress.getOrDefault(m.id(), List.of())));
        }
        return rows.stream().map(r -> {
            List<MeasureView> ms = measures.getOrDefault(r.id(), List.of());
            return new ProblemView(r.id(), r.campaignId(), r.unitId(), r.unitName(), r.source(), r.source().label(),
                    r.category(), r.description(), r.severity(), r.severity().label(), r.foundOn(), r.taskId(),
                    r.taskTitle(), r.noticeId(), r.status(), r.status().label(), r.reopenCount(), r.signedOffBy(),
                    r.signedOffAt(), r.signoffReason(), r.createdBy(), r.createdAt(), r.version(), ms,
                    Overdue.reasons(r.status(), ms, today), List.of(), List.of());
        }).toList();
    }

    private static String text(@Nullable String value, String field, String label, int max, List<FieldProblem> problems) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            problems.add(new FieldProblem(field, null, "请填写" + label));
        } else if (clean.length() > max) {
            problems.add(new FieldProblem(field, null, label + "不超过" + max + "字"));
        }
        return clean;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
