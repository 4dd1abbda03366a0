package org.gongjian.briefing.document;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.CampaignView;
import org.gongjian.report.ReportDesk;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.shared.DataScope;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.SupervisionFigures;
import org.springframework.stereotype.Component;

/** What happened in a month: reports due in it per lead unit (on time, late, not in) and notices issued, by level. */
@Component
class MonthActivity {

    private final ReportDesk desk;
    private final SupervisionFigures figures;
    private final Clock clock;

    MonthActivity(ReportDesk desk, SupervisionFigures figures, Clock clock) {
        this.desk = desk;
        this.figures = figures;
        this.clock = clock;
    }

    /**
     * Sums the reporting periods whose deadline fell in the month and has passed (a monthly campaign's November
     * briefing counts the October reports, due in November): a report not yet due is never called missing.
     */
    List<BriefingData.UnitPunctuality> reporting(CampaignView campaign, BriefingPeriod period, DataScope scope) {
        // by id: a county has several 新村, a city ten 金山镇, each with its own figures
        Map<Long, int[]> byUnit = new LinkedHashMap<>();
        Map<Long, String> names = new java.util.HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (ReportingPeriod p : ReportingPeriod.between(period.start().minusMonths(2), period.end(), campaign)) {
            if (p.deadline().isBefore(period.start()) || p.deadline().isAfter(period.end()) || !p.deadline().isBefore(today)) {
                continue;
            }
            for (ReportDesk.UnitReporting u : desk.byUnit(campaign.id(), p, scope)) {
                int[] sums = byUnit.computeIfAbsent(u.unitId(), k -> new int[4]);
                names.put(u.unitId(), u.unitName());
                sums[0] += u.expected();
                sums[1] += u.onTime();
                sums[2] += u.late();
                sums[3] += u.notIn();
            }
        }
        List<BriefingData.UnitPunctuality> rows = new ArrayList<>();
        byUnit.forEach((id, s) -> rows.add(new BriefingData.UnitPunctuality(id, names.get(id), s[0], s[1], s[2], s[3], null)));
        rows.sort((a, b) -> a.missing() != b.missing() ? b.missing() - a.missing()
                : a.late() != b.late() ? b.late() - a.late() : a.unitName().equals(b.unitName()) ? Long.compare(a.unitId(), b.unitId())
                : a.unitName().compareTo(b.unitName()));
        return rows;
    }

    /** Notices of the campaign created in the month (Beijing calendar), counted per level, every level listed. */
    List<BriefingData.LevelCount> notices(long campaignId, BriefingPeriod period, DataScope scope) {
        ZoneId zone = clock.getZone();
        Map<NoticeLevel, Long> counts = figures.noticesCreated(campaignId, scope,
                period.start().atStartOfDay(zone).toInstant(), period.end().plusDays(1).atStartOfDay(zone).toInstant());
        List<BriefingData.LevelCount> levels = new ArrayList<>();
        for (NoticeLevel level : NoticeLevel.values()) {
            levels.add(new BriefingData.LevelCount(level.name(), level.label(), counts.getOrDefault(level, 0L)));
        }
        return levels;
    }
}
