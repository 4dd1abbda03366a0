package org.gongjian.briefing.document;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.CampaignView;
import org.gongjian.report.ReportDesk;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeService;
import org.gongjian.supervision.NoticeView;
import org.springframework.stereotype.Component;

/** What happened in a month: reports due in it per lead unit (on time, late, not in) and notices issued, by level. */
@Component
class MonthActivity {

    private final ReportDesk desk;
    private final NoticeService notices;
    private final Clock clock;

    MonthActivity(ReportDesk desk, NoticeService notices, Clock clock) {
        this.desk = desk;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Sums the reporting periods whose deadline fell in the month and has passed (a monthly campaign's November
     * briefing counts the October reports, due in November): a report not yet due is never called missing.
     */
    List<BriefingData.UnitPunctuality> reporting(CampaignView campaign, BriefingPeriod period, DataScope scope) {
        Map<String, int[]> byUnit = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (ReportingPeriod p : ReportingPeriod.between(period.start().minusMonths(2), period.end(), campaign)) {
            if (p.deadline().isBefore(period.start()) || p.deadline().isAfter(period.end()) || !p.deadline().isBefore(today)) {
                continue;
            }
            for (ReportDesk.UnitReporting u : desk.byUnit(campaign.id(), p, scope)) {
                int[] sums = byUnit.computeIfAbsent(u.unitName(), k -> new int[4]);
                sums[0] += u.expected();
                sums[1] += u.onTime();
                sums[2] += u.late();
                sums[3] += u.notIn();
            }
        }
        List<BriefingData.UnitPunctuality> rows = new ArrayList<>();
        byUnit.forEach((name, s) -> rows.add(new BriefingData.UnitPunctuality(name, s[0], s[1], s[2], s[3])));
        rows.sort((a, b) -> a.missing() != b.missing() ? b.missing() - a.missing()
                : a.late() != b.late() ? b.late() - a.late() : a.unitName().compareTo(b.unitName()));
        return rows;
    }

    /** Notices of the campaign created in the month (Beijing calendar), counted per level, every level listed. */
    List<BriefingData.LevelCount> notices(long campaignId, BriefingPeriod period, DataScope scope) {
        ZoneId zone = clock.getZone();
        Map<NoticeLevel, Long> counts = new EnumMap<>(NoticeLevel.class);
        for (NoticeLevel level : NoticeLevel.values()) {
            counts.put(level, 0L);
        }
        int page = 0;
        PageResult<NoticeView> result;
        do {
            result = notices.notices(null, null, null, null, scope, new PageQuery(page++, PageQuery.MAX_SIZE));
            for (NoticeView n : result.items()) {
                var day = n.createdAt().atZone(zone).toLocalDate();
                if (n.campaignId() == campaignId && !day.isBefore(period.start()) && !day.isAfter(period.end())) {
                    counts.merge(n.level(), 1L, Long::sum);
                }
            }
        } while (!result.items().isEmpty() && (long) page * PageQuery.MAX_SIZE < result.total());
        return counts.entrySet().stream()
                .map(e -> new BriefingData.LevelCount(e.getKey().name(), e.getKey().label(), e.getValue())).toList();
    }
}
