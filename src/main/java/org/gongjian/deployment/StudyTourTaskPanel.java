package org.gongjian.deployment;

import java.util.List;
import java.util.Optional;

import org.gongjian.campaign.TaskPanel;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Component;

/** On the task page: 来源：考察学习 — the tour and the finding a task came from (the link back). */
@Component
class StudyTourTaskPanel implements TaskPanel {

    private final StudyTourService tours;

    StudyTourTaskPanel(StudyTourService tours) {
        this.tours = tours;
    }

    @Override
    public Optional<Panel> panelFor(TaskView task, DataScope scope) {
        return tours.sourceOf(task.id()).map(f -> new Panel("来源：考察学习",
                List.of(f.tourName() + "（" + f.destination() + "）", f.personName() + "的发现：" + f.finding()),
                "/study-tours/" + f.tourId(), "查看考察学习", false));
    }
}
