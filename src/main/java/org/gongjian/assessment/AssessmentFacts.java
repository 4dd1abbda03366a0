package org.gongjian.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.supervision.LightRules;
import org.gongjian.assessment.UnitFacts.CommendationFact;
import org.gongjian.assessment.UnitFacts.InstructionFact;
import org.gongjian.assessment.UnitFacts.MilestoneFact;
import org.gongjian.assessment.UnitFacts.NoticeFact;
import org.gongjian.assessment.UnitFacts.ReportFact;
import org.gongjian.assessment.UnitFacts.Reporting;
import org.gongjian.assessment.UnitFacts.TaskFact;
import org.gongjian.campaign.InstructionLedger;
import org.gongjian.campaign.InstructionView;
import org.gongjian.campaign.Progress;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.campaign.TaskView.IndicatorView;
import org.gongjian.rectification.RectificationFacts;
import org.gongjian.report.PeriodReports;
import org.gongjian.report.PeriodReports.PeriodReport;
import org.gongjian.report.ReportStatus;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.gongjian.supervision.NoticeService;
import org.gongjian.supervision.NoticeView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Collects what each unit of a peer group did in one period, from the other modules' public reads, in a handful of
 * bulk queries (no query per task): tasks and milestones (campaign), reports (report), notices (supervision),
 * instructions (campaign), and this module's ratings and commendations.
 */
@Component
class AssessmentFacts {

    /** A leader instruction counts as left unanswered once it has waited this long at the period's end. */
    static final int INSTRUCTION_GRACE_DAYS = NoticeService.RESPONSE_DAYS;

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final PeriodReports reports;
    private final NoticeService notices;
    private final InstructionLedger instructions;
    private final RectificationFacts problems;
    private final Clock clock;

    AssessmentFacts(JdbcClient jdbc, TaskService tasks, PeriodReports reports, NoticeService notices,
                    InstructionLedger instructions, RectificationFacts problems, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.reports = reports;
        this.notices = notices;
        this.instructions = instructions;
        this.problems = problems;
        this.clock = clock;
    }

    record Unit(long id, String name, String path) {}

    /** The group's units in scope that lead at least one task of the campaign started by the period's end. */
    List<UnitFacts> collect(long campaignId, ReportingPeriod period, UnitGroup group, DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Unit> units = new LinkedHashMap<>();
        jdbc.sql("SELECT unit_id, name, path FROM org_unit_path WHERE kind = :kind AND path LIKE :scope ORDER BY unit_id")
                .param("kind", group.name()).param("scope", scope.likePattern())
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3))).list()
                .forEach(u -> units.put(u.id(), u));
        List<TaskView> all = tasks.tasksForEvaluation(campaignId).stream()
                .filter(t -> units.containsKey(t.leadUnitId()) && t.subtaskCount() == 0
                        && !t.startDate().isAfter(period.end()))
                .toList();
        Map<Long, TaskView> byId = new HashMap<>();
        all.forEach(t -> byId.put(t.id(), t));
        Map<Long, Map<Long, BigDecimal>> values = reports.approvedValuesUpTo(campaignId, period.label());
        Map<Long, List<PeriodReport>> revisions = new HashMap<>();
        for (PeriodReport r : reports.ofPeriod(campaignId, period.label())) {
            revisions.computeIfAbsent(r.taskId(), k -> new ArrayList<>()).add(r);
        }
        Map<Long, Grade> grades = grades(campaignId);
        Map<Long, Builder> builders = new LinkedHashMap<>();
        for (TaskView t : all) {
            Builder b = builders.computeIfAbsent(t.leadUnitId(), id -> new Builder(units.get(id)));
            b.tasks.add(taskFact(t, values.getOrDefault(t.id(), Map.of()), period.end()));
            boolean active = !t.dueDate().isBefore(period.start());
            if (active && period.deadline().isBefore(today)) {
                b.reports.add(reportFact(t, revisions.getOrDefault(t.id(), List.of()), grades));
            }
            for (TaskView.MilestoneView m : t.milestones()) {
                if (!m.dueDate().isBefore(period.start()) && !m.dueDate().isAfter(period.end())) {
                    b.milestones.add(new MilestoneFact(m.id(), t.id(), m.title(), m.dueDate(), m.doneDate()));
                }
            }
        }
        addNotices(campaignId, period, scope, builders);
        addInstructions(campaignId, period, byId, builders);
        addCommendations(campaignId, period, builders);
        addProblems(campaignId, period, builders);
        return builders.values().stream().map(Builder::build).toList();
    }

    private static TaskFact taskFact(TaskView t, Map<Long, BigDecimal> approved, LocalDate end) {
        List<Progress.IndicatorInput> planned = new ArrayList<>();
        List<Progress.IndicatorInput> actual = new ArrayList<>();
        for (IndicatorView i : t.indicators()) {
            BigDecimal plan = LightRules.planned(i, t.startDate(), t.dueDate(), end);
            planned.add(new Progress.IndicatorInput(i.name(), i.baseline(), i.target(), plan, i.direction()));
            actual.add(new Progress.IndicatorInput(i.name(), i.baseline(), i.target(), approved.get(i.id()), i.direction()));
        }
        int total = t.milestones().size();
        int due = (int) t.milestones().stream().filter(m -> !m.dueDate().isAfter(end)).count();
        int done = (int) t.milestones().stream().filter(m -> m.doneDate() != null && !m.doneDate().isAfter(end)).count();
        return new TaskFact(t.id(), t.title(), t.weight(), Progress.ofTask(planned, due, total).percent(),
                Progress.ofTask(actual, done, total).percent());
    }


    private static ReportFact reportFact(TaskView t, List<PeriodReport> revisions, Map<Long, Grade> grades) {
        PeriodReport first = revisions.stream().filter(r -> r.revision() == 1).findFirst().orElse(null);
        Reporting reporting = first == null || first.firstSubmittedAt() == null ? Reporting.MISSING
                : first.late() ? Reporting.LATE : Reporting.ON_TIME;
        PeriodReport approved = null;
        int returns = 0;
        for (PeriodReport r : revisions) {
            returns += r.returns();
            if (r.status() == ReportStatus.APPROVED) {
                approved = r;
            }
        }
        Long reportId = first == null || first.firstSubmittedAt() == null ? null : first.reportId();
        return new ReportFact(t.id(), t.title(), reportId, reporting, approved == null ? null : approved.reportId(),
                approved == null ? null : grades.get(approved.reportId()), returns);
    }

    private Map<Long, Grade> grades(long campaignId) {
        Map<Long, Grade> grades = new HashMap<>();
        jdbc.sql("SELECT report_id, grade FROM assessment_rating WHERE campaign_id = :c").param("c", campaignId)
                .query(rs -> {
                    grades.put(rs.getLong(1), Grade.valueOf(rs.getString(2)));
                });
        return grades;
    }

    private void addNotices(long campaignId, ReportingPeriod period, DataScope scope, Map<Long, Builder> builders) {
        ZoneId zone = clock.getZone();
        int page = 0;
        while (true) {
            PageResult<NoticeView> result = notices.notices(null, null, null, null, scope, new PageQuery(page, PageQuery.MAX_SIZE));
            for (NoticeView n : result.items()) {
                LocalDate on = n.createdAt().atZone(zone).toLocalDate();
                Builder b = builders.get(n.unitId());
                if (b != null && n.campaignId() == campaignId && !on.isBefore(period.start()) && !on.isAfter(period.end())) {
                    b.notices.add(new NoticeFact(n.id(), n.taskTitle(), n.level(), on));
                }
            }
            if (result.items().size() < PageQuery.MAX_SIZE) {
                return;
            }
            page++;
        }
    }

    private void addInstructions(long campaignId, ReportingPeriod period, Map<Long, TaskView> byId,
                                 Map<Long, Builder> builders) {
        ZoneId zone = clock.getZone();
        LocalDate latestIssue = period.end().minusDays(INSTRUCTION_GRACE_DAYS);
        for (InstructionView i : instructions.ofCampaign(campaignId)) {
            TaskView t = byId.get(i.taskId());
            LocalDate issued = i.createdAt().atZone(zone).toLocalDate();
            boolean open = i.answeredAt() == null || i.answeredAt().atZone(zone).toLocalDate().isAfter(period.end());
            if (t != null && open && !issued.isAfter(latestIssue)) {
                builders.get(t.leadUnitId()).instructions.add(new InstructionFact(i.id(), t.id(), t.title(), issued));
            }
        }
    }

    private void addCommendations(long campaignId, ReportingPeriod period, Map<Long, Builder> builders) {
        jdbc.sql("SELECT id, unit_id, reason, recorded_by FROM assessment_commendation WHERE campaign_id = :c AND period = :p ORDER BY id")
                .param("c", campaignId).param("p", period.label()).query(rs -> {
                    Builder b = builders.get(rs.getLong(2));
                    if (b != null) {
                        b.commendations.add(new CommendationFact(rs.getLong(1), rs.getString(3), rs.getString(4)));
                    }
                });
    }

    private void addProblems(long campaignId, ReportingPeriod period, Map<Long, Builder> builders) {
        for (RectificationFacts.OverdueMeasure m : problems.overdueAt(campaignId, period.end())) {
            Builder b = builders.get(m.unitId());
            if (b != null) {
                b.problems.add(new UnitFacts.ProblemFact(m.problemId(), m.measureId(), true, "整改措施“" + m.measure()
                        + "”（问题：" + m.problem() + "）整改时限" + m.deadline() + "，期末仍未完成"));
            }
        }
        for (RectificationFacts.FixedProblem p : problems.selfFoundSignedOff(campaignId, period.start(), period.end())) {
            Builder b = builders.get(p.unitId());
            if (b != null) {
                b.problems.add(new UnitFacts.ProblemFact(p.problemId(), p.problemId(), false, "自查发现的问题“"
                        + p.problem() + "”已于" + p.signedOffOn() + "整改销号"));
            }
        }
    }

    private static final class Builder {
        final Unit unit;
        final List<TaskFact> tasks = new ArrayList<>();
        final List<ReportFact> reports = new ArrayList<>();
        final List<MilestoneFact> milestones = new ArrayList<>();
        final List<NoticeFact> notices = new ArrayList<>();
        final List<InstructionFact> instructions = new ArrayList<>();
        final List<CommendationFact> commendations = new ArrayList<>();
        final List<UnitFacts.ProblemFact> problems = new ArrayList<>();

        Builder(Unit unit) {
            this.unit = unit;
        }

        UnitFacts build() {
            return new UnitFacts(unit.id(), unit.name(), unit.path(), tasks, reports, milestones, notices,
                    instructions, commendations, problems);
        }
    }
}
