package org.gongjian.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting discipline as other modules read it (supervision's lights): for each task, how its last periods whose
 * deadline has passed were reported — on time, late or not at all — and whether its latest report is approved.
 */
@Service
@Transactional(readOnly = true)
public class ReportingRecords {

    public enum Kind { ON_TIME, LATE, MISSING }

    public record PeriodStatus(String period, String periodName, LocalDate deadline, Kind kind) {}

    /** Newest period first. */
    public record TaskReporting(List<PeriodStatus> lastPeriods, boolean lastReportApproved) {}

    private final JdbcClient jdbc;
    private final CampaignService campaigns;

    ReportingRecords(JdbcClient jdbc, CampaignService campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    private record TaskDates(long taskId, long campaignId, LocalDate start, LocalDate due) {}

    /** What the facts need of a task that the caller has read already: its dates and whether it has subtasks. */
    public record KnownTask(long taskId, long campaignId, LocalDate start, LocalDate due, boolean decomposed) {}

    private record Reported(java.sql.@Nullable Timestamp firstSubmitted, boolean late, String status) {}

    /** Each query binds every id, and PostgreSQL takes at most 65,535 parameters per statement. */
    static final int SLICE = 10_000;

    /**
     * The last {@code count} periods whose deadline lies before {@code asOf}, per task (periods before its start don't
     * count); any number of tasks, read in slices of {@value #SLICE} (the daily reminders of a city campaign of
     * 105,000 tasks failed on the parameter limit).
     */
    public Map<Long, TaskReporting> forTasks(Collection<Long> taskIds, LocalDate asOf, int count) {
        if (taskIds.size() <= SLICE) {
            return forSlice(taskIds, asOf, count);
        }
        List<Long> ids = List.copyOf(taskIds);
        Map<Long, TaskReporting> all = new HashMap<>();
        for (int from = 0; from < ids.size(); from += SLICE) {
            all.putAll(forSlice(ids.subList(from, Math.min(ids.size(), from + SLICE)), asOf, count));
        }
        return all;
    }

    /**
     * {@link #forTasks} for every task of a campaign, each query reading the campaign's rows once instead of binding
     * ten slices of 10,000 ids (a whole-campaign evaluation of 100,000 tasks waited 4.6 s on those, under load).
     */
    public Map<Long, TaskReporting> forCampaign(long campaignId, LocalDate asOf, int count) {
        return read(new Rows("campaign_id = :c", "r.campaign_id = :c", "campaign_id = :c AND parent_task_id IS NOT NULL",
                Map.of("c", campaignId)), asOf, count);
    }

    /**
     * {@link #forTasks} for tasks the caller has just read in this transaction (an approval's re-light): their dates
     * and subtasks are taken from it instead of being read again from the task view — two statements less.
     */
    public Map<Long, TaskReporting> forKnownTasks(Collection<KnownTask> known, LocalDate asOf, int count) {
        List<KnownTask> all = List.copyOf(known);
        Map<Long, TaskReporting> result = new HashMap<>();
        for (int from = 0; from < all.size(); from += SLICE) {
            List<KnownTask> slice = all.subList(from, Math.min(all.size(), from + SLICE));
            List<Long> ids = slice.stream().map(KnownTask::taskId).toList();
            result.putAll(reporting(new Rows("task_id IN (:ids)", "r.task_id IN (:ids)", "parent_task_id IN (:ids)",
                            Map.of("ids", ids)),
                    slice.stream().map(t -> new TaskDates(t.taskId(), t.campaignId(), t.start(), t.due())).toList(),
                    slice.stream().filter(KnownTask::decomposed).map(KnownTask::taskId)
                            .collect(java.util.stream.Collectors.toSet()), asOf, count));
        }
        return result;
    }

    /** Which rows a read takes: of the task view, of the reports (alias r), of the subtasks; with their parameters. */
    private record Rows(String tasks, String reports, String subtasks, Map<String, ?> params) {}

    private Map<Long, TaskReporting> forSlice(Collection<Long> taskIds, LocalDate asOf, int count) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return read(new Rows("task_id IN (:ids)", "r.task_id IN (:ids)", "parent_task_id IN (:ids)",
                Map.of("ids", taskIds)), asOf, count);
    }

    private Map<Long, TaskReporting> read(Rows rows, LocalDate asOf, int count) {
        List<TaskDates> tasks = jdbc.sql("SELECT task_id, campaign_id, start_date, due_date FROM campaign_task_ref WHERE "
                        + rows.tasks()).params(rows.params()).query((rs, n) -> new TaskDates(rs.getLong(1),
                        rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate())).list();
        java.util.Set<Long> decomposed = new java.util.HashSet<>(jdbc.sql(
                "SELECT DISTINCT parent_task_id FROM campaign_task_ref WHERE " + rows.subtasks())
                .params(rows.params()).query(Long.class).list());
        return reporting(rows, tasks, decomposed, asOf, count);
    }

    /** The reporting of {@code tasks} (the rows of {@code rows}), of which {@code decomposed} have subtasks. */
    private Map<Long, TaskReporting> reporting(Rows rows, List<TaskDates> tasks, java.util.Set<Long> decomposed,
                                               LocalDate asOf, int count) {
        Map<Long, CampaignView> campaignById = new HashMap<>();
        Map<Long, List<ReportingPeriod>> periodsOf = new HashMap<>();
        for (TaskDates t : tasks) {
            CampaignView campaign = campaignById.computeIfAbsent(t.campaignId(),
                    id -> campaigns.campaign(id, DataScope.everything()));
            List<ReportingPeriod> periods = new ArrayList<>();
            ReportingPeriod p = ReportingPeriod.containing(asOf, campaign);
            LocalDate start = t.start().isAfter(campaign.startDate()) ? t.start() : campaign.startDate();
            for (int guard = 0; periods.size() < count && guard < count + 3 && !p.end().isBefore(start); guard++) {
                if (p.deadline().isBefore(asOf) && !p.start().isAfter(t.due())) {
                    periods.add(p);
                }
                p = p.previous();
            }
            periodsOf.put(t.taskId(), periods);
        }
        Map<String, Reported> reported = new HashMap<>();
        List<String> labels = periodsOf.values().stream().flatMap(List::stream).map(ReportingPeriod::label).distinct().toList();
        if (!labels.isEmpty()) {
            jdbc.sql("""
                    SELECT r.task_id, r.period, r.first_submitted_at, r.late, r.status FROM progress_report r
                    WHERE\s""" + rows.reports() + " AND r.period IN (:periods) AND r.revision = 1")
                    .params(rows.params()).param("periods", labels)
                    .query(rs -> {
                        reported.put(rs.getLong(1) + "|" + rs.getString(2),
                                new Reported(rs.getTimestamp(3), rs.getBoolean(4), rs.getString(5)));
                    });
        }
        Map<Long, String> latestStatus = new HashMap<>();
        jdbc.sql("""
                SELECT r.task_id, r.status FROM progress_report r
                WHERE r.status <> 'DRAFT' AND NOT EXISTS (
                    SELECT 1 FROM progress_report n WHERE n.task_id = r.task_id AND n.status <> 'DRAFT'
                      AND (n.period > r.period OR (n.period = r.period AND n.revision > r.revision)))
                  AND\s""" + rows.reports())
                .params(rows.params()).query(rs -> {
                    latestStatus.put(rs.getLong(1), rs.getString(2));
                });
        Map<Long, TaskReporting> result = new HashMap<>();
        for (TaskDates t : tasks) {
            if (decomposed.contains(t.taskId())) {
                // A decomposed task is reported through its subtasks; its light rolls up from theirs.
                result.put(t.taskId(), new TaskReporting(List.of(), true));
                continue;
            }
            List<PeriodStatus> statuses = new ArrayList<>();
            for (ReportingPeriod p : periodsOf.get(t.taskId())) {
                Reported r = reported.get(t.taskId() + "|" + p.label());
                Kind kind;
                if (r == null || r.firstSubmitted() == null) {
                    kind = Kind.MISSING;
                } else {
                    kind = r.late() ? Kind.LATE : Kind.ON_TIME;
                }
                statuses.add(new PeriodStatus(p.label(), p.displayName(), p.deadline(), kind));
            }
            result.put(t.taskId(), new TaskReporting(statuses, "APPROVED".equals(latestStatus.get(t.taskId()))));
        }
        return result;
    }
}
