package org.gongjian.briefing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.gongjian.assessment.Rankings;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskFigures;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitView;
import org.gongjian.pledge.PledgeFigures;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.shared.DataScope;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.SupervisionFigures;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 领导驾驶舱: a campaign's figures seen from a unit in the caller's scope. Every figure comes from maintained counts
 * or the cockpit's per-period table, so a dashboard costs a fixed number of statements (see CockpitTests), each
 * reading O(units) rows: light counts, the ten longest-red tasks, notices per level, pledges, period figures.
 */
@Service
@Transactional(readOnly = true)
public class Cockpit {

    static final int RED_LIST = 10;

    private final CampaignService campaigns;
    private final OrgService org;
    private final Reads reads;
    private final Clock clock;

    /** The read-only figures the cockpit combines (other modules' query classes and its own store). */
    @Service
    static class Reads {
        final SupervisionFigures supervision;
        final PledgeFigures pledges;
        final CockpitStore store;
        final CockpitRefresh refresh;
        final TaskFigures tasks;
        final Rankings rankings;

        Reads(SupervisionFigures supervision, PledgeFigures pledges, CockpitStore store, CockpitRefresh refresh,
              TaskFigures tasks, Rankings rankings) {
            this.tasks = tasks;
            this.rankings = rankings;
            this.supervision = supervision;
            this.pledges = pledges;
            this.store = store;
            this.refresh = refresh;
        }
    }

    Cockpit(CampaignService campaigns, OrgService org, Reads reads, Clock clock) {
        this.campaigns = campaigns;
        this.org = org;
        this.reads = reads;
        this.clock = clock;
    }

    /**
     * The dashboard's breakdown by unit alone, as the briefing prints it: the unit's own tasks (self) and each unit
     * directly under it with every task of its subtree, by light, from the maintained roll-up (no other figure of the
     * dashboard is read). The caller has checked the campaign and the unit.
     */
    @Transactional(readOnly = true)
    public List<Dashboard.UnitRow> lightsByBranch(long campaignId, long unitId) {
        UnitView unit = org.unit(unitId, DataScope.everything());
        UnitRollUp rollUp = new UnitRollUp(unit.id(), unit.path(), reads.store.children(unit.id()));
        return new DashboardFigures(rollUp, unit.name(),
                reads.supervision.lightCells(campaignId, DataScope.of(unit.id(), unit.path())), List.of(), "", null)
                .byUnit();
    }

    /**
     * The dashboard of a campaign in scope, focused on {@code unitId} (inside the scope) or else on the scope's unit
     * (the campaign's owner unit for a system-wide scope). Out-of-scope campaign or unit: NotFound (404).
     */
    @Transactional
    public Dashboard dashboard(long campaignId, @Nullable Long unitId, DataScope scope) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        UnitView focus = unitId != null ? org.unit(unitId, scope)
                : org.unit(scope.unitId() != null ? scope.unitId() : campaign.ownerUnitId(), DataScope.everything());
        DataScope focusScope = DataScope.of(focus.id(), focus.path());
        LocalDate today = LocalDate.now(clock);
        UnitRollUp rollUp = new UnitRollUp(focus.id(), focus.path(), reads.store.children(focus.id()));
        ReportingPeriod current = ReportingPeriod.containing(clamp(today, campaign), campaign);
        // The last period whose deadline has passed: in the days before last period's deadline that is the one
        // before it (as on the reporting overview), not none, which showed 按时报送率 0.0 % from the 1st to the 5th.
        ReportingPeriod due = current;
        while (!due.deadline().isBefore(today) && !due.end().isBefore(campaign.startDate())) {
            due = due.previous();
        }
        DashboardFigures figures = new DashboardFigures(rollUp, focus.name(),
                reads.supervision.lightCells(campaignId, focusScope), figures(campaignId, focus.id(), focus.path()),
                current.label(), due.deadline().isBefore(today) && !due.end().isBefore(campaign.startDate())
                        ? due.label() : null);
        // one level up only while it stays inside the caller's scope
        Long parentId = focus.parentId();
        Dashboard.Unit parent = parentId != null && (scope.isEverything() || focus.path().length() > scope.path().length())
                ? new Dashboard.Unit(parentId, "") : null;
        var pledges = reads.pledges.signing(campaignId, focusScope);
        List<Dashboard.NoticeRow> notices = notices(campaignId, focusScope, today);
        return new Dashboard(campaign.id(), campaign.name(), new Dashboard.Unit(focus.id(), focus.name()), parent, today,
                current.label(), current.displayName(), figures.duePeriod(),
                figures.duePeriod() == null ? null : ReportingPeriod.displayName(figures.duePeriod()),
                figures.lights(), figures.byCategory(), figures.byUnit(), figures.heatmap(), figures.trend(),
                // from the campaign's own unit every task is in view: the red list needs no scope filter
                redTasks(campaignId, focus.id() == campaign.ownerUnitId() ? DataScope.everything() : focusScope, today),
                notices,
                new Dashboard.Pledges(pledges.signed(), pledges.unsigned(), pledges.total()),
                figures.kpis(notices, pledges.signed(), pledges.total()), ranking(campaignId, focus.id()));
    }

    /** The focus unit's place in the latest published ranking of its peer group; none for a county. */
    private Dashboard.@Nullable Ranking ranking(long campaignId, long unitId) {
        return reads.rankings.latestPlace(campaignId, unitId)
                .map(p -> new Dashboard.Ranking(p.rank(), p.of(), p.group().label() + " · " + p.periodName(), p.score()))
                .orElse(null);
    }

    /** The longest-red tasks with their reasons as of the last evaluation (the light period keeps those it opened with). */
    /** The stored period figures; on a campaign's very first dashboard they are computed first (once). */
    private List<CockpitStore.Figure> figures(long campaignId, long focusId, String focusPath) {
        List<CockpitStore.Figure> rows = reads.store.figures(campaignId, focusId, focusPath);
        if (rows.isEmpty() && reads.refresh.ensureRefreshed(campaignId)) {
            rows = reads.store.figures(campaignId, focusId, focusPath);
        }
        return rows;
    }

    private List<Dashboard.RedTask> redTasks(long campaignId, DataScope scope, LocalDate today) {
        var red = reads.supervision.longestRed(campaignId, scope, RED_LIST);
        var reasons = reads.tasks.lightReasons(red.stream().map(SupervisionFigures.RedTask::taskId).toList());
        return red.stream().map(r -> new Dashboard.RedTask(r.taskId(), r.title(), r.unitName(), r.since(),
                ChronoUnit.DAYS.between(r.since(), today), reasons.getOrDefault(r.taskId(), r.reasons()))).toList();
    }

    /** Every level, in escalation order, with zeros where nothing is open. */
    private List<Dashboard.NoticeRow> notices(long campaignId, DataScope scope, LocalDate today) {
        var counts = reads.supervision.noticesByLevel(campaignId, scope, today);
        return java.util.Arrays.stream(NoticeLevel.values()).map(level -> counts.stream()
                .filter(c -> c.level() == level).findFirst()
                .map(c -> new Dashboard.NoticeRow(level.name(), level.label(), c.open(), c.overdue()))
                .orElse(new Dashboard.NoticeRow(level.name(), level.label(), 0, 0))).toList();
    }

    private static LocalDate clamp(LocalDate today, CampaignView campaign) {
        if (today.isBefore(campaign.startDate())) {
            return campaign.startDate();
        }
        return today.isAfter(campaign.endDate()) ? campaign.endDate() : today;
    }
}
