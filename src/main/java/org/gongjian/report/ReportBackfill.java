package org.gongjian.report;

import java.time.Instant;
import java.util.List;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskProgress;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 历史数据补录: approved reports of past periods recorded with the times they were actually handed in and approved
 * (a county that adopts the platform mid-year, and the demo county). They are checked, sealed into the hash chain
 * and applied to the task exactly like reports approved here; lateness follows from the stated submission time.
 */
@Service
@Transactional
public class ReportBackfill {

    public record Historical(long taskId, String period, List<ReportView.IndicatorValue> values, String progressText,
                             String problems, String nextSteps, String submittedBy, Instant submittedAt,
                             String approvedBy, Instant approvedAt) {}

    private final ReportStore reports;
    private final ReportService service;
    private final ReportChecks checks;
    private final TaskProgress progress;
    private final TaskService tasks;
    private final CampaignService campaigns;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    ReportBackfill(ReportStore reports, ReportService service, ReportChecks checks, TaskProgress progress,
                   TaskService tasks, CampaignService campaigns, ApplicationEventPublisher events,
                   java.time.Clock clock) {
        this.clock = clock;
        this.reports = reports;
        this.service = service;
        this.checks = checks;
        this.progress = progress;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.events = events;
    }

    public long approved(Historical h) {
        TaskView task = tasks.taskForReporting(h.taskId(), DataScope.everything());
        CampaignView campaign = campaigns.campaign(task.campaignId(), DataScope.everything());
        ReportingPeriod period = ReportingPeriod.parse(h.period(), campaign);
        if (h.approvedAt().isBefore(h.submittedAt()) || h.submittedAt().isBefore(period.start().atStartOfDay(
                clock.getZone()).toInstant())) {
            throw InvalidInput.of("submittedAt", "补录的提交、审核时间须在报送周期开始之后且先提交后审核");
        }
        List<ReportView.IndicatorValue> values = checks.values(task, h.values());
        long id = reports.insert(new ReportStore.NewReport(task.id(), task.campaignId(), task.leadUnitId(), period.label(),
                1, null, period.deadline(), h.submittedBy(), null),
                new ReportStore.Texts(ReportChecks.text(h.progressText()), ReportChecks.text(h.problems()),
                        ReportChecks.text(h.nextSteps())), h.submittedAt());
        reports.replaceValues(id, values);
        boolean late = ReportPeriods.lateAt(period.deadline(), h.submittedAt(), clock.getZone());
        reports.recordHistorical(id, late, h.submittedAt(), h.submittedBy(), h.approvedAt(), h.approvedBy());
        reports.review(id, "提交", h.submittedBy(), null, h.submittedAt());
        reports.review(id, "通过", h.approvedBy(), null, h.approvedAt());
        ReportView approved = service.report(id, DataScope.everything());
        ReportStore.ChainTail tail = service.chainTail(approved.taskId(), approved.period());
        service.seal(approved, tail);
        List<Long> affected = progress.apply(service.reported(approved, tail));
        ReportStore.ReportRow row = reports.findUnscoped(id).orElseThrow();
        events.publishEvent(new ReportApproved(new ProgressReport(row).ref(), affected, true));
        events.publishEvent(new AuditableChange("report.backfill", "report", String.valueOf(id), null, approved));
        return id;
    }
}
