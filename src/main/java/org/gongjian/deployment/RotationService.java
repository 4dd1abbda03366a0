package org.gongjian.deployment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gongjian.campaign.InstructionView;
import org.gongjian.campaign.LeadershipTransfer;
import org.gongjian.campaign.LedTasks;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonView;
import org.gongjian.pledge.PledgeRoles;
import org.gongjian.report.FiledReports;
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
import org.gongjian.supervision.NoticeHandover;
import org.gongjian.supervision.NoticeView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 交流轮岗: the eligible deputies, drafts (ORG_DEPT), approval (LEADER), and on the effective date one transaction that
 * passes every open task, open notice and pledge role of the outgoing person to the successor — each module changing
 * and auditing its own data through its public hook — moves the posts, and freezes the 交接清单 (SHA-256), which the
 * outgoing and the incoming person then sign with their password. Any step failing rolls everything back.
 */
@Service
@Transactional
public class RotationService {

    private final RotationStore store;
    private final OrgService org;
    private final UserService users;
    private final LeadershipTransfer leadership;
    private final NoticeHandover notices;
    private final PledgeRoles pledgeRoles;
    private final FiledReports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RotationService(RotationStore store, OrgService org, UserService users, LeadershipTransfer leadership,
                    NoticeHandover notices, PledgeRoles pledgeRoles, FiledReports reports,
                    ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.org = org;
        this.users = users;
        this.leadership = leadership;
        this.notices = notices;
        this.pledgeRoles = pledgeRoles;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    // --- eligibility ---------------------------------------------------------------------------------------------

    /** A deputy with his tenure in the current post and why he is (not) eligible. */
    public record Candidate(PersonView person, BigDecimal tenureYears, boolean eligible, List<String> exclusions) {

        /** 符合, or why not. */
        public String verdict() {
            return eligible ? "符合" : exclusions.isEmpty() ? "任职年限不足" : String.join("；", exclusions);
        }
    }

    /** Deputies in scope (under a unit when given), at most 2,000 read; only the eligible unless asked otherwise. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(@Nullable Long unitId, @Nullable Integer minYears, @Nullable String q,
                                      boolean includeIneligible, DataScope scope) {
        int years = minYears == null ? RotationRules.DEFAULT_MIN_YEARS : minYears;
        if (years < 0 || years > 20) {
            throw InvalidInput.of("minYears", "任职年限须在0至20年之间");
        }
        LocalDate today = LocalDate.now(clock);
        List<Candidate> result = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            var people = org.people(unitId, true, q, scope, new PageQuery(page, PageQuery.MAX_SIZE));
            for (PersonView p : people.items()) {
                if (!p.deputy()) {
                    continue;
                }
                List<String> exclusions = new ArrayList<>();
                if (store.pending(p.id())) {
                    exclusions.add("已有待生效的轮岗安排");
                }
                if (RotationRules.longEnough(p.since(), today, years) && pledgeRoles.pendingTerm(p.id(), today)) {
                    exclusions.add("军令状责任期未满");
                }
                boolean ok = RotationRules.eligible(true, p.since(), today, years, exclusions);
                if (ok || includeIneligible) {
                    result.add(new Candidate(p, RotationRules.tenure(p.since(), today), ok, exclusions));
                }
            }
            if (!people.hasNext()) {
                break;
            }
        }
        return result;
    }

    // --- reads ---------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public RotationView rotation(long id, DataScope scope) {
        return store.find(id, scope).orElseThrow(() -> new NotFound("rotation", id));
    }

    /** A rotation as its parties (outgoing, incoming) or anyone whose scope covers the post may read it. */
    @Transactional(readOnly = true)
    public RotationView visible(long id, CurrentUser user, DataScope scope) {
        RotationView r = store.find(id, DataScope.everything()).orElseThrow(() -> new NotFound("rotation", id));
        if (Objects.equals(user.personId(), r.personId()) || Objects.equals(user.personId(), r.successorPersonId())) {
            return r;
        }
        return rotation(id, scope);
    }

    @Transactional(readOnly = true)
    public PageResult<RotationView> rotations(@Nullable RotationStatus status, DataScope scope, PageQuery page) {
        return PageResult.of(store.page(status, scope, page), store.count(status, scope), page);
    }

    /** The rotations a person took part in (outgoing or incoming), for the record. */
    @Transactional(readOnly = true)
    public List<RotationView> ofPerson(long personId) {
        return store.ofPerson(personId);
    }

    /** What would pass today if the person left (the draft's preview of the handover list). */
    @Transactional(readOnly = true)
    public HandoverContent preview(long id, DataScope scope) {
        RotationView r = rotation(id, scope);
        return content(r);
    }

    // --- writes --------------------------------------------------------------------------------------------------

    public RotationView draft(RotationCommand c, CurrentUser user, DataScope scope) {
        requireOrgDept(user);
        List<FieldProblem> problems = new ArrayList<>();
        PersonView person = c.personId() == null ? null : DeploymentService.orNull(() -> org.person(c.personId(), scope));
        if (person == null) {
            problems.add(new FieldProblem("personId", null, "请选择您管理范围内的轮岗干部"));
        }
        PersonView successor = c.successorPersonId() == null ? null
                : DeploymentService.orNull(() -> org.personUnscoped(c.successorPersonId()).orElseThrow());
        if (successor == null) {
            problems.add(new FieldProblem("successorPersonId", null, "请选择接任者"));
        } else if (person != null && successor.id() == person.id()) {
            problems.add(new FieldProblem("successorPersonId", null, "接任者不能是轮岗干部本人"));
        }
        if (c.toUnitId() != null && DeploymentService.orNull(() -> org.unit(c.toUnitId(), scope)) == null) {
            problems.add(new FieldProblem("toUnitId", null, "新任职单位不存在或不在您的管理范围内"));
        }
        if (c.toUnitId() != null && (c.toTitle() == null || c.toTitle().isBlank())) {
            problems.add(new FieldProblem("toTitle", null, "请填写新任职务"));
        }
        LocalDate today = LocalDate.now(clock);
        if (c.effectiveDate() == null) {
            problems.add(new FieldProblem("effectiveDate", null, "请填写生效日期"));
        } else if (c.effectiveDate().isBefore(today)) {
            problems.add(new FieldProblem("effectiveDate", null, "生效日期不能早于今天（" + today + "）"));
        }
        String reason = c.reason() == null ? "" : c.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            problems.add(new FieldProblem("reason", null, "请填写轮岗事由（500字以内）"));
        }
        if (person != null && store.pending(person.id())) {
            problems.add(new FieldProblem("personId", null, person.name() + "已有待生效的轮岗安排"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        long id = store.insert(new RotationStore.NewRotation(person.id(), person.unitId(), person.position(),
                successor.id(), c.toUnitId(), c.toTitle() == null || c.toTitle().isBlank() ? null : c.toTitle().strip(),
                c.successorTakesPost() == null || c.successorTakesPost(), c.effectiveDate(), reason,
                user.getUsername(), clock.instant()));
        RotationView created = rotation(id, DataScope.everything());
        events.publishEvent(AuditableChange.created("rotation", id, created));
        return created;
    }

    public RotationView approve(long id, CurrentUser user, DataScope scope) {
        if (!user.has(Role.LEADER)) {
            throw new Forbidden("轮岗须由领导审批");
        }
        RotationView r = rotation(id, scope);
        if (r.status() != RotationStatus.DRAFT) {
            throw new Conflict("rotation.state", "该轮岗" + r.statusLabel() + "，不能审批");
        }
        if (!store.advance(id, r.version(), RotationStatus.DRAFT, RotationStatus.APPROVED, user.getUsername(), clock.instant())) {
            throw new Conflict("rotation.changed", "该轮岗刚被他人处理，请刷新");
        }
        RotationView after = rotation(id, DataScope.everything());
        events.publishEvent(new AuditableChange("rotation.approve", "rotation", String.valueOf(id), r.status(), after.status()));
        return after;
    }

    public RotationView cancel(long id, CurrentUser user, DataScope scope) {
        requireOrgDept(user);
        RotationView r = rotation(id, scope);
        if (r.status() != RotationStatus.DRAFT && r.status() != RotationStatus.APPROVED) {
            throw new Conflict("rotation.state", "该轮岗" + r.statusLabel() + "，不能撤销");
        }
        if (!store.advance(id, r.version(), r.status(), RotationStatus.CANCELLED, null, clock.instant())) {
            throw new Conflict("rotation.changed", "该轮岗刚被他人处理，请刷新");
        }
        events.publishEvent(new AuditableChange("rotation.cancel", "rotation", String.valueOf(id), r.status(), "CANCELLED"));
        return rotation(id, DataScope.everything());
    }

    /** ORG_DEPT carries out an approved rotation whose date has come (the daily job does the same). */
    public RotationView execute(long id, CurrentUser user, DataScope scope) {
        requireOrgDept(user);
        return carryOut(rotation(id, scope));
    }

    /** Approved rotations whose date has come. */
    @Transactional(readOnly = true)
    public List<Long> due(LocalDate today) {
        return store.due(today);
    }

    /** The daily job carries out one due rotation (each in its own transaction). */
    public RotationView executeScheduled(long id) {
        return carryOut(rotation(id, DataScope.everything()));
    }

    private RotationView carryOut(RotationView r) {
        if (r.status() != RotationStatus.APPROVED) {
            throw new Conflict("rotation.state", "该轮岗" + r.statusLabel() + "，不能执行");
        }
        LocalDate today = LocalDate.now(clock);
        if (r.effectiveDate().isAfter(today)) {
            throw new Conflict("rotation.not-due", "生效日期（" + r.effectiveDate() + "）未到");
        }
        HandoverContent content = content(r);
        String why = "交流轮岗：" + r.personName() + " → " + r.successorName() + "（" + r.effectiveDate() + "）";
        List<Long> tasks = leadership.transfer(r.personId(), r.successorPersonId(), why);
        List<Long> noticeIds = notices.handOver(r.personId(), r.successorPersonId(), why);
        List<Long> pledges = pledgeRoles.handOver(r.personId(), r.successorPersonId(), r.effectiveDate(), why);
        if (r.toUnitId() != null) {
            org.movePerson(r.personId(), r.toUnitId(), Objects.requireNonNull(r.toTitle()), true, r.effectiveDate());
        }
        if (r.successorTakesPost()) {
            org.movePerson(r.successorPersonId(), r.fromUnitId(), r.fromTitle(), true, r.effectiveDate());
        }
        store.transfer(r.id(), "TASK", tasks);
        store.transfer(r.id(), "INSTRUCTION", content.instructions().stream().map(HandoverContent.InstructionItem::instructionId).toList());
        store.transfer(r.id(), "NOTICE", noticeIds);
        store.transfer(r.id(), "PLEDGE", pledges);
        String json = CanonicalJson.write(content);
        store.insertHandover(r.id(), json, CanonicalJson.sha256(json), clock.instant());
        if (!store.advance(r.id(), r.version(), RotationStatus.APPROVED, RotationStatus.EFFECTIVE, null, clock.instant())) {
            throw new Conflict("rotation.changed", "该轮岗刚被他人处理，请刷新");
        }
        events.publishEvent(new AuditableChange("rotation.execute", "rotation", String.valueOf(r.id()), r.status(),
                Map.of("tasks", tasks.size(), "notices", noticeIds.size(), "pledges", pledges.size(),
                        "instructions", content.instructions().size(), "contentHash", CanonicalJson.sha256(json))));
        return rotation(r.id(), DataScope.everything());
    }

    HandoverContent content(RotationView r) {
        PersonView out = org.personUnscoped(r.personId()).orElseThrow();
        PersonView in = org.personUnscoped(r.successorPersonId()).orElseThrow();
        List<HandoverContent.TaskItem> tasks = leadership.openTasks(r.personId()).stream().map((LedTasks.LedTask t) ->
                new HandoverContent.TaskItem(t.id(), t.title(), t.leadUnitName(), t.light() == null ? null : t.light().name(),
                        t.progress(), t.dueDate(), reports.latest(t.id()).map(FiledReports.Filed::problems)
                        .filter(p -> !p.isBlank()).orElse(null))).toList();
        List<HandoverContent.InstructionItem> instructions = leadership.openInstructions(r.personId()).stream()
                .map((InstructionView i) -> new HandoverContent.InstructionItem(i.id(), i.taskId(), i.taskTitle(),
                        i.authorName(), i.text())).toList();
        List<HandoverContent.NoticeItem> open = notices.openFor(r.personId()).stream().map((NoticeView n) ->
                new HandoverContent.NoticeItem(n.id(), n.taskId(), n.taskTitle(), n.levelLabel(), n.requirement(),
                        n.responseDue(), n.statusLabel())).toList();
        List<HandoverContent.PledgeItem> pledges = pledgeRoles.heldBy(r.personId()).stream().map(h ->
                new HandoverContent.PledgeItem(h.pledgeId(), h.unitName(), h.version(), h.roleLabel())).toList();
        return new HandoverContent(r.id(), new HandoverContent.Party(out.id(), out.name(), r.fromUnitName(), r.fromTitle()),
                new HandoverContent.Party(in.id(), in.name(), in.unitName(), in.position()), r.effectiveDate(), r.reason(),
                tasks, instructions, open, pledges);
    }

    // --- signing -------------------------------------------------------------------------------------------------

    /** The outgoing or the incoming person signs the frozen handover list with the login password; no one else may. */
    public RotationView sign(long id, @Nullable String password, CurrentUser user, @Nullable String clientAddress,
                             DataScope scope) {
        RotationView r = store.find(id, DataScope.everything()).orElseThrow(() -> new NotFound("rotation", id));
        RotationView.HandoverRole role;
        if (Objects.equals(user.personId(), r.personId())) {
            role = RotationView.HandoverRole.OUTGOING;
        } else if (Objects.equals(user.personId(), r.successorPersonId())) {
            role = RotationView.HandoverRole.INCOMING;
        } else {
            store.find(id, scope).orElseThrow(() -> new NotFound("rotation", id));
            throw new Forbidden("交接清单只能由交出人和接收人本人签署");
        }
        RotationStore.StoredHandover h = store.handover(id).orElseThrow(() ->
                new Conflict("handover.missing", "轮岗生效后才生成交接清单"));
        if (r.handover() != null && r.handover().signedBy(role)) {
            throw new Conflict("handover.signed", "您已签署该交接清单");
        }
        users.confirmPassword(user, password == null ? "" : password);
        String hash = CanonicalJson.sha256(h.json());
        if (!hash.equals(h.hash())) {
            throw new Conflict("handover.tampered", "交接清单内容与冻结的哈希不一致，已停止签署，请联系管理员核查");
        }
        String name = org.personUnscoped(Objects.requireNonNull(user.personId())).map(PersonView::name).orElse(user.getUsername());
        store.insertSignature(id, role, user.id(), name, clock.instant(), clientAddress, hash);
        List<RotationView.Signature> signatures = store.signatures(id);
        if (signatures.size() == 2) {
            store.seal(id, seal(hash, signatures), clock.instant());
        }
        events.publishEvent(new AuditableChange("handover.sign", "rotation", String.valueOf(id), null,
                Map.of("role", role.name(), "contentHash", hash)));
        return rotation(id, DataScope.everything());
    }

    /** Verification: the content still hashes to what was signed, and the seal still matches the signatures. */
    public record Verification(boolean valid, String contentHash, @Nullable String sealHash, List<String> problems) {}

    @Transactional(readOnly = true)
    public Verification verify(long id, DataScope scope) {
        rotation(id, scope);
        RotationStore.StoredHandover h = store.handover(id).orElseThrow(() -> new NotFound("handover", id));
        List<String> problems = new ArrayList<>();
        String hash = CanonicalJson.sha256(h.json());
        if (!hash.equals(h.hash())) {
            problems.add("清单内容已被改动（哈希不符）");
        }
        List<RotationView.Signature> signatures = store.signatures(id);
        signatures.stream().filter(s -> !s.contentHash().equals(hash))
                .forEach(s -> problems.add(s.roleLabel() + "签署的内容与现存内容不符"));
        if (h.seal() != null && !h.seal().equals(seal(hash, signatures))) {
            problems.add("签署封印与签名不符");
        }
        return new Verification(problems.isEmpty(), hash, h.seal(), problems);
    }

    static String seal(String contentHash, List<RotationView.Signature> signatures) {
        StringBuilder line = new StringBuilder(contentHash);
        signatures.stream().sorted(java.util.Comparator.comparing(RotationView.Signature::role)).forEach(s ->
                line.append('|').append(s.role()).append(':').append(s.userId()).append(':').append(s.signedAt()));
        return CanonicalJson.sha256(line.toString());
    }

    private static void requireOrgDept(CurrentUser user) {
        if (!user.has(Role.ORG_DEPT) && !user.has(Role.ADMIN)) {
            throw new Forbidden("只有组织部可以安排轮岗");
        }
    }
}
