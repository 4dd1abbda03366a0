package org.gongjian.talent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The drive's dashboard (人才工作看板): one record for the page's charts and {@code GET /api/v1/talent-dashboard}. */
@Service
@Transactional(readOnly = true)
public class TalentDashboard {

    private final TalentFigures figures;
    private final HolidayCalendar holidays;
    private final Clock clock;

    TalentDashboard(TalentFigures figures, HolidayCalendar holidays, Clock clock) {
        this.figures = figures;
        this.holidays = holidays;
        this.clock = clock;
    }

    public record UnitRow(String unitName, long open, long overdue, long finished) {}

    public record View(LocalDate asOf, Map<String, Long> byField, Map<String, Long> byTier, long[] introducedPerMonth,
                       long introducedThisYear, Map<String, Long> requestsByStatus, List<UnitRow> requestsByUnit,
                       @Nullable BigDecimal averageWorkingDays, long finished, @Nullable BigDecimal onTimeRate,
                       long onTime, long late, long openOverdue, @Nullable BigDecimal satisfactionRate,
                       Map<String, Long> ratings) {}

    public View view(DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> statuses = new LinkedHashMap<>();
        Map<RequestStatus, Long> counted = figures.requestsByStatus(scope);
        for (RequestStatus s : RequestStatus.values()) {
            statuses.put(s.label(), counted.getOrDefault(s, 0L));
        }
        WorkingCalendar calendar = holidays.calendar();
        List<LocalDate[]> spans = figures.finishedSpans(scope);
        BigDecimal average = spans.isEmpty() ? null : BigDecimal.valueOf(spans.stream()
                        .mapToLong(s -> calendar.workingDaysBetween(s[0], s[1])).sum())
                .divide(BigDecimal.valueOf(spans.size()), 1, RoundingMode.HALF_UP);
        TalentFigures.Punctuality punctuality = figures.punctuality(today, scope);
        TalentFigures.Satisfaction satisfaction = figures.satisfaction(scope);
        Map<String, Long> ratings = new LinkedHashMap<>();
        ratings.put(Rating.SATISFIED.label(), satisfaction.satisfied());
        ratings.put(Rating.FAIRLY_SATISFIED.label(), satisfaction.fairly());
        ratings.put(Rating.DISSATISFIED.label(), satisfaction.dissatisfied());
        return new View(today, figures.talentsBy("field", scope), figures.talentsBy("tier", scope),
                figures.introducedPerMonth(today.getYear(), today, scope),
                figures.introducedInYear(today.getYear(), today, scope), statuses,
                figures.requestsByUnit(today, scope).stream()
                        .map(u -> new UnitRow(u.unitName(), u.open(), u.overdue(), u.finished())).toList(),
                average, spans.size(), punctuality.rate(), punctuality.onTime(), punctuality.late(),
                punctuality.openOverdue(), satisfaction.rate(), ratings);
    }
}
