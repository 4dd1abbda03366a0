package org.gongjian.deployment;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.org.OrgService;
import org.gongjian.report.EvidenceService;
import org.gongjian.report.EvidenceView;
import org.gongjian.shared.AuditableChange;
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
 * 工作日志: a deployed cadre records a day on site from the phone. Photos go into the site unit's evidence library
 * (the report module's store reads their EXIF time and GPS); a photo from another day or far from the site is flagged,
 * never refused. Only the cadre writes his own logs; ORG_DEPT, leaders and the units in scope read them.
 */
@Service
@Transactional
public class WorkLogService {

    static final int TEXT_MAX = 2000;
    static final int MET_MAX = 500;
    static final int PHOTOS_MAX = 9;

    private final DeploymentStore store;
    private final OrgService org;
    private final EvidenceService evidence;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkLogService(DeploymentStore store, OrgService org, EvidenceService evidence, ApplicationEventPublisher events,
                   Clock clock) {
        this.store = store;
        this.org = org;
        this.evidence = evidence;
        this.events = events;
        this.clock = clock;
    }

    /** The deployments the signed-in cadre may log on today (running now), newest first. */
    @Transactional(readOnly = true)
    public List<DeploymentView> myDeployments(CurrentUser user) {
        if (user.personId() == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return store.ofPerson(user.personId()).stream().filter(d -> !d.startDate().isAfter(today)).toList();
    }

    /** What a new log starts from: the last log's deployment, place, task and people met, dated today. */
    public record Draft(@Nullable Long deploymentId, LocalDate logDate, @Nullable Long placeUnitId,
                        @Nullable Long taskId, @Nullable String peopleMet) {}

    @Transactional(readOnly = true)
    public Draft draft(CurrentUser user) {
        LocalDate today = LocalDate.now(clock);
        List<DeploymentView> mine = myDeployments(user).stream().filter(d -> d.activeOn(today)).toList();
        Optional<WorkLogView> last = user.personId() == null ? Optional.empty() : store.lastLog(user.personId());
        if (last.isPresent() && mine.stream().anyMatch(d -> d.id() == last.get().deploymentId())) {
            WorkLogView l = last.get();
            return new Draft(l.deploymentId(), today, l.placeUnitId(), l.taskId(), l.peopleMet());
        }
        DeploymentView first = mine.isEmpty() ? null : mine.get(0);
        return new Draft(first == null ? null : first.id(), today, first == null ? null : first.targetUnitId(),
                first == null || first.tasks().isEmpty() ? null : first.tasks().get(0).id(), null);
    }

    @Transactional(readOnly = true)
    public WorkLogView log(long id, CurrentUser user, DataScope scope) {
        WorkLogView log = store.log(id).map(this::named).orElseThrow(() -> new NotFound("work_log", id));
        if (!Objects.equals(user.personId(), log.personId())) {
            store.find(log.deploymentId(), scope).orElseThrow(() -> new NotFound("work_log", id));
        }
        return log;
    }

    /** Logs in scope, by deployment or cadre; a cadre without a wider role sees only his own. */
    @Transactional(readOnly = true)
    public PageResult<WorkLogView> logs(@Nullable Long deploymentId, @Nullable Long personId, CurrentUser user,
                                        DataScope scope, PageQuery page) {
        DataScope effective = scope;
        Long person = personId;
        if (onlyCadre(user)) {
            person = user.personId() == null ? -1L : user.personId();
            effective = DataScope.everything();
        }
        return PageResult.of(store.logs(deploymentId, person, effective, page).stream().map(this::named).toList(),
                store.countLogs(deploymentId, person, effective), page);
    }

    /** Stores a photo for a deployment's work log in the site's evidence library (the cadre's own deployment only). */
    public EvidenceView uploadPhoto(long deploymentId, String fileName, InputStream content, CurrentUser user) {
        DeploymentView d = ownDeployment(deploymentId, user);
        EvidenceView file = evidence.upload(d.targetUnitId(), fileName, content, DataScope.everything());
        if (!file.photo()) {
            throw InvalidInput.of("file", "工作日志只能附照片（jpg/png）");
        }
        return file;
    }

    public WorkLogView create(WorkLogCommand c, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c.deploymentId() == null) {
            throw InvalidInput.of("deploymentId", "请选择下沉安排");
        }
        DeploymentView d = ownDeployment(c.deploymentId(), user);
        LocalDate today = LocalDate.now(clock);
        LocalDate date = c.logDate();
        if (date == null) {
            problems.add(new FieldProblem("logDate", null, "请填写日期"));
        } else if (date.isAfter(today)) {
            problems.add(new FieldProblem("logDate", null, "日志日期不能晚于今天（" + today + "）"));
        } else if (!d.activeOn(date)) {
            problems.add(new FieldProblem("logDate", null, "日志日期须在下沉期间内（" + d.startDate() + " 至 " + d.endDate() + "）"));
        }
        long place = c.placeUnitId() == null ? d.targetUnitId() : c.placeUnitId();
        DataScope site = org.scopeOf(d.targetUnitId()).orElseThrow();
        if (DeploymentService.orNull(() -> org.unit(place, site)) == null) {
            problems.add(new FieldProblem("placeUnitId", null, "地点须是下沉单位“" + d.targetUnitName() + "”或其下辖村"));
        }
        String done = c.workDone() == null ? "" : c.workDone().strip();
        if (done.isEmpty()) {
            problems.add(new FieldProblem("workDone", null, "请填写工作内容"));
        } else if (done.length() > TEXT_MAX) {
            problems.add(new FieldProblem("workDone", null, "工作内容不能超过" + TEXT_MAX + "字"));
        }
        if (c.taskId() != null && d.tasks().stream().noneMatch(t -> t.id() == c.taskId())) {
            problems.add(new FieldProblem("taskId", null, "所选任务不是本次下沉服务的任务"));
        }
        String met = c.peopleMet() == null ? null : c.peopleMet().strip();
        if (met != null && met.length() > MET_MAX) {
            problems.add(new FieldProblem("peopleMet", null, "走访对象不能超过" + MET_MAX + "字"));
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(c.evidenceIds() == null ? List.of() : c.evidenceIds()));
        if (ids.size() > PHOTOS_MAX) {
            problems.add(new FieldProblem("evidenceIds", null, "照片最多" + PHOTOS_MAX + "张"));
        }
        List<EvidenceView> photos = new ArrayList<>();
        for (Long id : ids) {
            EvidenceView file = id == null ? null : DeploymentService.orNull(() -> evidence.evidence(id, site));
            if (file == null || file.unitId() != d.targetUnitId() || !file.photo()) {
                problems.add(new FieldProblem("evidenceIds", null, "照片 " + id + " 不在“" + d.targetUnitName() + "”的资料库中"));
            } else {
                photos.add(file);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        long id = store.insertLog(new DeploymentStore.NewLog(d.id(), Objects.requireNonNull(d.personId()), date, place,
                done, c.taskId(), met == null || met.isEmpty() ? null : met, user.getUsername(), clock.instant()));
        for (EvidenceView photo : photos) {
            store.insertPhoto(id, photo.id(), PhotoCheck.check(date, photo.capturedAt(), photo.latitude(),
                    photo.longitude(), d.siteLatitude(), d.siteLongitude(), clock.getZone()));
        }
        WorkLogView created = named(store.log(id).orElseThrow());
        events.publishEvent(AuditableChange.created("work_log", id, created));
        return created;
    }

    private DeploymentView ownDeployment(long deploymentId, CurrentUser user) {
        DeploymentView d = store.find(deploymentId, DataScope.everything())
                .orElseThrow(() -> new NotFound("deployment", deploymentId));
        if (user.personId() == null || !Objects.equals(d.personId(), user.personId())) {
            if (!user.has(Role.ADMIN) && !user.has(Role.ORG_DEPT)) {
                throw new NotFound("deployment", deploymentId);
            }
            throw new Forbidden("工作日志只能由下沉干部本人填写");
        }
        return d;
    }

    private WorkLogView named(WorkLogView log) {
        return log.withPhotos(log.photos().stream().map(p -> new WorkLogView.Photo(p.evidenceId(),
                Optional.ofNullable(DeploymentService.orNull(() -> evidence.evidence(p.evidenceId(), DataScope.everything())))
                        .map(EvidenceView::fileName).orElse("照片" + p.evidenceId()), p.flags())).toList());
    }

    static boolean onlyCadre(CurrentUser user) {
        return user.has(Role.CADRE) && !user.has(Role.ORG_DEPT) && !user.has(Role.ADMIN) && !user.has(Role.LEADER)
                && !user.has(Role.UNIT_HEAD);
    }
}
