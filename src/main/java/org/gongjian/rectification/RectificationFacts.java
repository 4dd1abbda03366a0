package org.gongjian.rectification;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What assessment scores of the ledger, per campaign and period, each one statement: measures overdue at the period's
 * end (a deduction each) and self-found problems signed off within the period (a bonus each). Rectification knows
 * nothing of assessment; assessment reads this.
 */
@Component
@Transactional(readOnly = true)
public class RectificationFacts {

    private final JdbcClient jdbc;
    private final Clock clock;

    RectificationFacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A measure past its deadline and not done at the period's end. */
    public record OverdueMeasure(long problemId, long measureId, long unitId, String problem, String measure,
                                 LocalDate deadline) {}

    /** A problem the unit found itself (自查) and got signed off within the period. */
    public record FixedProblem(long problemId, long unitId, String problem, LocalDate signedOffOn) {}

    public List<OverdueMeasure> overdueAt(long campaignId, LocalDate end) {
        return jdbc.sql("""
                SELECT p.id, m.id, p.unit_id, p.description, m.description, m.deadline
                FROM rectification_measure m JOIN rectification_problem p ON p.id = m.problem_id
                WHERE p.campaign_id = :c AND m.deadline < :end AND (m.done_on IS NULL OR m.done_on > :end)
                  AND p.found_on <= :end
                ORDER BY p.unit_id, m.deadline, m.id""")
                .param("c", campaignId).param("end", Date.valueOf(end))
                .query((rs, n) -> new OverdueMeasure(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getDate(6).toLocalDate())).list();
    }

    public List<FixedProblem> selfFoundSignedOff(long campaignId, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                SELECT id, unit_id, description, signed_off_at FROM rectification_problem
                WHERE campaign_id = :c AND source = 'SELF' AND status = 'SIGNED_OFF'
                  AND signed_off_at >= :from AND signed_off_at < :to
                ORDER BY unit_id, id""")
                .param("c", campaignId)
                .param("from", Timestamp.from(start.atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(end.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new FixedProblem(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant().atZone(clock.getZone()).toLocalDate())).list();
    }
}
