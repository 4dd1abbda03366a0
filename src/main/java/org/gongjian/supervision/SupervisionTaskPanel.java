package org.gongjian.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongjian.campaign.TaskPanel;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Component;

/**
 * On the task page, side by side: the computed light with its reasons and its history, and the human confidence
 * judgement (交付信心) with its reason and review date — a judgement stands beside the light, never hides it.
 */
@Component
class SupervisionTaskPanel implements TaskPanel {

    private final LightEvaluation lights;
    private final ConfidenceService confidence;
    private final NoticeService notices;
    private final LightReasonText reasonText;
    private final Clock clock;

    SupervisionTaskPanel(LightEvaluation lights, ConfidenceService confidence, NoticeService notices,
                         LightReasonText reasonText, Clock clock) {
        this.reasonText = reasonText;
        this.lights = lights;
        this.confidence = confidence;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public Optional<Panel> panelFor(TaskView task, DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        List<String> lines = new ArrayList<>();
        List<LightEvaluation.LightPeriod> history = lights.history(task.id(), 6);
        if (task.light() == null) {
            lines.add("计算亮灯：未评估");
        } else {
            String since = history.isEmpty() ? "" : "（自" + history.get(0).since() + "起，已"
                    + ChronoUnit.DAYS.between(history.get(0).since(), today) + "天）";
            lines.add("计算亮灯：" + task.light().label() + since);
            reasonText.render(task.lightReasons()).forEach(r -> lines.add("· " + r));
        }
        if (history.size() > 1) {
            lines.add("亮灯记录：");
            history.stream().skip(1).forEach(p -> lines.add("· " + p.since() + " 至 " + p.until() + " " + p.light().label()
                    + "：" + (p.reasons().isEmpty() ? "" : reasonText.render(p.reasons().get(0)))));
        }
        List<ConfidenceView> judgements = confidence.judgements(task.id(), scope);
        boolean warning = false;
        if (judgements.isEmpty()) {
            lines.add("交付信心：尚无研判");
        } else {
            ConfidenceView current = judgements.get(0);
            lines.add("交付信心：" + current.ratingLabel() + "（" + current.judgedBy() + "，复核日期 " + current.reviewOn() + "）");
            lines.add("理由：" + current.reason());
            if (current.reviewOverdue()) {
                warning = true;
                lines.add("已过复核日期，需重新研判");
            }
        }
        List<NoticeView> onTask = notices.ofTask(task.id(), scope);
        long active = onTask.stream().filter(n -> n.status() == NoticeStatus.OPEN || n.status() == NoticeStatus.RESPONDED).count();
        if (!onTask.isEmpty()) {
            lines.add("督办单：共" + onTask.size() + "件，在办" + active + "件");
            onTask.stream().filter(n -> n.status() == NoticeStatus.OPEN || n.status() == NoticeStatus.RESPONDED).limit(3)
                    .forEach(n -> lines.add("· 第" + n.id() + "号" + n.levelLabel() + "（" + n.statusLabel() + "，反馈期限 "
                            + n.responseDue() + (n.overdue() ? "，已逾期" : "") + "）"));
        }
        if (onTask.stream().anyMatch(n -> n.level().compareTo(NoticeLevel.INTERVIEW) >= 0)) {
            warning = true;
            lines.add("约谈：本任务已列入约谈");
        }
        return Optional.of(new Panel("亮灯与交付信心", lines, "/supervision/notices?taskId=" + task.id(),
                onTask.isEmpty() ? "督办单" : "督办单（" + active + "件在办）", warning));
    }
}
