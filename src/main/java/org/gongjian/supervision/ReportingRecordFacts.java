package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private void read(List<Long> taskIds, LocalDate asOf, Map<Long, ReportingFacts> facts) {
        records.forTasks(taskIds, asOf, 2).forEach((taskId, reporting) -> facts.put(taskId, new ReportingFacts(
                reporting.lastPeriods().stream().map(p -> new ReportingFacts.PeriodFact(p.period(), p.deadline(),
                        ReportingFacts.Status.valueOf(p.kind().name()))).toList(),
                reporting.lastReportApproved())));
    }
}
