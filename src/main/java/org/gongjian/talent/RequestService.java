package org.gongjian.talent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.Light;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
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
 * 服务事项: the office opens a request for a talent against a policy (eligibility checked and explained), it is routed to
 * the policy's delivering unit with a deadline in working days, the unit works it, the office records the talent's
 * rating; 不满意 sends it to the office's review. Every write is audited and published in its transaction.
 */
@Service
@Transactional
public class RequestService {

    static final int TEXT_MAX = 1000;
    /** A request due within this many working days shows yellow. */
    static final int YELLOW_WITHIN = 2;

    private final RequestStore store;
    private final TalentService talents;
    private final PolicyService policies;
    private final HolidayCalendar holidays;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestService(RequestStore store, TalentService talents, PolicyService policies, HolidayCalendar holidays,
                   ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.talents = talents;
        this.policies = policies;
        this.holidays = holidays;
        this.events = events;
        this.clock = clock;
    }

    /** Whether a talent in scope qualifies for a policy, line by line. */
    @Transactional(readOnly = true)
    public Eligibility.Result eligibility(long talentId, long policyId, DataScope scope) {
        TalentView talent = talents.talent(talentId, scope);
        return Eligibility.check(policies.policy(policyId).criteria(), facts(talent), today());
    }

    public RequestView open(long talentId, long policyId, @Nullable String note, CurrentUser user, DataScope scope) {
        if (!TalentService.mayWrite(user)) {
            throw new Forbidden("只有人才办可以受理服务事项");
        }
        TalentView talent = talents.talent(talentId, scope);
        PolicyView policy = policies.policy(policyId);
        if (!policy.active()) {
            throw InvalidInput.of("policyId", "政策“" + policy.name() + "”已停止执行");
        }
        Eligibility.Result result = Eligibility.check(policy.criteria(), facts(talent), today());
        if (!result.eligible()) {
            throw new InvalidInput("不符合“" + policy.name() + "”的申请条件：" + result.summary(),
                    result.lines().stream().filter(l -> !l.met())
                            .map(l -> new InvalidInput.FieldProblem("eligibility", null, l.text())).toList());
        }
        LocalDate due = holidays.calendar().plusWorkingDays(today(), policy.promisedDays());
        Long userUnit = user.scopeUnitId();
        long officeUnitId = userUnit != null ? userUnit : talent.unitId();
        long id = store.insert(talentId, policyId, policy.unitId(), officeUnitId, today(), due, result.summary(), user.getUsername(),
                clock.instant());
        String clean = clean(note);
        if (!clean.isEmpty()) {
            store.insertMessage(id, user.getUsername(), clean, null, clock.instant());
        }
        RequestView created = request(id, DataScope.everything());
        events.publishEvent(AuditableChange.created("talent_request", id, Map.of("talentId", talentId, "policyId", policyId,
                "unitId", policy.unitId(), "dueOn", due.toString(), "eligibility", result.summary())));
        events.publishEvent(new TalentRequestRouted(created.ref(), policy.promisedDays()));
        return created;
    }

    @Transactional(readOnly = true)
    public RequestView request(long id, DataScope scope) {
        RequestStore.Row row = store.find(id, scope).orElseThrow(() -> new NotFound("talent-request", id));
        return view(row, holidays.calendar(), today()).withMessages(store.messages(id));
    }

    @Transactional(readOnly = true)
    public PageResult<RequestView> requests(@Nullable RequestStatus status, @Nullable Long unitId, @Nullable Long talentId,
                                            boolean overdueOnly, DataScope scope, PageQuery page) {
        RequestStore.Filter filter = new RequestStore.Filter(status, unitId, talentId, overdueOnly);
        WorkingCalendar calendar = holidays.calendar();
        LocalDate today = today();
        return PageResult.of(store.page(filter, scope, page, today).stream().map(r -> view(r, calendar, today)).toList(),
                store.count(filter, scope, today), page);
    }

    /** Whether this user may take the action on the request (the pages ask, {@link #act} enforces). */
    public boolean mayAct(RequestView request, RequestAction action, CurrentUser user, DataScope scope) {
        if (request.status() != action.from()) {
            return false;
        }
        if (action.office()) {
            return TalentService.mayWrite(user);
        }
        return TalentService.mayWrite(user) || ((user.has(Role.UNIT_HEAD) || user.has(Role.LIAISON))
                && user.scopeUnitId() != null && scope.unitId() != null && coversUnit(request.unitId(), scope));
    }

    public RequestView act(long id, int version, RequestAction action, @Nullable String text, CurrentUser user,
                           DataScope scope) {
        RequestView request = request(id, scope);
        if (!mayAct(request, action, user, scope)) {
            if (request.status() != action.from()) {
                throw new Conflict("talent-request.status", "该事项当前为“" + request.statusLabel() + "”，不能" + action.label());
            }
            throw new Forbidden(action.office() ? "只有人才办可以复核" : "只有承办单位或人才办可以办理该事项");
        }
        String clean = clean(text);
        if (action.needsText() && clean.isEmpty()) {
            throw InvalidInput.of("text", "请填写" + action.label() + "的说明或理由");
        }
        boolean moved = action == RequestAction.REOPEN
                ? store.reopen(id, version, holidays.calendar().plusWorkingDays(today(),
                        policies.policy(request.policyId()).promisedDays()), clean)
                : store.transition(id, version, action.from(), action.to(),
                        action.to() == RequestStatus.COMPLETED ? completedOn(request, action) : null,
                        action.needsText() ? clean : null);
        if (!moved) {
            throw new Conflict("talent-request.stale", "该事项已被他人更新，请刷新后重试");
        }
        if (!clean.isEmpty()) {
            store.insertMessage(id, user.getUsername(), action.label() + "：" + clean, null, clock.instant());
        }
        events.publishEvent(new AuditableChange("talent_request." + action.name().toLowerCase(java.util.Locale.ROOT),
                "talent_request", String.valueOf(id), request.status(), Map.of("status", action.to(), "text", clean)));
        return request(id, scope);
    }

    /** The office records the talent's satisfaction on a completed request; 不满意 opens the office's review. */
    public RequestView rate(long id, int version, @Nullable Rating rating, @Nullable String comment, CurrentUser user,
                            DataScope scope) {
        if (!TalentService.mayWrite(user)) {
            throw new Forbidden("只有人才办可以登记满意度评价");
        }
        if (rating == null) {
            throw InvalidInput.of("rating", "请选择满意度：满意、基本满意或不满意");
        }
        String clean = clean(comment);
        if (rating == Rating.DISSATISFIED && clean.isEmpty()) {
            throw InvalidInput.of("comment", "评价为不满意时请填写意见");
        }
        RequestView request = request(id, scope);
        if (request.status() != RequestStatus.COMPLETED || request.rating() != null) {
            throw new Conflict("talent-request.rating", "只有已办结且尚未评价的事项可以评价");
        }
        RequestStatus to = rating == Rating.DISSATISFIED ? RequestStatus.REVIEW : RequestStatus.COMPLETED;
        if (!store.rate(id, version, rating, clean.isEmpty() ? null : clean, to)) {
            throw new Conflict("talent-request.stale", "该事项已被他人更新，请刷新后重试");
        }
        events.publishEvent(new AuditableChange("talent_request.rate", "talent_request", String.valueOf(id), null,
                Map.of("rating", rating, "comment", clean)));
        events.publishEvent(new TalentRequestRated(request.ref(), rating, clean.isEmpty() ? null : clean));
        return request(id, scope);
    }

    public RequestView message(long id, @Nullable String body, @Nullable String documentName, CurrentUser user,
                               DataScope scope) {
        RequestView request = request(id, scope);
        String clean = clean(body);
        String document = clean(documentName);
        if (clean.isEmpty()) {
            throw InvalidInput.of("body", "请填写留言内容");
        }
        if (document.length() > 200) {
            throw InvalidInput.of("documentName", "材料名称不能超过200字");
        }
        store.insertMessage(request.id(), user.getUsername(), clean, document.isEmpty() ? null : document, clock.instant());
        events.publishEvent(new AuditableChange("talent_request.message", "talent_request", String.valueOf(id), null,
                Map.of("body", clean, "document", document)));
        return request(id, scope);
    }

    /** An unfinished request past its deadline is red, due within two working days yellow; a finished one is done. */
    static Light light(RequestStatus status, LocalDate dueOn, LocalDate today, WorkingCalendar calendar) {
        if (!status.open()) {
            return Light.DONE;
        }
        if (today.isAfter(dueOn)) {
            return Light.RED;
        }
        return calendar.workingDaysBetween(today, dueOn) <= YELLOW_WITHIN ? Light.YELLOW : Light.GREEN;
    }

    static RequestView view(RequestStore.Row r, WorkingCalendar calendar, LocalDate today) {
        LocalDate end = r.completedOn() != null ? r.completedOn() : today;
        return new RequestView(r.id(), r.talentId(), r.talentName(), r.talentUnitId(), r.officeUnitId(), r.policyId(), r.policyName(),
                r.unitId(), r.unitName(), r.status(), r.openedOn(), r.dueOn(), r.completedOn(), r.decisionReason(),
                r.rating(), r.ratingComment(), r.eligibility(), r.openedBy(), r.version(),
                light(r.status(), r.dueOn(), today, calendar), calendar.workingDaysBetween(r.openedOn(), end), List.of());
    }

    private LocalDate completedOn(RequestView request, RequestAction action) {
        // A review confirmed keeps the day the unit finished; the unit's own completion is today.
        return action == RequestAction.CONFIRM && request.completedOn() != null ? request.completedOn() : today();
    }

    private boolean coversUnit(long unitId, DataScope scope) {
        return talents.covers(unitId, scope);
    }

    private static Eligibility.Facts facts(TalentView talent) {
        return new Eligibility.Facts(talent.tier(), talent.field(), talent.degree(), talent.introducedOn());
    }

    private static String clean(@Nullable String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.length() > TEXT_MAX) {
            throw InvalidInput.of("text", "内容不能超过" + TEXT_MAX + "字");
        }
        return clean;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
