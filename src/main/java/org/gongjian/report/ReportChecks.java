package org.gongjian.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gongjian.campaign.TaskView;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The content rules of a report: values and milestones must be the task's own, dates and numbers sane. */
@Component
class ReportChecks {

    /** DECIMAL(18, 4) holds 14 digits before the point. */
    private static final BigDecimal LIMIT = new BigDecimal("100000000000000");

    List<ReportView.IndicatorValue> values(TaskView task, @Nullable List<ReportView.IndicatorValue> values) {
        if (values == null) {
            return List.of();
        }
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<ReportView.IndicatorValue> clean = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ReportView.IndicatorValue v = values.get(i);
            String field = "indicatorValues[" + i + "]";
            TaskView.IndicatorView indicator = task.indicators().stream().filter(x -> x.id() == v.indicatorId())
                    .findFirst().orElse(null);
            if (indicator == null) {
                problems.add(new InvalidInput.FieldProblem(field, null, "指标" + v.indicatorId() + "不属于本任务"));
            } else if (!seen.add(v.indicatorId())) {
                problems.add(new InvalidInput.FieldProblem(field, null, "指标“" + indicator.name() + "”填了两次"));
            } else if (v.value() == null) {
                problems.add(new InvalidInput.FieldProblem(field, null, "请填写指标“" + indicator.name() + "”的实际值"));
            } else if (v.value().abs().compareTo(LIMIT) >= 0 || v.value().scale() > 4) {
                problems.add(new InvalidInput.FieldProblem(field, null,
                        "指标“" + indicator.name() + "”的实际值超出范围（最多14位整数、4位小数）"));
            } else {
                clean.add(v);
            }
        }
        throwIfAny(problems);
        return clean;
    }

    List<ReportView.MilestoneDone> milestones(TaskView task, @Nullable List<ReportView.MilestoneDone> done,
                                              LocalDate today) {
        if (done == null) {
            return List.of();
        }
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<ReportView.MilestoneDone> clean = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            ReportView.MilestoneDone m = done.get(i);
            String field = "milestonesDone[" + i + "]";
            TaskView.MilestoneView milestone = task.milestones().stream().filter(x -> x.id() == m.milestoneId())
                    .findFirst().orElse(null);
            LocalDate on = m.doneOn() == null ? today : m.doneOn();
            if (milestone == null) {
                problems.add(new InvalidInput.FieldProblem(field, null, "节点" + m.milestoneId() + "不属于本任务"));
            } else if (!seen.add(m.milestoneId())) {
                problems.add(new InvalidInput.FieldProblem(field, null, "节点“" + milestone.title() + "”填了两次"));
            } else if (on.isAfter(today)) {
                problems.add(new InvalidInput.FieldProblem(field, null,
                        "节点“" + milestone.title() + "”的完成日期不能晚于今天"));
            } else if (on.isBefore(task.startDate().minusYears(1))) {
                problems.add(new InvalidInput.FieldProblem(field, null,
                        "节点“" + milestone.title() + "”的完成日期早于任务开始一年以上，请核对"));
            } else {
                clean.add(new ReportView.MilestoneDone(m.milestoneId(), on));
            }
        }
        throwIfAny(problems);
        return clean;
    }

    /** What must be there before a report goes up: at least what was done this period. */
    void readyToSubmit(ReportView report) {
        if (report.progressText() == null || report.progressText().isBlank()) {
            throw InvalidInput.of("progressText", "请填写进展情况后再提交");
        }
    }

    static @Nullable String text(@Nullable String value) {
        if (value == null) {
            return null;
        }
        // Control characters other than line breaks are never meant; they only break documents and exports.
        String cleaned = value.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", "").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static void throwIfAny(List<InvalidInput.FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
    }

    /** A reviewer's note with an approval: optional, at most 1000 characters. */
    static @Nullable String note(@Nullable String note) {
        String cleaned = text(note);
        if (cleaned != null && cleaned.length() > 1000) {
            throw InvalidInput.of("note", "审核意见不超过1000字");
        }
        return cleaned;
    }
}
