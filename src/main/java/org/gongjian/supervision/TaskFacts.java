package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskView;

/**
 * The facts of one task the light rules read.
 *
 * @param planStart where a trajectory without points starts: the later of campaign start and task start, so a task
 *                  added mid-campaign is not behind from its first day
 */
public record TaskFacts(LocalDate planStart, LocalDate due, List<TaskView.IndicatorView> indicators,
                        List<TaskView.MilestoneView> milestones) {

    public static TaskFacts of(TaskView task, CampaignView campaign) {
        LocalDate start = task.startDate().isAfter(campaign.startDate()) ? task.startDate() : campaign.startDate();
        return new TaskFacts(start, task.dueDate(), task.indicators(), task.milestones());
    }
}
