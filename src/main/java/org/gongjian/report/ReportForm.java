package org.gongjian.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.TaskView;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The phone form as typed: one field per indicator ({@code value_<id>}), a tick and a date per milestone
 * ({@code done_<id>}, {@code doneOn_<id>}). Kept as text so a refused form comes back exactly as entered.
 */
record ReportForm(@Nullable String period, @Nullable String progressText, @Nullable String problems,
                  @Nullable String nextSteps, Map<Long, String> values, Map<Long, Boolean> done,
                  Map<Long, String> doneOn, @Nullable Integer version) {

    static ReportForm from(Map<String, String> params, TaskView task) {
        Map<Long, String> values = new LinkedHashMap<>();
        Map<Long, Boolean> done = new LinkedHashMap<>();
        Map<Long, String> doneOn = new LinkedHashMap<>();
        for (TaskView.IndicatorView i : task.indicators()) {
            values.put(i.id(), params.getOrDefault("value_" + i.id(), "").trim());
        }
        for (TaskView.MilestoneView m : task.milestones()) {
            done.put(m.id(), params.containsKey("done_" + m.id()));
            doneOn.put(m.id(), params.getOrDefault("doneOn_" + m.id(), "").trim());
        }
        Integer version = null;
        try {
            version = params.containsKey("version") ? Integer.valueOf(params.get("version")) : null;
        } catch (NumberFormatException e) {
            version = -1;
        }
        return new ReportForm(params.get("period"), params.get("progressText"), params.get("problems"),
                params.get("nextSteps"), values, done, doneOn, version);
    }

    /** A form showing a report (or the pre-fill a new one would get). */
    static ReportForm of(@Nullable ReportView report, TaskView task, @Nullable String period) {
        Map<Long, String> values = new LinkedHashMap<>();
        Map<Long, Boolean> done = new LinkedHashMap<>();
        Map<Long, String> doneOn = new LinkedHashMap<>();
        for (TaskView.IndicatorView i : task.indicators()) {
            BigDecimal v = report == null ? null : report.valueOf(i.id());
            values.put(i.id(), v == null ? "" : v.stripTrailingZeros().toPlainString());
        }
        for (TaskView.MilestoneView m : task.milestones()) {
            ReportView.MilestoneDone d = report == null ? null : report.milestonesDone().stream()
                    .filter(x -> x.milestoneId() == m.id()).findFirst().orElse(null);
            done.put(m.id(), d != null);
            doneOn.put(m.id(), d == null || d.doneOn() == null ? "" : d.doneOn().toString());
        }
        return new ReportForm(period, report == null ? null : report.progressText(),
                report == null ? null : report.problems(), report == null ? null : report.nextSteps(), values, done,
                doneOn, report == null ? null : report.version());
    }

    /**
     * A new report's form: last period's figures to type over, nothing else — its texts are shown beside the
     * fields as 上期, and no milestone is ticked twice.
     */
    static ReportForm prefilled(@Nullable ReportView last, TaskView task, String period) {
        ReportForm figures = of(last, task, period);
        Map<Long, Boolean> done = new LinkedHashMap<>();
        Map<Long, String> doneOn = new LinkedHashMap<>();
        task.milestones().forEach(m -> {
            done.put(m.id(), false);
            doneOn.put(m.id(), "");
        });
        return new ReportForm(period, null, null, null, figures.values(), done, doneOn, null);
    }

    /** The command, or every typing mistake at once in Chinese. */
    ReportCommand command(TaskView task) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        List<ReportView.IndicatorValue> parsed = new ArrayList<>();
        for (TaskView.IndicatorView i : task.indicators()) {
            String text = values.getOrDefault(i.id(), "").replace(",", "").replace("，", "");
            if (text.isEmpty()) {
                continue;
            }
            try {
                parsed.add(new ReportView.IndicatorValue(i.id(), new BigDecimal(text)));
            } catch (NumberFormatException e) {
                problems.add(new InvalidInput.FieldProblem("value_" + i.id(), null,
                        "指标“" + i.name() + "”须填数字，“" + abbreviate(text) + "”不是数字"));
            }
        }
        List<ReportView.MilestoneDone> milestones = new ArrayList<>();
        for (TaskView.MilestoneView m : task.milestones()) {
            if (!Boolean.TRUE.equals(done.get(m.id()))) {
                continue;
            }
            String on = doneOn.getOrDefault(m.id(), "");
            try {
                milestones.add(new ReportView.MilestoneDone(m.id(), on.isEmpty() ? null : LocalDate.parse(on)));
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInput.FieldProblem("doneOn_" + m.id(), null,
                        "节点“" + m.title() + "”的完成日期格式不正确"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        return new ReportCommand(period, parsed, progressText, this.problems, nextSteps, milestones);
    }

    private static String abbreviate(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
