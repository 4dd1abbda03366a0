package org.gongjian.briefing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskFigures;
import org.gongjian.org.UnitMoved;
import org.gongjian.report.ReportApproved;
import org.gongjian.report.ReportDesk;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.NotFound;
import org.gongjian.supervision.SupervisionFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the cockpit's per-period figures (cockpit_period_figure): recomputed per campaign off the request path —
 * after approvals (marked dirty in the approving transaction, refreshed by a job a minute later), every morning after
 * the lights are evaluated, and on a campaign's first dashboard. Each refresh costs a few grouped statements per
 * period (the last {@link #PERIODS} periods), never one per task.
 */
@Service
@Transactional
public class CockpitRefresh {

    static final int PERIODS = 12;
    private static final Logger log = LoggerFactory.getLogger(CockpitRefresh.class);

    private final CampaignService campaigns;
    private final Sources sources;
    private final CockpitStore store;
    private final Clock clock;
    private final TransactionTemplate perCampaign;

    /** The other modules' read-only figures a refresh reads. */
    @Service
    static class Sources {
        final SupervisionFigures lights;
        final ReportDesk reporting;
        final TaskFigures progress;

        Sources(SupervisionFigures lights, ReportDesk reporting, TaskFigures progress) {
            this.lights = lights;
            this.reporting = reporting;
            this.progress = progress;
        }
    }

    CockpitRefresh(CampaignService campaigns, Sources sources, CockpitStore store, Clock clock,
                   PlatformTransactionManager transactions) {
        this.campaigns = campaigns;
        this.sources = sources;
        this.store = store;
        this.clock = clock;
        this.perCampaign = new TransactionTemplate(transactions);
    }

    /** Recomputes a campaign's figures for the periods up to the one containing today. */
    public void refresh(long campaignId) {
        store.lockForRefresh(campaignId);
        recompute(campaignId);
    }

    /** The refresh itself; the caller holds the campaign's refresh lock. */
    private void recompute(long campaignId) {
        store.takeMarks(campaignId);   // before the reads: what they see covers every mark taken
        CampaignView campaign = campaigns.campaign(campaignId, DataScope.everything());
        LocalDate today = LocalDate.now(clock);
        Map<String, CockpitStore.Figure> kept = store.stored(campaignId);
        List<CockpitStore.Figure> rows = new ArrayList<>();
        for (ReportingPeriod period : periods(campaign, today)) {
            boolean current = !today.isAfter(period.end());
            Map<Long, int[]> lights = new HashMap<>();
            var cells = sources.lights.lightCellsOn(campaignId, current ? today : period.end());
            cells.forEach(c -> lights.computeIfAbsent(c.unitId(), k -> new int[4])[c.light().ordinal()] += (int) c.tasks());
            Map<Long, ReportDesk.UnitReporting> reporting = new HashMap<>();
            sources.reporting.byUnit(campaignId, period, DataScope.everything()).forEach(r -> reporting.put(r.unitId(), r));
            Map<Long, BigDecimal[]> progress = new HashMap<>();
            if (current) {
                sources.progress.byLeadUnit(campaignId).forEach(p -> progress.put(p.unitId(),
                        new BigDecimal[] {BigDecimal.valueOf(p.tasks()), p.progressSum()}));
            }
            java.util.Set<Long> units = new java.util.LinkedHashSet<>(lights.keySet());
            units.addAll(reporting.keySet());
            units.addAll(progress.keySet());
            for (long unit : units) {
                rows.add(row(unit, period.label(), lights.getOrDefault(unit, new int[4]), reporting.get(unit),
                        progress.get(unit), kept.get(period.label() + "|" + unit)));
            }
        }
        store.replace(campaignId, rows, clock.instant());
    }

    private static CockpitStore.Figure row(long unit, String period, int[] l, ReportDesk.@org.jspecify.annotations.Nullable UnitReporting r,
                                           BigDecimal @org.jspecify.annotations.Nullable [] progress,
                                           CockpitStore.@org.jspecify.annotations.Nullable Figure kept) {
        Integer taskCount = progress != null ? Integer.valueOf(progress[0].intValue()) : kept != null ? kept.tasks() : null;
        BigDecimal sum = progress != null ? progress[1] : kept != null ? kept.progressSum() : null;
        // Light ordinals: GREEN, YELLOW, RED, DONE
        return new CockpitStore.Figure(unit, "", period, l[0], l[1], l[2], l[3], taskCount, sum,
                r == null ? 0 : r.expected(), r == null ? 0 : r.onTime(), r == null ? 0 : r.late(), r == null ? 0 : r.notIn());
    }

    /** The last {@link #PERIODS} periods of the campaign up to today, oldest first. */
    static List<ReportingPeriod> periods(CampaignView campaign, LocalDate today) {
        LocalDate until = today.isAfter(campaign.endDate()) ? campaign.endDate() : today;
        if (until.isBefore(campaign.startDate())) {
            return List.of();
        }
        List<ReportingPeriod> all = ReportingPeriod.between(campaign.startDate(), until, campaign);
        return all.subList(Math.max(0, all.size() - PERIODS), all.size());
    }

    /** First open of a campaign's cockpit: compute at once rather than show an empty trend until the job runs. */
    boolean ensureRefreshed(long campaignId) {
        if (store.everRefreshed(campaignId) || store.lockForRefresh(campaignId)) {
            return false;   // done before, or by a dashboard opened at the same moment while this one waited
        }
        recompute(campaignId);
        return true;
    }

    /** An approval changes reporting and progress figures: mark the campaign, the job refreshes it shortly. */
    @EventListener
    void on(ReportApproved approved) {
        markDirtyAtCommit(approved.report().campaignId());
    }

    /**
     * A unit moved: the subtree rows of every campaign were summed along the old paths. Marked stale in the moving
     * transaction; the job refreshes them within a minute (until then a dashboard shows the figures as they were).
     */
    @EventListener
    void on(UnitMoved moved) {
        // Just before the move commits, not now: every campaign's cockpit_refresh row is then held only for the
        // commit, not through the move's roll-up rebuild (supervision), which locks light_count against writers
        // (approvals marked those rows too before issue #18's stale marks, and the two deadlocked).
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store.markAllDirty();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                store.markAllDirty();
            }
        });
    }

    /**
     * Marks the campaign's figures stale in the current transaction, once per campaign however many approvals it
     * holds (a bulk approval), just before it commits; at once when there is no transaction. The mark is an appended
     * row ({@link CockpitStore#markDirty}), so concurrent approvals of a campaign no longer wait for each other's
     * commit on its one cockpit_refresh row (issue #18); it commits or rolls back with the approval, and a refresh
     * running meanwhile leaves it for the next one.
     */
    void markDirtyAtCommit(long campaignId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store.markDirty(campaignId);
            return;
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof DirtyMarks marks) {
                marks.campaigns.add(campaignId);
                return;
            }
        }
        DirtyMarks marks = new DirtyMarks();
        marks.campaigns.add(campaignId);
        TransactionSynchronizationManager.registerSynchronization(marks);
    }

    /** The campaigns a transaction has marked, written just before it commits. */
    private final class DirtyMarks implements TransactionSynchronization {

        private final java.util.Set<Long> campaigns = new java.util.TreeSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            campaigns.forEach(store::markDirty);
        }
    }

    @Scheduled(fixedDelayString = "${gongjian.briefing.refresh-delay:PT1M}", initialDelayString = "PT30S")
    @SchedulerLock(name = "cockpit-refresh-dirty", lockAtMostFor = "PT10M")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void refreshDirty() {
        store.dirty().forEach(this::refreshAlone);
    }

    /** After the supervision daily job (06:30) has re-lit every task. */
    @Scheduled(cron = "0 50 6 * * *", zone = "${gongjian.clock.zone:Asia/Shanghai}")
    @SchedulerLock(name = "cockpit-refresh-daily", lockAtMostFor = "PT30M")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void refreshAll() {
        long started = System.nanoTime();
        List<CampaignView> all = campaigns.campaigns(DataScope.everything());
        all.forEach(c -> refreshAlone(c.id()));
        log.info("Cockpit figures refreshed for {} campaigns in {} ms", all.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * One campaign's refresh in a transaction of its own, for the jobs: one that fails is logged and the others still
     * take their marks (in one transaction, a failing campaign rolled back every campaign's refresh, minute after
     * minute, while the marks piled up). A campaign gone since it was marked has its marks dropped.
     */
    private void refreshAlone(long campaignId) {
        try {
            perCampaign.executeWithoutResult(status -> refresh(campaignId));
        } catch (NotFound gone) {
            perCampaign.executeWithoutResult(status -> store.takeMarks(campaignId));
            log.info("Cockpit marks of campaign {} dropped: the campaign is gone", campaignId);
        } catch (RuntimeException e) {
            log.error("Cockpit figures of campaign {} not refreshed; its marks stay for the next run", campaignId, e);
        }
    }
}
