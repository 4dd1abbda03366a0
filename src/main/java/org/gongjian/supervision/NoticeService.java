package org.gongjian.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.org.OrgService;
import org.gongjian.report.EvidenceService;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办单: the office issues notices on a task to a unit (from 督办 on, to the lead leader too), the unit responds with a
 * rectification report and evidence from its library, the office closes or escalates. Every write is audited and
 * published as an event (notify listens) in the same transaction.
 */
@Service
@Transactional
public class NoticeService {

    /** Days a unit gets to respond to a notice the rules issue. */
    public static final int RESPONSE_DAYS = 5;
    static final int TEXT_MAX = 4000;
    static final int NOTE_MAX = 1000;
    static final int EVIDENCE_MAX = 30;

    private final NoticeStore store;
    private final TaskService tasks;
    private final CampaignService campaigns;
    private final OrgService org;
    private final EvidenceService evidence;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeService(NoticeStore store, TaskService tasks, CampaignService campaigns, OrgService org,
                  EvidenceService evidence, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.org = org;
        this.evidence = evidence;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<NoticeView> notices(@Nullable NoticeStatus status, @Nullable NoticeLevel level,
                                          @Nullable Long unitId, @Nullable Long taskId, DataScope scope, PageQuery page) {
        NoticeStore.Filter filter = new NoticeStore.Filter(status, level, unitId, taskId);
        return PageResult.of(store.page(filter, scope, page, today()), store.count(filter, scope), page);
    }

    /** Open and responded notices per addressed unit and level, inside the scope (the register's header). */
    public record UnitTally(long unitId, String unitName, java.util.Map<NoticeLevel, Long> levels, long total) {}

    @Transactional(readOnly = true)
    public List<UnitTally> tally(DataScope scope) {
        java.util.Map<Long, UnitTally> byUnit = new java.util.LinkedHashMap<>();
        for (NoticeStore.Tally t : store.tally(scope)) {
            UnitTally current = byUnit.computeIfAbsent(t.unitId(), id -> new UnitTally(id, t.unitName(),
                    new java.util.EnumMap<>(NoticeLevel.class), 0));
            current.levels().merge(t.level(), t.notices(), Long::sum);
            byUnit.put(t.unitId(), new UnitTally(t.unitId(), t.unitName(), current.levels(), current.total() + t.notices()));
        }
        return List.copyOf(byUnit.values());
    }

    @Transactional(readOnly = true)
    public NoticeView notice(long id, DataScope scope) {
        NoticeView notice = store.find(id, scope, today()).orElseThrow(() -> new NotFound("notice", id));
        return notice.withResponses(store.responses(id));
    }

    /** The notices on a task in scope, newest first. */
    @Transactional(readOnly = true)
    public List<NoticeView> ofTask(long taskId, DataScope scope) {
        tasks.task(taskId, scope);
        return store.ofTask(taskId, today());
    }

    /** The office writes a notice (督办单) on a task in its scope. */
    public NoticeView create(NoticeCommand command, CurrentUser user, DataScope scope) {
        requireOffice(user);
        TaskView task = tasks.task(Objects.requireNonNull(command.taskId()), scope);
        long unitId = command.unitId() != null ? command.unitId() : task.leadUnitId();
        if (unitId != task.leadUnitId() && !task.cooperatingUnitIds().contains(unitId)) {
            throw InvalidInput.of("unitId", "督办单只能发给该任务的牵头单位或配合单位");
        }
        org.unit(unitId, scope);
        LocalDate due = Objects.requireNonNull(command.responseDue());
        if (due.isBefore(today())) {
            throw InvalidInput.of("responseDue", "反馈期限不能早于今天（" + today() + "）");
        }
        NoticeLevel level = Objects.requireNonNull(command.level());
        long id = issue(task, unitId, level, Objects.requireNonNull(command.requirement()).strip(), due,
                NoticeOrigin.MANUAL, null, null, user.getUsername());
        return notice(id, DataScope.everything());
    }

    /** The addressed unit (its liaison or head) or the lead leader answers: text and evidence from the unit's library. */
    public NoticeView respond(long id, @Nullable String text, @Nullable List<Long> evidenceIds, CurrentUser user,
                              DataScope scope) {
        NoticeView notice = notice(id, scope);
        if (!NoticePolicy.mayAnswer(user, notice)) {
            throw new Forbidden("只有被督办单位的联络员、单位负责人或包保领导可以反馈");
        }
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw InvalidInput.of("text", "请填写反馈内容（整改情况）");
        }
        if (clean.length() > TEXT_MAX) {
            throw InvalidInput.of("text", "反馈内容不能超过" + TEXT_MAX + "字");
        }
        List<Long> ids = evidence.requireFromLibraries(evidenceIds, java.util.Set.of(notice.unitId()), EVIDENCE_MAX,
                "被督办单位", scope);
        if (notice.status() != NoticeStatus.OPEN && notice.status() != NoticeStatus.RESPONDED) {
            throw new Conflict("notice.not-open", "该督办单" + notice.statusLabel() + "，不能再反馈");
        }
        store.insertResponse(id, clean, ids, user.getUsername(), clock.instant());
        if (notice.status() == NoticeStatus.OPEN && store.setStatus(id, NoticeStatus.OPEN, NoticeStatus.RESPONDED) == 0) {
            throw new Conflict("notice.changed", "该督办单刚被他人处理，请刷新后再试");
        }
        NoticeView after = notice(id, DataScope.everything());
        events.publishEvent(new AuditableChange("notice.respond", "supervision_notice", String.valueOf(id), notice, after));
        long office = campaigns.campaign(notice.campaignId(), DataScope.everything()).ownerUnitId();
        events.publishEvent(new NoticeResponded(id, notice.taskId(), notice.taskTitle(), notice.unitId(),
                notice.unitName(), notice.level(), office, clean));
        return after;
    }

    /** The office closes a notice the unit has answered (办结). */
    public NoticeView close(long id, @Nullable String note, CurrentUser user, DataScope scope) {
        requireOffice(user);
        NoticeView notice = notice(id, scope);
        String clean = note == null ? "" : note.strip();
        if (clean.length() > NOTE_MAX) {
            throw InvalidInput.of("note", "办结意见不能超过" + NOTE_MAX + "字");
        }
        if (notice.status() != NoticeStatus.RESPONDED) {
            throw new Conflict("notice.not-responded", notice.status() == NoticeStatus.OPEN
                    ? "被督办单位尚未反馈，不能办结" : "该督办单" + notice.statusLabel() + "，不能办结");
        }
        if (store.close(id, user.getUsername(), clock.instant(), clean) == 0) {
            throw new Conflict("notice.changed", "该督办单刚被他人处理，请刷新后再试");
        }
        NoticeView after = notice(id, DataScope.everything());
        events.publishEvent(new AuditableChange("notice.close", "supervision_notice", String.valueOf(id), notice, after));
        events.publishEvent(new NoticeClosed(id, notice.taskId(), notice.taskTitle(), notice.unitId(), notice.level(), clean));
        return after;
    }

    /** The office escalates a notice one level by hand (also 约谈 → 问责). */
    public NoticeView escalate(long id, @Nullable String requirement, CurrentUser user, DataScope scope) {
        requireOffice(user);
        NoticeView notice = notice(id, scope);
        if (requirement != null && requirement.strip().length() > 2000) {
            throw InvalidInput.of("requirement", "督办要求不能超过2000字");
        }
        long next = escalate(notice, requirement == null || requirement.isBlank() ? null : requirement.strip(),
                NoticeOrigin.MANUAL, user.getUsername());
        return notice(next, DataScope.everything());
    }

    /**
     * Escalates a notice one level: the next level's notice (from 督办 on, also to the lead leader) replaces it, and it
     * is marked ESCALATED. The unique key on escalated_from_id makes a second escalation of the same notice fail.
     * @return the new notice's id
     */
    long escalate(NoticeView notice, @Nullable String requirement, NoticeOrigin origin, String by) {
        NoticeLevel next = notice.level().next();
        if (next == null) {
            throw new Conflict("notice.top-level", "问责已是最高级别，不能再升级");
        }
        if (notice.status() != NoticeStatus.OPEN && notice.status() != NoticeStatus.RESPONDED) {
            throw new Conflict("notice.not-open", "该督办单" + notice.statusLabel() + "，不能升级");
        }
        if (store.setStatus(notice.id(), notice.status(), NoticeStatus.ESCALATED) == 0) {
            throw new Conflict("notice.changed", "该督办单刚被他人处理，请刷新后再试");
        }
        TaskView task = tasks.task(notice.taskId(), DataScope.everything());
        LocalDate due = today().plusDays(RESPONSE_DAYS);
        String text = requirement != null ? requirement : "第" + notice.id() + "号" + notice.levelLabel() + "单（反馈期限"
                + notice.responseDue() + "）未按期办结，升级为" + next.label() + "。原要求：" + sentence(notice.requirement())
                + "请于" + RESPONSE_DAYS + "日内（" + due + "前）报送整改情况。";
        long id = issue(task, notice.unitId(), next, clip(text, 2000), due, origin, notice.id(), null, by);
        events.publishEvent(new AuditableChange("notice.escalate", "supervision_notice", String.valueOf(notice.id()),
                notice, java.util.Map.of("escalatedTo", id, "level", next.name())));
        events.publishEvent(new NoticeEscalated(notice.id(), id, notice.taskId(), notice.unitId(), next, origin));
        return id;
    }

    /**
     * A notice another module's rules issue on a task (rectification's overdue measures): an automatic notice of
     * {@code level} to {@code unitId}, due in {@value #RESPONSE_DAYS} days, then on the ladder like any other (an OPEN
     * notice past its date escalates). Issued once per {@code autoKey}; empty when that key was already used.
     */
    public java.util.Optional<Long> issueAutomatic(long taskId, long unitId, NoticeLevel level, String requirement,
                                                   String autoKey) {
        if (store.autoKeyExists(autoKey)) {
            return java.util.Optional.empty();
        }
        TaskView task = tasks.task(taskId, DataScope.everything());
        return java.util.Optional.of(issue(task, unitId, level, clip(requirement, 2000), today().plusDays(RESPONSE_DAYS),
                NoticeOrigin.AUTO, null, autoKey, Escalation.SYSTEM));
    }

    /**
     * Writes a notice, audits it and publishes {@link NoticeIssued} (notify tells the unit's head and liaisons, the
     * group robots and, from 督办 on, the lead leader). {@code autoKey} (unique) keeps the rules from issuing the same notice twice.
     */
    long issue(TaskView task, long unitId, NoticeLevel level, String requirement, LocalDate due, NoticeOrigin origin,
               @Nullable Long escalatedFrom, @Nullable String autoKey, String by) {
        Long leader = level.toLeader() ? task.leadLeaderId() : null;
        long id = store.insert(new NoticeStore.NewNotice(task.id(), task.campaignId(), unitId, leader, level,
                requirement, due, origin, escalatedFrom, autoKey, by, clock.instant()));
        NoticeView created = notice(id, DataScope.everything());
        events.publishEvent(new AuditableChange("notice.create", "supervision_notice", String.valueOf(id), null, created));
        events.publishEvent(new NoticeIssued(id, task.id(), task.title(), task.campaignId(), unitId, created.unitName(),
                leader, level, requirement, due, origin, escalatedFrom));
        return id;
    }

    private static void requireOffice(CurrentUser user) {
        if (!NoticePolicy.isOffice(user)) {
            throw new Forbidden("只有督查室可以发出、办结或升级督办单");
        }
    }

    static String link(long id) {
        return "/supervision/notices/" + id;
    }

    /** The text ending in exactly one full stop. */
    static String sentence(String text) {
        String t = text.strip();
        while (t.endsWith("。") || t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "。";
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
