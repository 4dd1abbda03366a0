package org.gongjian.assessment;

import java.time.LocalDate;
import java.util.List;

import org.gongjian.assessment.record.RecordService;
import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Service;

/** The public write for other modules (the demo): a mark on a cadre's performance record, validated and audited. */
@Service
public class CadreMarks {

    private final RecordService records;

    CadreMarks(RecordService records) {
        this.records = records;
    }

    /** @return the new mark's id */
    public long mark(long personId, MarkKind kind, String description, LocalDate date, List<Long> evidenceIds,
                     String actor, DataScope scope) {
        return records.mark(personId, new RecordService.MarkCommand(kind, description, date, evidenceIds), actor, scope);
    }
}
