package org.gongjian.deployment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.TaskService;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonView;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.InvalidInput.FieldProblem;
import org.gongjian.shared.NotFound;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 三下沉: the organisation department creates batches and their deployments, ends or extends a batch and changes its
 * presence rule from a month on. Every write is audited; reads are limited to the caller's scope (404 outside it).
 */
@Service
@Transactional
public class DeploymentService {

    static final int NAME_MAX = 100;
    static final int PURPOSE_MAX = 1000;
    static final int MAX_TASKS = 50;

    private final DeploymentStore store;
    private final OrgService org;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeploymentService(DeploymentStore store, OrgService org, TaskService tasks, ApplicationEventPublisher events,
                      Clock clock) {
        this.store = store;
        this.org = org;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    // --- reads ---------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<BatchView> batches(DataScope scope) {
        return store.batches(scope);
    }

    @Transactional(readOnly = true)
    public BatchView batch(long id, DataScope scope) {
        return store.batch(id, scope).orElseThrow(() -> new NotFound("deployment_batch", id));
    }

    @Transactional(readOnly = true)
    public DeploymentView deployment(long id, DataScope scope) {
        return store.find(id, scope).orElseThrow(() -> new NotFound("deployment", id));
    }

    @Transactional(readOnly = true)
    public PageResult<DeploymentView> deployments(@Nullable Long batchId, @Nullable DeploymentKind kind,
                                                  @Nullable Long personId, @Nullable LocalDate activeOn,
                                                  @Nullable String q, DataScope scope, PageQuery page) {
        var filter = new DeploymentStore.Filter(batchId, kind, personId, activeOn, q);
        return PageResult.of(store.page(filter, scope, page), store.count(filter, scope), page);
    }

    /** A cadre's deployments (the cadre himself, or anyone who may see the cadre), newest first. */
    @Transactional(readOnly = true)
    public List<DeploymentView> ofPerson(long personId) {
        return store.ofPerson(personId);
    }

    // --- batches -------------------------------------------------------------------------------------------------

    public BatchView createBatch(BatchCommand command, CurrentUser user, DataScope scope) {
        requireOrgDept(user);
        List<FieldProblem> problems = new ArrayList<>();
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", null, "请填写批次名称"));
        } else if (name.length() > NAME_MAX) {
            problems.add(new FieldProblem("name", null, "批次名称不能超过" + NAME_MAX + "字"));
        }
        if (command.kind() == null) {
            problems.add(new FieldProblem("kind", null, "请选择下沉类型"));
        }
        if (command.ownerUnitId() == null) {
            problems.add(new FieldProblem("ownerUnitId", null, "请选择组织单位"));
        }
        checkPeriod(command.startDate(), command.endDate(), problems);
        int minDays = command.minDays() == null ? Presence.DEFAULT_MIN_DAYS : command.minDays();
        checkRule(minDays, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        UnitView owner = org.unit(command.ownerUnitId(), scope);
        if (store.batchNameTaken(owner.id(), name)) {
            throw new Conflict("batch.duplicate", "本单位已有名为“" + name + "”的批次");
        }
        long id = store.insertBatch(name, command.kind(), owner.id(), command.startDate(), command.endDate(),
                user.getUsername(), clock.instant());
        store.putRule(id, YearMonth.from(command.startDate()), minDays);
        BatchView created = batch(id, DataScope.everything());
        events.publishEvent(AuditableChange.created("deployment_batch", id, created));
        return created;
    }

    /** Changes the presence rule from a month on; earlier months keep the rule they had. */
    public BatchView changeRule(long batchId, @Nullable YearMonth from, @Nullable Integer minDays, CurrentUser user,
                                DataScope scope) {
        requireOrgDept(user);
        BatchView before = batch(batchId, scope);
        List<FieldProblem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new FieldProblem("fromMonth", null, "请填写起始月份"));
        } else if (from.isBefore(YearMonth.from(before.startDate())) || from.isAfter(YearMonth.from(before.endDate()))) {
            problems.add(new FieldProblem("fromMonth", null, "起始月份须在批次期间内"));
        }
        if (minDays == null) {
            problems.add(new FieldProblem("minDays", null, "请填写每月在岗天数"));
        } else {
            checkRule(minDays, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        store.putRule(batchId, from, minDays);
        BatchView after = batch(batchId, DataScope.everything());
        events.publishEvent(new AuditableChange("deployment_batch.rule", "deployment_batch", String.valueOf(batchId),
                before.rules(), after.rules()));
        return after;
    }

    /** Ends a batch on a date (default today): deployments running later are cut to it. */
    public BatchView end(long batchId, @Nullable LocalDate on, CurrentUser user, DataScope scope) {
        requireOrgDept(user);
        BatchView before = batch(batchId, scope);
        if (before.status() == BatchStatus.ENDED) {
            throw new Conflict("batch.ended", "该批次已结束");
        }
        LocalDate end = on == null ? LocalDate.now(clock) : on;
        if (end.isBefore(before.startDate())) {
            throw InvalidInput.of("endDate", "结束日期不能早于批次开始日期（" + before.startDate() + "）");
        }
        if (end.isAfter(before.endDate())) {
            throw InvalidInput.of("endDate", "结束日期晚于原定结束日期，请使用延期");
        }
        store.updateBatchEnd(batchId, end, BatchStatus.ENDED);
        int cut = store.cutDeployments(batchId, end);
        BatchView after = batch(batchId, DataScope.everything());
        events.publishEvent(new AuditableChange("deployment_batch.end", "deployment_batch", String.valueOf(batchId),
                before, Map.of("endDate", end.toString(), "deploymentsCut", cut)));
        return after;
    }

    /** Extends a running batch to a later end date; deployments that ended with the batch go on with it. */
    public BatchView extend(long batchId, @Nullable LocalDate to, CurrentUser user, DataScope scope) {
        requireOrgDept(user);
        BatchView before = batch(batchId, scope);
        if (before.status() == BatchStatus.ENDED) {
            throw new Conflict("batch.ended", "该批次已结束，不能延期");
        }
        if (to == null || !to.isAfter(before.endDate())) {
            throw InvalidInput.of("endDate", "延期后的结束日期须晚于" + before.endDate());
        }
        List<DeploymentView> carried = store.personalBetween(before.endDate(), before.endDate(), batchId,
                DataScope.everything());
        for (DeploymentView d : carried) {
            if (d.endDate().equals(before.endDate()) && d.personId() != null) {
                store.overlapping(d.personId(), before.endDate().plusDays(1), to, d.id()).ifPresent(other -> {
                    throw new Conflict("deployment.overlap", d.personName() + "在延期内已有其他下沉安排（#" + other + "）");
                });
            }
        }
        store.updateBatchEnd(batchId, to, BatchStatus.ACTIVE);
        int extended = store.extendDeployments(batchId, before.endDate(), to);
        BatchView after = batch(batchId, DataScope.everything());
        events.publishEvent(new AuditableChange("deployment_batch.extend", "deployment_batch", String.valueOf(batchId),
                before, Map.of("endDate", to.toString(), "deploymentsExtended", extended)));
        return after;
    }

    // --- deployments ---------------------------------------------------------------------------------------------

    public DeploymentView create(long batchId, DeploymentCommand command, CurrentUser user, DataScope scope) {
        requireOrgDept(user);
        BatchView batch = batch(batchId, scope);
        if (batch.status() == BatchStatus.ENDED) {
            throw new Conflict("batch.ended", "该批次已结束，不能再增加下沉安排");
        }
        List<FieldProblem> problems = check(batch, command, scope);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        return insert(batch, command, scope);
    }

    /** Checks a deployment (also each import row) and returns every problem found. */
    List<FieldProblem> check(BatchView batch, DeploymentCommand c, DataScope scope) {
        List<FieldProblem> problems = new ArrayList<>();
        DeploymentKind kind = batch.kind();
        PersonView person = null;
        if (c.personId() != null) {
            person = orNull(() -> org.person(c.personId(), scope));
            if (person == null) {
                problems.add(new FieldProblem("personId", null, "干部 " + c.personId() + " 不存在或不在您的管理范围内"));
            }
        }
        if (kind == DeploymentKind.CADRE_TO_VILLAGE && c.personId() == null) {
            problems.add(new FieldProblem("personId", null, "驻村下沉须指定干部"));
        }
        if (kind == DeploymentKind.DEPT_TO_TOWNSHIP && c.personId() != null) {
            problems.add(new FieldProblem("personId", null, "部门下沉乡镇按部门安排，不指定个人"));
        }
        Long sourceId = c.sourceUnitId() != null ? c.sourceUnitId() : person == null ? null : person.unitId();
        UnitView source = sourceId == null ? null : orNull(() -> org.unit(sourceId, scope));
        if (sourceId == null) {
            problems.add(new FieldProblem("sourceUnitId", null, "请选择派出单位"));
        } else if (source == null) {
            problems.add(new FieldProblem("sourceUnitId", null, "派出单位不存在或不在您的管理范围内"));
        } else if (kind == DeploymentKind.DEPT_TO_TOWNSHIP && source.kind() != UnitKind.DEPARTMENT) {
            problems.add(new FieldProblem("sourceUnitId", null, "部门下沉乡镇的派出单位须是部门"));
        }
        UnitView target = c.targetUnitId() == null ? null : orNull(() -> org.unit(c.targetUnitId(), scope));
        UnitKind wanted = switch (kind) {
            case DEPT_TO_TOWNSHIP -> UnitKind.TOWNSHIP;
            case CADRE_TO_VILLAGE -> UnitKind.VILLAGE;
            case WORK_TO_DISTRICT -> UnitKind.DISTRICT;
        };
        if (c.targetUnitId() == null) {
            problems.add(new FieldProblem("targetUnitId", null, "请选择下沉到的" + wanted.label()));
        } else if (target == null) {
            problems.add(new FieldProblem("targetUnitId", null, "下沉单位不存在或不在您的管理范围内"));
        } else if (target.kind() != wanted) {
            problems.add(new FieldProblem("targetUnitId", null, kind.label() + "须下沉到" + wanted.label() + "，“"
                    + target.name() + "”是" + target.kind().label()));
        }
        LocalDate start = c.startDate() != null ? c.startDate() : batch.startDate();
        LocalDate end = c.endDate() != null ? c.endDate() : batch.endDate();
        if (end.isBefore(start)) {
            problems.add(new FieldProblem("endDate", null, "结束日期不能早于开始日期"));
        } else if (start.isBefore(batch.startDate()) || end.isAfter(batch.endDate())) {
            problems.add(new FieldProblem("startDate", null, "下沉期间须在批次期间内（" + batch.startDate() + " 至 "
                    + batch.endDate() + "）"));
        } else if (person != null) {
            PersonView cadre = person;
            store.overlapping(cadre.id(), start, end, null).ifPresent(other -> problems.add(new FieldProblem("personId",
                    null, cadre.name() + "在" + start + " 至 " + end + "期间已有下沉安排（#" + other + "），同一干部不能同时下沉两处")));
        }
        String purpose = c.purpose() == null ? "" : c.purpose().strip();
        if (purpose.isEmpty()) {
            problems.add(new FieldProblem("purpose", null, "请填写下沉任务（目的）"));
        } else if (purpose.length() > PURPOSE_MAX) {
            problems.add(new FieldProblem("purpose", null, "下沉任务不能超过" + PURPOSE_MAX + "字"));
        }
        if (c.leaderPersonId() != null && orNull(() -> org.personUnscoped(c.leaderPersonId()).orElseThrow()) == null) {
            problems.add(new FieldProblem("leaderPersonId", null, "责任领导 " + c.leaderPersonId() + " 不存在"));
        }
        List<Long> taskIds = c.taskIds() == null ? List.of() : c.taskIds();
        if (taskIds.size() > MAX_TASKS) {
            problems.add(new FieldProblem("taskIds", null, "服务的任务最多" + MAX_TASKS + "项"));
        }
        for (Long taskId : taskIds) {
            if (taskId == null || orNull(() -> tasks.task(taskId, scope)) == null) {
                problems.add(new FieldProblem("taskIds", null, "任务 " + taskId + " 不存在或不在您的管理范围内"));
            }
        }
        checkCoordinates(c.siteLatitude(), c.siteLongitude(), problems);
        return problems;
    }

    DeploymentView insert(BatchView batch, DeploymentCommand c, DataScope scope) {
        Long sourceId = c.sourceUnitId() != null ? c.sourceUnitId() : org.person(c.personId(), scope).unitId();
        long id = store.insert(new DeploymentStore.NewDeployment(batch.id(), batch.kind(), c.personId(), sourceId,
                c.targetUnitId(), c.startDate() != null ? c.startDate() : batch.startDate(),
                c.endDate() != null ? c.endDate() : batch.endDate(), c.purpose().strip(), c.leaderPersonId(),
                c.siteLatitude(), c.siteLongitude(), clock.instant()));
        store.linkTasks(id, new LinkedHashSet<>(c.taskIds() == null ? List.of() : c.taskIds()));
        DeploymentView created = deployment(id, DataScope.everything());
        events.publishEvent(AuditableChange.created("deployment", id, created));
        return created;
    }

    static void checkCoordinates(@Nullable BigDecimal lat, @Nullable BigDecimal lon, List<FieldProblem> problems) {
        if ((lat == null) != (lon == null)) {
            problems.add(new FieldProblem("siteLatitude", null, "经纬度须同时填写或同时不填"));
        } else if (lat != null && (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0
                || lon.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            problems.add(new FieldProblem("siteLatitude", null, "经纬度超出范围"));
        }
    }

    private static void checkPeriod(@Nullable LocalDate start, @Nullable LocalDate end, List<FieldProblem> problems) {
        if (start == null) {
            problems.add(new FieldProblem("startDate", null, "请填写开始日期"));
        }
        if (end == null) {
            problems.add(new FieldProblem("endDate", null, "请填写结束日期"));
        }
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new FieldProblem("endDate", null, "结束日期不能早于开始日期"));
        }
    }

    private static void checkRule(int minDays, List<FieldProblem> problems) {
        if (minDays < 1 || minDays > 28) {
            problems.add(new FieldProblem("minDays", null, "每月在岗天数须在1至28天之间"));
        }
    }

    static void requireOrgDept(CurrentUser user) {
        if (!user.has(Role.ORG_DEPT) && !user.has(Role.ADMIN)) {
            throw new Forbidden("只有组织部可以安排下沉");
        }
    }

    static <T> @Nullable T orNull(java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (NotFound | java.util.NoSuchElementException e) {
            return null;
        }
    }
}
