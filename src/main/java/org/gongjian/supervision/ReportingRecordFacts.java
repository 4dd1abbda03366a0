package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.gongjian.report.ReportingRecords;
import org.springframework.stereotype.Component;

/** The light rules' reporting facts, read from the report module: the last two periods past their deadline. */
@Component
class ReportingRecordFacts implements ReportFacts {

    private final ReportingRecords records;

    ReportingRecordFacts(ReportingRecords records) {
        this.records = records;
    }

    @Override
    public Map<Long, ReportingFacts> forTasks(Collection<Long> taskIds, LocalDate asOf) {
        Map<Long, ReportingFacts> facts = new HashMap<>();
        records.forTasks(taskIds, asOf, 2).forEach((taskId, reporting) -> facts.put(taskId, new ReportingFacts(
                reporting.lastPeriods().stream().map(p -> new ReportingFacts.PeriodFact(p.period(), p.deadline(),
                        ReportingFacts.Status.valueOf(p.kind().name()))).toList(),
                reporting.lastReportApproved())));
        return facts;
    }
}
