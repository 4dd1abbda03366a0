package org.gongjian.deployment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.org.OrgService;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.InvalidInput.FieldProblem;
import org.gongjian.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考察学习: ORG_DEPT organises a tour with its participants; each participant files one study report with findings;
 * the office (ORG_DEPT, SUPERVISOR) turns a finding into a task of a campaign through the task list's own API (same
 * checks, history and audit as any task), and the finding remembers the task. The tour page shows what came of it.
 */
@Service
@Transactional
public class StudyTourService {

    static final int MAX_PARTICIPANTS = 100;
    static final int MAX_FINDINGS = 20;

    private final StudyTourStore store;
    private final OrgService org;
    private final TaskService tasks;
    private final CampaignService campaigns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StudyTourService(StudyTourStore store, OrgService org, TaskService tasks, CampaignService campaigns,
                     ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.org = org;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<StudyTourView> tours(CurrentUser user, DataScope scope) {
        return store.list(scope, user.personId()).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public StudyTourView tour(long id, CurrentUser user, DataScope scope) {
        return store.find(id, scope, user.personId()).map(this::view).orElseThrow(() -> new NotFound("study_tour", id));
    }

    private StudyTourView view(StudyTourStore.TourRow t) {
        List<StudyTourView.Finding> findings = store.findings(t.id()).stream().map(this::withLight).toList();
        return new StudyTourView(t.id(), t.name(), t.destination(), t.theme(), t.start(), t.end(), t.owner(),
                t.ownerName(), store.participants(t.id()), findings);
    }

    private StudyTourView.Finding withLight(StudyTourView.Finding f) {
        if (f.taskId() == null) {
            return f;
        }
        TaskView task = DeploymentService.orNull(() -> tasks.task(f.taskId(), DataScope.everything()));
        String light = task == null ? null : task.light() == null ? "未评估" : task.light().name();
        return new StudyTourView.Finding(f.id(), f.personId(), f.personName(), f.finding(), f.toAdopt(), f.adoptWhere(),
                f.taskId(), f.taskTitle(), light, f.adoptedBy(), f.adoptedAt());
    }

    public StudyTourView create(StudyTourCommand c, CurrentUser user, DataScope scope) {
        if (!user.has(Role.ORG_DEPT) && !user.has(Role.ADMIN)) {
            throw new Forbidden("只有组织部可以组织考察学习");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = text(c.name(), "name", "考察名称", 100, problems);
        String destination = text(c.destination(), "destination", "考察地", 50, problems);
        String theme = text(c.theme(), "theme", "考察主题", 50, problems);
        if (c.startDate() == null || c.endDate() == null) {
            problems.add(new FieldProblem("startDate", null, "请填写考察日期"));
        } else if (c.endDate().isBefore(c.startDate())) {
            problems.add(new FieldProblem("endDate", null, "结束日期不能早于开始日期"));
        }
        List<Long> people = new ArrayList<>(new LinkedHashSet<>(c.participantIds() == null ? List.of() : c.participantIds()));
        if (people.isEmpty() || people.size() > MAX_PARTICIPANTS) {
            problems.add(new FieldProblem("participantIds", null, "请选择1至" + MAX_PARTICIPANTS + "名参加人员"));
        }
        for (Long p : people) {
            if (p == null || DeploymentService.orNull(() -> org.person(p, scope)) == null) {
                problems.add(new FieldProblem("participantIds", null, "干部 " + p + " 不存在或不在您的管理范围内"));
            }
        }
        if (scope.unitId() == null && !user.has(Role.ADMIN)) {
            problems.add(new FieldProblem("ownerUnitId", null, "您没有数据范围"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        long owner = scope.unitId() != null ? scope.unitId() : org.person(people.get(0), scope).unitId();
        long id = store.insert(name, destination, theme, c.startDate(), c.endDate(), owner, user.getUsername(), clock.instant());
        people.forEach(p -> store.addParticipant(id, p));
        StudyTourView created = tour(id, user, DataScope.everything());
        events.publishEvent(AuditableChange.created("study_tour", id, created));
        return created;
    }

    /** A participant files his study report (once); ORG_DEPT may file on behalf of a participant. */
    public StudyTourView report(long tourId, @Nullable Long personId, StudyTourCommand.Report r, CurrentUser user,
                                DataScope scope) {
        StudyTourView tour = tour(tourId, user, scope);
        long person = personId != null && (user.has(Role.ORG_DEPT) || user.has(Role.ADMIN)) ? personId
                : Objects.requireNonNullElse(user.personId(), -1L);
        if (tour.participants().stream().noneMatch(p -> p.personId() == person)) {
            throw new Forbidden("只有参加考察的干部可以提交考察报告");
        }
        if (store.reported(tourId, person)) {
            throw new Conflict("study.reported", "考察报告已提交");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String summary = text(r.summary(), "summary", "考察报告", 4000, problems);
        List<StudyTourCommand.FindingInput> findings = r.findings() == null ? List.of() : r.findings();
        if (findings.isEmpty() || findings.size() > MAX_FINDINGS) {
            problems.add(new FieldProblem("findings", null, "请填写1至" + MAX_FINDINGS + "条发现"));
        }
        List<String[]> clean = new ArrayList<>();
        for (StudyTourCommand.FindingInput f : findings) {
            clean.add(new String[] {text(f.finding(), "findings", "发现", 2000, problems),
                    text(f.toAdopt(), "findings", "可借鉴做法", 2000, problems),
                    text(f.adoptWhere(), "findings", "拟在何处推行", 200, problems)});
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        long reportId = store.insertReport(tourId, person, summary, user.getUsername(), clock.instant());
        clean.forEach(f -> store.insertFinding(reportId, tourId, person, f[0], f[1], f[2]));
        events.publishEvent(AuditableChange.created("study_report", reportId,
                Map.of("tourId", tourId, "personId", person, "findings", clean.size())));
        return tour(tourId, user, DataScope.everything());
    }

    /** The office turns a finding into a new task of a campaign (its own checks apply); linked both ways. */
    public TaskView adopt(long findingId, StudyTourCommand.Adoption a, CurrentUser user, DataScope scope) {
        if (!user.has(Role.ORG_DEPT) && !user.has(Role.SUPERVISOR) && !user.has(Role.ADMIN)) {
            throw new Forbidden("只有组织部或督查室可以把考察发现转为任务");
        }
        long tourId = store.findingTour(findingId).orElseThrow(() -> new NotFound("study_finding", findingId));
        StudyTourView tour = tour(tourId, user, scope);
        StudyTourView.Finding f = tour.findings().stream().filter(x -> x.id() == findingId).findFirst().orElseThrow();
        if (f.adopted()) {
            throw new Conflict("finding.adopted", "该发现已转为任务“" + f.taskTitle() + "”");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (a.campaignId() == null) {
            problems.add(new FieldProblem("campaignId", null, "请选择攻坚行动"));
        }
        if (a.leadUnitId() == null) {
            problems.add(new FieldProblem("leadUnitId", null, "请选择牵头单位"));
        }
        if (a.dueDate() == null) {
            problems.add(new FieldProblem("dueDate", null, "请填写完成时限"));
        }
        if (a.category() == null || a.category().isBlank()) {
            problems.add(new FieldProblem("category", null, "请选择领域"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        CampaignView campaign = campaigns.campaign(a.campaignId(), scope);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = today.isBefore(campaign.startDate()) ? campaign.startDate() : today;
        String title = a.title() == null || a.title().isBlank() ? clip(f.toAdopt(), 200) : a.title().strip();
        TaskView task = tasks.create(campaign.id(), new TaskCommand(title, "来源：考察学习“" + tour.name() + "”（" + tour.destination()
                + "）· " + f.personName() + "的发现：" + clip(f.finding(), 1000) + "\n可借鉴做法：" + clip(f.toAdopt(), 1000)
                + "\n推行范围：" + f.adoptWhere(), a.category().strip(), a.leadUnitId(), a.leadLeaderId(), List.of(), null, start,
                a.dueDate(), List.of(), List.of()), scope);
        if (!store.adopt(findingId, task.id(), user.getUsername(), clock.instant())) {
            throw new Conflict("finding.adopted", "该发现刚被他人转为任务");
        }
        events.publishEvent(new AuditableChange("study_finding.adopt", "study_finding", String.valueOf(findingId), null,
                Map.of("taskId", task.id(), "campaignId", campaign.id())));
        return task;
    }

    /** The finding a task came from, if any (the task page's 来源). */
    @Transactional(readOnly = true)
    java.util.Optional<StudyTourStore.FindingRef> sourceOf(long taskId) {
        return store.byTask(taskId);
    }

    /** Findings of the person that became tasks (the performance record). */
    @Transactional(readOnly = true)
    public List<StudyTourView.Finding> adoptedOf(long personId) {
        return store.adoptedOf(personId);
    }

    private static String text(@Nullable String value, String field, String label, int max, List<FieldProblem> problems) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            problems.add(new FieldProblem(field, null, "请填写" + label));
        } else if (clean.length() > max) {
            problems.add(new FieldProblem(field, null, label + "不能超过" + max + "字"));
        }
        return clean;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
