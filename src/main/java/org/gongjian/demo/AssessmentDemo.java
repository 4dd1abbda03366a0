package org.gongjian.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.gongjian.assessment.AppealService;
import org.gongjian.assessment.AppealView;
import org.gongjian.assessment.Grade;
import org.gongjian.assessment.RankingService;
import org.gongjian.assessment.RankingView;
import org.gongjian.assessment.SchemeService;
import org.gongjian.assessment.UnitGroup;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.org.OrgService;
import org.gongjian.report.PeriodReports;
import org.gongjian.report.ReportStatus;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Component;

/**
 * The demo county's assessment: the office rates some approved reports, the county head commends a township, four
 * months are scored and published for townships and departments, and in the newest month one appeal is upheld
 * (a corrected second version) and one rejected.
 */
@Component
class AssessmentDemo {

    static final int MONTHS = 4;

    private final RankingService rankings;
    private final AppealService appeals;
    private final SchemeService schemes;
    private final CampaignService campaigns;
    private final PeriodReports reports;
    private final OrgService org;
    private final RecordDemo records;

    AssessmentDemo(RankingService rankings, AppealService appeals, SchemeService schemes, CampaignService campaigns,
                   PeriodReports reports, OrgService org, RecordDemo records) {
        this.rankings = rankings;
        this.appeals = appeals;
        this.schemes = schemes;
        this.campaigns = campaigns;
        this.reports = reports;
        this.org = org;
        this.records = records;
    }

    /** @return the number of published rankings */
    int load(long campaignId, LocalDate today) {
        CampaignView campaign = campaigns.campaign(campaignId, DataScope.everything());
        DataScope county = org.scopeOf(campaign.ownerUnitId()).orElseThrow();
        CurrentUser office = new CurrentUser(0, "duchashi", null, campaign.ownerUnitId(), EnumSet.of(Role.SUPERVISOR));
        CurrentUser leader = new CurrentUser(0, "lingdao", null, campaign.ownerUnitId(), EnumSet.of(Role.LEADER));
        List<ReportingPeriod> periods = periods(campaign, today);
        int published = 0;
        for (ReportingPeriod period : periods) {
            rate(campaignId, period, office, county);
            for (UnitGroup group : UnitGroup.values()) {
                RankingView draft = rankings.compute(campaignId, period.label(), group, office, county);
                if (group == UnitGroup.TOWNSHIP && !draft.items().isEmpty() && period == periods.get(periods.size() - 1)) {
                    long best = draft.items().get(0).unitId();
                    schemes.commend(campaignId, best, period.label(), "防汛抢险中组织群众转移及时，受到县长表扬", leader, county);
                    draft = rankings.compute(campaignId, period.label(), group, office, county);
                }
                if (!draft.items().isEmpty()) {
                    rankings.publish(campaignId, period.label(), group, office, county);
                    published++;
                }
            }
        }
        if (!periods.isEmpty()) {
            appeal(campaignId, periods.get(periods.size() - 1), office, county);
        }
        records.load(campaignId, county, today);
        return published;
    }

    private static List<ReportingPeriod> periods(CampaignView campaign, LocalDate today) {
        ReportingPeriod last = ReportingPeriod.containing(today, campaign);
        while (!last.deadline().isBefore(today)) {
            last = last.previous();
        }
        List<ReportingPeriod> periods = new ArrayList<>();
        for (ReportingPeriod p = last; periods.size() < MONTHS && !p.end().isBefore(campaign.startDate()); p = p.previous()) {
            periods.add(0, p);
        }
        return periods;
    }

    /** Every fifth approved report gets a grade other than the default 良, deterministically. */
    private void rate(long campaignId, ReportingPeriod period, CurrentUser office, DataScope county) {
        Grade[] cycle = { Grade.EXCELLENT, Grade.FAIR, Grade.EXCELLENT, Grade.POOR };
        int n = 0;
        for (PeriodReports.PeriodReport r : reports.ofPeriod(campaignId, period.label())) {
            if (r.status() == ReportStatus.APPROVED && r.reportId() % 5 == 0) {
                schemes.rate(r.reportId(), cycle[n++ % cycle.length], office, county);
            }
        }
    }

    /** Two townships' heads appeal a deduction each; the office upholds the first and rejects the second. */
    private void appeal(long campaignId, ReportingPeriod period, CurrentUser office, DataScope county) {
        RankingView ranking = rankings.current(campaignId, period.label(), UnitGroup.TOWNSHIP, office, county);
        List<AppealView> filed = new ArrayList<>();
        for (RankingView.Entry e : ranking.items()) {
            RankingView.BreakdownItem item = e.breakdown().stream().filter(RankingView.BreakdownItem::deduction)
                    .findFirst().orElse(null);
            if (item == null) {
                continue;
            }
            CurrentUser head = new CurrentUser(0, "zhenzhang", null, e.unitId(), EnumSet.of(Role.UNIT_HEAD));
            String reason = filed.isEmpty() ? "该事项已于期内整改到位，附整改前后照片，请予核减" : "报送系统当日故障，已电话报告督查室";
            filed.add(appeals.file(item.id(), reason, List.of(), head, org.scopeOf(e.unitId()).orElseThrow()));
            if (filed.size() == 2) {
                break;
            }
        }
        if (!filed.isEmpty()) {
            appeals.decide(filed.get(0).id(), true, "经核实，整改已于期内完成，扣分撤销", office, county);
        }
        if (filed.size() > 1) {
            appeals.decide(filed.get(1).id(), false, "经核实系统当日运行正常，未收到报告，维持扣分", office, county);
        }
    }
}
