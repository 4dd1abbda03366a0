package org.gongjian.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.assessment.ScoreItem.Category;
import org.gongjian.assessment.ScoreItem.SourceType;
import org.gongjian.assessment.UnitFacts.CommendationFact;
import org.gongjian.assessment.UnitFacts.InstructionFact;
import org.gongjian.assessment.UnitFacts.MilestoneFact;
import org.gongjian.assessment.UnitFacts.NoticeFact;
import org.gongjian.assessment.UnitFacts.ReportFact;
import org.gongjian.assessment.UnitFacts.Reporting;
import org.gongjian.assessment.UnitFacts.TaskFact;
import org.gongjian.shared.Decimals;

/**
 * The arithmetic of a score, item by item, so that every point has its cause:
 * <ul>
 * <li>completion (完成情况): each led task adds weight share × min(1, actual ÷ planned progress at the period's end);
 * <li>timeliness (及时性): the part split evenly over the reports due and milestones due in the period; on-time ones
 *     earn their share. Nothing due: full marks;
 * <li>quality (质量): the part split evenly over the period's approved reports, each earning its grade (优 100, 良 80
 *     — also when unrated —, 中 60, 差 40) less the return points per return, of 100. No approved report: 0;
 * <li>bonuses and deductions: per commendation, per notice issued in the period by level, per late or missing
 *     report, per leader instruction unanswered at the period's end; from the rectification ledger −0.5 per measure
 *     overdue at the period's end and +0.5 per self-found problem signed off in the period.
 * </ul>
 * Items keep four decimals; the score is their sum rounded to two.
 */
public final class Scoring {

    static final int ITEM_SCALE = 4;
    /** Per measure of the rectification ledger overdue at the period's end. */
    static final BigDecimal OVERDUE_MEASURE_POINTS = new BigDecimal("-0.5");
    /** Per self-found (自查) problem signed off within the period. */
    static final BigDecimal SELF_FIXED_POINTS = new BigDecimal("0.5");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scoring() {
    }

    public static UnitScore score(UnitFacts facts, Scheme scheme, long campaignId) {
        List<ScoreItem> items = new ArrayList<>();
        completion(facts.tasks(), scheme, items);
        timeliness(facts.reports(), facts.milestones(), scheme, items);
        quality(facts.reports(), scheme, items);
        for (CommendationFact c : facts.commendations()) {
            items.add(item(Category.BONUS, SourceType.COMMENDATION, c.commendationId(),
                    "/campaigns/" + campaignId + "/assessment/scheme#commendation-" + c.commendationId(),
                    scheme.commendationPoints(), "领导表扬（" + c.recordedBy() + "）：" + c.reason()));
        }
        deductions(facts, scheme, items);
        return UnitScore.of(facts.unitId(), facts.unitName(), facts.unitPath(), items);
    }

    private static void completion(List<TaskFact> tasks, Scheme scheme, List<ScoreItem> items) {
        BigDecimal weights = tasks.stream().map(TaskFact::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (TaskFact t : tasks) {
            BigDecimal rate = rate(t.actualPct(), t.plannedPct());
            BigDecimal share = weights.signum() == 0 ? BigDecimal.ONE.divide(BigDecimal.valueOf(tasks.size()), 10, RoundingMode.HALF_UP)
                    : t.weight().divide(weights, 10, RoundingMode.HALF_UP);
            BigDecimal points = scheme.completionWeight().multiply(share).multiply(rate);
            items.add(item(Category.COMPLETION, SourceType.TASK, t.taskId(), "/tasks/" + t.taskId(), points,
                    "任务“" + t.title() + "”：期末计划进度" + pct(t.plannedPct()) + "%，实际" + pct(t.actualPct())
                            + "%，完成率" + pct(rate.multiply(HUNDRED)) + "%，权重占比" + pct(share.multiply(HUNDRED)) + "%"));
        }
    }

    /** min(1, actual ÷ planned); nothing planned yet counts as on plan. */
    static BigDecimal rate(BigDecimal actual, BigDecimal planned) {
        if (planned.signum() <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal r = actual.max(BigDecimal.ZERO).divide(planned, 10, RoundingMode.HALF_UP);
        return r.min(BigDecimal.ONE);
    }

    private static void timeliness(List<ReportFact> reports, List<MilestoneFact> milestones, Scheme scheme,
                                   List<ScoreItem> items) {
        int due = reports.size() + milestones.size();
        if (due == 0) {
            items.add(item(Category.TIMELINESS, SourceType.UNIT, 0, "", scheme.timelinessWeight(),
                    "本期无应报报告和到期节点，及时性按满分计"));
            return;
        }
        BigDecimal share = scheme.timelinessWeight().divide(BigDecimal.valueOf(due), 10, RoundingMode.HALF_UP);
        String of = "（共" + due + "项应按时完成，每项" + Decimals.plain(share.setScale(2, RoundingMode.HALF_UP)) + "分）";
        for (ReportFact r : reports) {
            boolean onTime = r.reporting() == Reporting.ON_TIME;
            String what = onTime ? "按时报送" : r.reporting() == Reporting.LATE ? "逾期报送，不得分" : "未报送，不得分";
            items.add(item(Category.TIMELINESS, r.reportId() == null ? SourceType.TASK : SourceType.REPORT,
                    r.reportId() == null ? r.taskId() : r.reportId(), link(r), onTime ? share : BigDecimal.ZERO,
                    "任务“" + r.taskTitle() + "”本期报告" + what + of));
        }
        for (MilestoneFact m : milestones) {
            boolean onTime = m.done() != null && !m.done().isAfter(m.due());
            items.add(item(Category.TIMELINESS, SourceType.MILESTONE, m.milestoneId(), "/tasks/" + m.taskId(),
                    onTime ? share : BigDecimal.ZERO, "节点“" + m.title() + "”（" + m.due() + "到期）"
                            + (onTime ? "按期完成" : m.done() == null ? "未完成，不得分" : "逾期完成（" + m.done() + "），不得分") + of));
        }
    }

    private static void quality(List<ReportFact> reports, Scheme scheme, List<ScoreItem> items) {
        List<ReportFact> approved = reports.stream().filter(r -> r.approvedReportId() != null).toList();
        if (approved.isEmpty()) {
            items.add(item(Category.QUALITY, SourceType.UNIT, 0, "", BigDecimal.ZERO, "本期没有审核通过的报告，质量得0分"));
            return;
        }
        BigDecimal share = scheme.qualityWeight().divide(BigDecimal.valueOf(approved.size()), 10, RoundingMode.HALF_UP);
        for (ReportFact r : approved) {
            Grade grade = r.grade() == null ? Grade.GOOD : r.grade();
            BigDecimal value = BigDecimal.valueOf(grade.points())
                    .subtract(scheme.returnPoints().multiply(BigDecimal.valueOf(r.returns()))).max(BigDecimal.ZERO);
            BigDecimal points = share.multiply(value).divide(HUNDRED, 10, RoundingMode.HALF_UP);
            items.add(item(Category.QUALITY, SourceType.REPORT, r.approvedReportId(), "/reports/" + r.approvedReportId(),
                    points, "任务“" + r.taskTitle() + "”本期报告评为" + grade.label() + (r.grade() == null ? "（未评级按良计）" : "")
                            + grade.points() + "分" + (r.returns() > 0 ? "，被退回" + r.returns() + "次扣"
                            + Decimals.plain(scheme.returnPoints().multiply(BigDecimal.valueOf(r.returns()))) + "分" : "")
                            + "，计" + Decimals.plain(value) + "分（满分100）"));
        }
    }

    private static void deductions(UnitFacts facts, Scheme scheme, List<ScoreItem> items) {
        for (NoticeFact n : facts.notices()) {
            BigDecimal points = scheme.noticePoints(n.level());
            if (points.signum() != 0) {
                items.add(item(Category.DEDUCTION, SourceType.NOTICE, n.noticeId(), "/supervision/notices/" + n.noticeId(),
                        points, n.issuedOn() + "因任务“" + n.taskTitle() + "”被" + n.level().label()));
            }
        }
        for (ReportFact r : facts.reports()) {
            if (r.reporting() == Reporting.LATE && scheme.lateReportPoints().signum() != 0) {
                items.add(item(Category.DEDUCTION, SourceType.REPORT, r.reportId() == null ? r.taskId() : r.reportId(),
                        link(r), scheme.lateReportPoints(), "任务“" + r.taskTitle() + "”本期报告逾期报送"));
            } else if (r.reporting() == Reporting.MISSING && scheme.missingReportPoints().signum() != 0) {
                items.add(item(Category.DEDUCTION, SourceType.TASK, r.taskId(), "/tasks/" + r.taskId(),
                        scheme.missingReportPoints(), "任务“" + r.taskTitle() + "”本期报告未报送"));
            }
        }
        for (UnitFacts.ProblemFact p : facts.problems()) {
            items.add(p.overdue()
                    ? item(Category.DEDUCTION, SourceType.MEASURE, p.sourceId(), "/problems/" + p.problemId(),
                    OVERDUE_MEASURE_POINTS, p.text())
                    : item(Category.BONUS, SourceType.PROBLEM, p.sourceId(), "/problems/" + p.problemId(),
                    SELF_FIXED_POINTS, p.text()));
        }
        for (InstructionFact i : facts.instructions()) {
            items.add(item(Category.DEDUCTION, SourceType.INSTRUCTION, i.instructionId(), "/tasks/" + i.taskId(),
                    scheme.openInstructionPoints(), "任务“" + i.taskTitle() + "”的领导批示（" + i.issuedOn() + "）期末仍未答复"));
        }
    }

    private static String link(ReportFact r) {
        return r.reportId() == null ? "/tasks/" + r.taskId() : "/reports/" + r.reportId();
    }

    private static ScoreItem item(Category category, SourceType type, long id, String link, BigDecimal points,
                                  String explanation) {
        return new ScoreItem(category, type, id, link, points.setScale(ITEM_SCALE, RoundingMode.HALF_UP), explanation, false);
    }

    private static String pct(BigDecimal value) {
        return Decimals.plain(value.setScale(1, RoundingMode.HALF_UP));
    }
}
