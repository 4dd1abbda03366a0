package org.gongjian.talent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry's and the desk's figures inside a scope, each one SQL statement: what the dashboard draws and what the
 * campaign indicators are fed. A request counts where the talent's or the delivering unit lies in the scope.
 */
@Repository
class TalentFigures {

    private static final String REQUESTS = """
            FROM talent_request r JOIN talent t ON t.id = r.talent_id
            JOIN org_unit_path du ON du.unit_id = r.unit_id JOIN org_unit_path tu ON tu.unit_id = t.unit_id
            WHERE (du.path LIKE :scope OR tu.path LIKE :scope)""";
    private static final String TALENTS = """
            FROM talent t JOIN org_unit_path u ON u.unit_id = t.unit_id WHERE u.path LIKE :scope""";

    private static final String INTRODUCED_BETWEEN =
            " AND t.source = 'INTRODUCED' AND t.introduced_on BETWEEN :from AND :to";

    private final JdbcClient jdbc;

    TalentFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** On time, late, and open past the deadline — what 按期办结率 is computed from. */
    record Punctuality(long onTime, long late, long openOverdue) {
        @Nullable BigDecimal rate() {
            long all = onTime + late + openOverdue;
            return all == 0 ? null : BigDecimal.valueOf(onTime * 100).divide(BigDecimal.valueOf(all), 1, RoundingMode.HALF_UP);
        }
    }

    record Satisfaction(long satisfied, long fairly, long dissatisfied) {
        @Nullable BigDecimal rate() {
            long all = satisfied + fairly + dissatisfied;
            return all == 0 ? null : BigDecimal.valueOf((satisfied + fairly) * 100)
                    .divide(BigDecimal.valueOf(all), 1, RoundingMode.HALF_UP);
        }
    }

    Map<String, Long> talentsBy(String column, DataScope scope) {
        String col = switch (column) {
            case "field" -> "t.field";
            case "tier" -> "t.tier";
            default -> throw new IllegalArgumentException(column);
        };
        Map<String, Long> result = new LinkedHashMap<>();
        jdbc.sql("SELECT " + col + " AS k, COUNT(*) AS n " + TALENTS + " GROUP BY " + col + " ORDER BY " + col)
                .param("scope", scope.likePattern()).query(rs -> {
                    result.put(rs.getString("k"), rs.getLong("n"));
                });
        return result;
    }

    /** Introductions (source 引进) per month of the year up to {@code asOf}, months 1..12 with zeros. */
    long[] introducedPerMonth(int year, LocalDate asOf, DataScope scope) {
        long[] months = new long[12];
        jdbc.sql("SELECT t.introduced_on " + TALENTS + INTRODUCED_BETWEEN)
                .param("scope", scope.likePattern()).param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", Date.valueOf(asOf)).query(rs -> {
                    months[rs.getDate(1).toLocalDate().getMonthValue() - 1]++;
                });
        return months;
    }

    long introducedInYear(int year, LocalDate asOf, DataScope scope) {
        return jdbc.sql("SELECT COUNT(*) " + TALENTS + INTRODUCED_BETWEEN)
                .param("scope", scope.likePattern()).param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", Date.valueOf(asOf)).query(Long.class).single();
    }

    Map<RequestStatus, Long> requestsByStatus(DataScope scope) {
        Map<RequestStatus, Long> result = new LinkedHashMap<>();
        jdbc.sql("SELECT r.status, COUNT(*) AS n " + REQUESTS + " GROUP BY r.status").param("scope", scope.likePattern())
                .query(rs -> {
                    result.put(RequestStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return result;
    }

    record UnitRequests(String unitName, long open, long overdue, long finished) {}

    List<UnitRequests> requestsByUnit(LocalDate today, DataScope scope) {
        return jdbc.sql("SELECT du.name, "
                        + "SUM(CASE WHEN r.status IN ('ACCEPTED','IN_PROGRESS','AWAITING_DOCUMENTS') THEN 1 ELSE 0 END) AS open_n, "
                        + "SUM(CASE WHEN r.status IN ('ACCEPTED','IN_PROGRESS','AWAITING_DOCUMENTS') AND r.due_on < :today THEN 1 ELSE 0 END) AS overdue_n, "
                        + "SUM(CASE WHEN r.completed_on IS NOT NULL THEN 1 ELSE 0 END) AS finished_n "
                        + REQUESTS + " GROUP BY du.name ORDER BY du.name")
                .param("scope", scope.likePattern()).param("today", Date.valueOf(today))
                .query((rs, n) -> new UnitRequests(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }

    Punctuality punctuality(LocalDate today, DataScope scope) {
        return jdbc.sql("SELECT "
                        + "SUM(CASE WHEN r.completed_on IS NOT NULL AND r.completed_on <= r.due_on THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN r.completed_on IS NOT NULL AND r.completed_on > r.due_on THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN r.completed_on IS NULL AND r.status IN ('ACCEPTED','IN_PROGRESS','AWAITING_DOCUMENTS') "
                        + "AND r.due_on < :today THEN 1 ELSE 0 END) " + REQUESTS)
                .param("scope", scope.likePattern()).param("today", Date.valueOf(today))
                .query((rs, n) -> new Punctuality(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    Satisfaction satisfaction(DataScope scope) {
        return jdbc.sql("SELECT SUM(CASE WHEN r.rating = 'SATISFIED' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN r.rating = 'FAIRLY_SATISFIED' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN r.rating = 'DISSATISFIED' THEN 1 ELSE 0 END) " + REQUESTS)
                .param("scope", scope.likePattern())
                .query((rs, n) -> new Satisfaction(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** Finished requests (opened, completed) for the average time to resolve in working days. */
    List<LocalDate[]> finishedSpans(DataScope scope) {
        return jdbc.sql("SELECT r.opened_on, r.completed_on " + REQUESTS + " AND r.completed_on IS NOT NULL")
                .param("scope", scope.likePattern())
                .query((rs, n) -> new LocalDate[] {rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()}).list();
    }
}
