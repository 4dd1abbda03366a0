package org.gongjian.talent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Validator;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.org.OrgService;
import org.gongjian.shared.AuditableChange;
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
 * 人才库: profiles in the scope. Everything this service returns is masked except {@link #personalData}, which only the
 * talent office may call, with a reason, and which writes an audit line ({@code talent.personal-data}) each time.
 */
@Service
@Transactional
public class TalentService {

    static final int REASON_MIN = 2;

    private final TalentStore store;
    private final OrgService org;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TalentService(TalentStore store, OrgService org, Validator validator, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.org = org;
        this.validator = validator;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<TalentView> talents(@Nullable String q, @Nullable String field, @Nullable String tier,
                                          @Nullable TalentSource source, @Nullable Long unitId, DataScope scope,
                                          PageQuery page) {
        TalentStore.Filter filter = new TalentStore.Filter(q, field, tier, source, unitId);
        return PageResult.of(store.page(filter, scope, page).stream().map(TalentView::hidden).toList(),
                store.count(filter, scope), page);
    }

    @Transactional(readOnly = true)
    public TalentView talent(long id, DataScope scope) {
        return store.find(id, scope).orElseThrow(() -> new NotFound("talent", id)).hidden();
    }

    /** The unmasked profile for the talent office, audited with who (the audit trail adds the actor) and why. */
    public TalentView personalData(long id, @Nullable String reason, CurrentUser user, DataScope scope) {
        String why = requirePersonalDataAccess(user, reason);
        TalentView talent = store.find(id, scope).orElseThrow(() -> new NotFound("talent", id));
        events.publishEvent(new AuditableChange("talent.personal-data", "talent", String.valueOf(id), null,
                Map.of("reason", why, "fields", "phone,idNumber,address")));
        return talent;
    }

    /** Refuses anyone outside the talent office and a missing reason; returns the cleaned reason. */
    static String requirePersonalDataAccess(CurrentUser user, @Nullable String reason) {
        if (!user.has(Role.TALENT_OFFICE)) {
            throw new Forbidden("只有人才办可以查看或导出人才的个人信息");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < REASON_MIN || why.length() > 200) {
            throw InvalidInput.of("reason", "请填写查看个人信息的事由（2至200字）");
        }
        return why;
    }

    static boolean mayWrite(CurrentUser user) {
        return user.has(Role.TALENT_OFFICE) || user.has(Role.ADMIN);
    }

    public TalentView create(TalentCommand command, CurrentUser user, DataScope scope) {
        if (!mayWrite(user)) {
            throw new Forbidden("只有人才办可以登记人才");
        }
        List<InvalidInput.FieldProblem> problems = problems(command, null);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        org.unit(Objects.requireNonNull(command.unitId()), scope);
        long id = store.insert(command, user.getUsername(), clock.instant());
        TalentView created = talent(id, scope);
        events.publishEvent(AuditableChange.created("talent", id, created));
        return created;
    }

    /** Every problem of one profile: shape (annotations) and the configured tiers; {@code row} for imports. */
    List<InvalidInput.FieldProblem> problems(TalentCommand command, @Nullable Integer row) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>(validator.validate(command).stream()
                .map(v -> new InvalidInput.FieldProblem(v.getPropertyPath().toString(), row, v.getMessage()))
                .sorted(Comparator.comparing(InvalidInput.FieldProblem::field)).toList());
        if (command.tier() != null && !command.tier().isBlank() && !store.tierExists(command.tier())) {
            problems.add(new InvalidInput.FieldProblem("tier", row, "人才层次“" + command.tier() + "”不在本县的层次设置中"));
        }
        if (command.introducedOn() != null && command.introducedOn().isAfter(java.time.LocalDate.now(clock))) {
            problems.add(new InvalidInput.FieldProblem("introducedOn", row, "引进时间不能晚于今天"));
        }
        return problems;
    }

    public record TierView(String code, String label) {}

    @Transactional(readOnly = true)
    public List<TierView> tiers() {
        return store.tiers().stream().map(t -> new TierView(t.code(), t.label())).toList();
    }

    /** The county's own levels: adds or relabels one (ADMIN, TALENT_OFFICE). */
    public TierView putTier(String code, @Nullable String label, int sortOrder, CurrentUser user) {
        if (!mayWrite(user)) {
            throw new Forbidden("只有人才办可以设置人才层次");
        }
        String clean = label == null ? "" : label.strip();
        if (!code.matches("[A-Za-z0-9]{1,10}") || clean.isEmpty() || clean.length() > 60) {
            throw InvalidInput.of("label", "层次代码为1至10位字母或数字，名称不超过60字");
        }
        store.putTier(code, clean, sortOrder);
        TierView tier = new TierView(code, clean);
        events.publishEvent(new AuditableChange("talent_tier.put", "talent_tier", code, null, tier));
        return tier;
    }

    /** Streams the talents of a filter, masked unless {@code unmasked} (callers check the office role and audit). */
    @Transactional(readOnly = true)
    void each(TalentStore.Filter filter, DataScope scope, int max, boolean unmasked,
              java.util.function.Consumer<TalentView> consumer) {
        store.each(filter, scope, max, t -> consumer.accept(unmasked ? t : t.hidden()));
    }

    /** The unit in the scope, or NotFound (404). */
    @Transactional(readOnly = true)
    boolean unitInScope(long unitId, DataScope scope) {
        org.unit(unitId, scope);
        return true;
    }

    /**
     * Whether the unit lies in the scope (a delivering unit's own users act on its requests), answered without an
     * exception: a NotFound thrown through this transaction marked the caller's rollback-only, and a liaison of
     * another unit opening a request got a 500 (UnexpectedRollbackException) instead of the page.
     */
    @Transactional(readOnly = true)
    boolean covers(long unitId, DataScope scope) {
        return org.scopeOf(unitId).map(unit -> scope.covers(unit.path())).orElse(false);
    }

    void audit(AuditableChange change) {
        events.publishEvent(change);
    }
}
