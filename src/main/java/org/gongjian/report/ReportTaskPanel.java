package org.gongjian.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongjian.campaign.TaskPanel;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Component;

/** On the task page: the task's latest reports at a glance, and the way to all of them and to this period's form. */
@Component
class ReportTaskPanel implements TaskPanel {

    private final ReportService reports;

    ReportTaskPanel(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public Optional<Panel> panelFor(TaskView task, DataScope scope) {
        List<ReportView> all = reports.ofTask(task.id(), scope);
        List<String> lines = new ArrayList<>();
        all.stream().limit(4).forEach(r -> lines.add(r.periodName() + " · " + r.status().label()
                + (r.reviewStage() == null ? "" : "（" + r.reviewStage().label() + "）") + (r.late() ? " · 迟报" : "")));
        if (lines.isEmpty()) {
            lines.add("尚无报送");
        }
        boolean returned = all.stream().anyMatch(r -> r.status() == ReportStatus.RETURNED);
        return Optional.of(new Panel("进度报送", lines, "/tasks/" + task.id() + "/reports",
                "全部报告与填报（共" + all.size() + "份）", returned));
    }
}
