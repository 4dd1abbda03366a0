package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.CampaignView;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.report.ReportingRecords;
import org.springframework.stereotype.Component;

/**
 * The light rules' reporting facts, read from the report module: the last two periods past their deadline. A whole
 * campaign is asked for in slices of {@value #SLICE} tasks: each of the report module's queries binds every id, and
 * PostgreSQL takes at most 65,535 parameters in one statement (a city campaign of 100,000 tasks failed on it).
 */
@Component
class ReportingRecordFacts implements ReportFacts {

    static final int SLICE = 10_000;

    private final ReportingRecords records;

    ReportingRecordFacts(ReportingRecords records) {
        this.records = records;
    }

    @Override
    public Map<Long, ReportingFacts> forTasks(Collection<Long> taskIds, LocalDate asOf) {
        Map<Long, ReportingFacts> facts = new HashMap<>();
        List<Long> ids = List.copyOf(taskIds);
        for (int from = 0; from < ids.size(); from += SLICE) {
            read(ids.subList(from, Math.min(ids.size(), from + SLICE)), asOf, facts);
        }
        return facts;
    }

    @Override
    public Map<Long, ReportingFacts> forReadTasks(Collection<org.gongjian.campaign.TaskView> tasks, LocalDate asOf) {
        Map<Long, ReportingFacts> facts = new HashMap<>();
        put(records.forKnownTasks(tasks.stream().map(t -> new ReportingRecords.KnownTask(t.id(), t.campaignId(),
                t.startDate(), t.dueDate(), t.subtaskCount() > 0)).toList(), asOf, 2), facts);
        return facts;
    }

    @Override
    public Map<Long, ReportingFacts> forCampaign(CampaignView campaign, Collection<Long> taskIds, LocalDate asOf) {
        Map<Long, ReportingFacts> facts = new HashMap<>();
        put(records.forCampaign(campaign.id(), asOf, 2), facts);
        return facts;
    }

    /**
     * A period counts from the day after its deadline: the next such day is after the earliest deadline on or after
     * {@code asOf} among the period containing it, the periods before (monthly deadlines fall in the next month) and
     * the one after (a weekly deadline may already be behind).
     */
    @Override
    public LocalDate nextChange(CampaignView campaign, LocalDate asOf) {
        ReportingPeriod containing = ReportingPeriod.containing(asOf, campaign);
        LocalDate earliest = containing.next().deadline();
        ReportingPeriod p = containing;
        for (int k = 0; k < 3; k++, p = p.previous()) {
            if (!p.deadline().isBefore(asOf) && p.deadline().isBefore(earliest)) {
                earliest = p.deadline();
            }
        }
        return earliest.plusDays(1);
    }

    private void read(List<Long> taskIds, LocalDate asOf, Map<Long, ReportingFacts> facts) {
        put(records.forTasks(taskIds, asOf, 2), facts);
    }

    private static void put(Map<Long, ReportingRecords.TaskReporting> read, Map<Long, ReportingFacts> facts) {
        read.forEach((taskId, reporting) -> facts.put(taskId, new ReportingFacts(
                reporting.lastPeriods().stream().map(p -> new ReportingFacts.PeriodFact(p.period(), p.deadline(),
                        ReportingFacts.Status.valueOf(p.kind().name()))).toList(),
                reporting.lastReportApproved())));
    }
}
