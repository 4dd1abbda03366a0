package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * The reporting facts the light rules need, per task. The port onto the report module: supervision defines it so
 * the rules stay testable with plain input; an adapter onto the report module implements it.
 */
public interface ReportFacts {

    /** Facts for each task id asked for; a task missing from the answer counts as {@link ReportingFacts#none()}. */
    Map<Long, ReportingFacts> forTasks(Collection<Long> taskIds, LocalDate asOf);

    /**
     * {@link #forTasks} for tasks just read in this transaction, whose dates and subtasks need not be read again
     * (their start and due dates, and whether they have subtasks, are all the facts take of a task).
     */
    default Map<Long, ReportingFacts> forReadTasks(Collection<org.gongjian.campaign.TaskView> tasks, LocalDate asOf) {
        return forTasks(tasks.stream().map(org.gongjian.campaign.TaskView::id).toList(), asOf);
    }

    /** {@link #forTasks} for every task of a campaign ({@code taskIds}: all of them), read by campaign where it can be. */
    default Map<Long, ReportingFacts> forCampaign(org.gongjian.campaign.CampaignView campaign, Collection<Long> taskIds,
                                                 LocalDate asOf) {
        return forTasks(taskIds, asOf);
    }

    /**
     * The first day after {@code asOf} on which the facts may count another period because a deadline has passed
     * (the same for every task of the campaign); null when none will. Earlier is always safe: the default, the next
     * day, makes every task due daily.
     */
    default @org.jspecify.annotations.Nullable LocalDate nextChange(org.gongjian.campaign.CampaignView campaign,
                                                                    LocalDate asOf) {
        return asOf.plusDays(1);
    }
}
