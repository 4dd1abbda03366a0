package org.gongjian.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporting desk: a liaison's to-do list (due, late, returned) and the office's view of who has and hasn't
 * reported for a period, per unit.
 */
@Service
@Transactional(readOnly = true)
public class ReportDesk {

    /** How many past periods a to-do list reaches back: older gaps are the office's business, not a daily chore. */
    private static final int LOOK_BACK = 2;

    public enum TodoKind {
        RETURNED("已退回，请修改后重新提交"), LATE("已逾期未报"), DUE("待报送"), DRAFT("草稿未提交");

        private final String label;

        TodoKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Todo(TaskView task, ReportingPeriod period, TodoKind kind, @Nullable Long reportId) {}

    /** One unit's reporting for a period: tasks due, reported on time, late, not yet in (missing once past the deadline). */
    public record UnitReporting(long unitId, String unitName, int expected, int onTime, int late, int notIn) {}

    private final CampaignService campaigns;
    private final TaskService tasks;
    private final ReportStore reports;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReportDesk(CampaignService campaigns, TaskService tasks, ReportStore reports, JdbcClient jdbc, Clock clock) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.reports = reports;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the user's unit still owes, most urgent first. */
    public List<Todo> todo(DataScope scope) {
        if (scope.unitId() == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        List<Todo> todo = new ArrayList<>();
        for (CampaignView campaign : campaigns.campaigns(scope)) {
            if (today.isBefore(campaign.startDate()) || today.isAfter(campaign.endDate().plusMonths(1))) {
                continue;
            }
            List<TaskView> led = tasks.tasksLedBy(campaign.id(), scope.unitId(), scope);
            if (led.isEmpty()) {
                continue;
            }
            ReportingPeriod current = ReportingPeriod.containing(today, campaign);
            List<ReportingPeriod> periods = new ArrayList<>();
            ReportingPeriod p = current;
            for (int i = 0; i <= LOOK_BACK && !p.end().isBefore(campaign.startDate()); i++) {
                periods.add(p);
                p = p.previous();
            }
            Map<String, ReportStore.ReportRow> reported = new HashMap<>();
            reports.currentFor(led.stream().map(TaskView::id).toList(), periods.stream().map(ReportingPeriod::label).toList())
                    .forEach(r -> reported.put(r.taskId() + "|" + r.period(), r));
            for (TaskView task : led) {
                if (task.subtaskCount() > 0) {
                    continue; // a decomposed task is reported through its subtasks
                }
                for (ReportingPeriod period : periods) {
                    if (period.end().isBefore(task.startDate()) || period.start().isAfter(task.dueDate())) {
                        continue;
                    }
                    ReportStore.ReportRow r = reported.get(task.id() + "|" + period.label());
                    TodoKind kind = kindOf(r, period, today);
                    if (kind != null) {
                        todo.add(new Todo(task, period, kind, r == null ? null : r.id()));
                    }
                }
            }
        }
        todo.sort(Comparator.comparing(Todo::kind).thenComparing(t -> t.period().deadline()));
        return todo;
    }

    private static @Nullable TodoKind kindOf(ReportStore.@Nullable ReportRow r, ReportingPeriod period, LocalDate today) {
        if (r != null && r.status() == ReportStatus.RETURNED) {
            return TodoKind.RETURNED;
        }
        if (r != null && r.status() != ReportStatus.DRAFT) {
            return null;
        }
        if (period.deadline().isBefore(today)) {
            return TodoKind.LATE;
        }
        // The current period only shows up in its last week; before that nothing is due yet.
        if (period.deadline().minusDays(7).isAfter(today)) {
            return r == null ? null : TodoKind.DRAFT;
        }
        return r == null ? TodoKind.DUE : TodoKind.DRAFT;
    }

    /** Per lead unit within the scope: how a campaign's tasks were reported for one period (first revisions). */
    public List<UnitReporting> byUnit(long campaignId, ReportingPeriod period, DataScope scope) {
        campaigns.campaign(campaignId, scope);
        return jdbc.sql("""
                SELECT t.lead_unit_id, u.name, COUNT(*) AS expected,
                       SUM(CASE WHEN r.first_submitted_at IS NOT NULL AND NOT r.late THEN 1 ELSE 0 END) AS on_time,
                       SUM(CASE WHEN r.first_submitted_at IS NOT NULL AND r.late THEN 1 ELSE 0 END) AS late_count,
                       SUM(CASE WHEN r.first_submitted_at IS NULL THEN 1 ELSE 0 END) AS not_in
                FROM campaign_task_ref t
                JOIN org_unit_path u ON u.unit_id = t.lead_unit_id
                LEFT JOIN progress_report r ON r.task_id = t.task_id AND r.period = :period AND r.revision = 1
                WHERE t.campaign_id = :campaign AND t.start_date <= :end AND t.due_date >= :start
                  AND NOT EXISTS (SELECT 1 FROM campaign_task_ref c WHERE c.parent_task_id = t.task_id)
                  AND u.path LIKE :scope
                GROUP BY t.lead_unit_id, u.name
                ORDER BY not_in DESC, late_count DESC, u.name""")
                .param("period", period.label()).param("campaign", campaignId)
                .param("start", java.sql.Date.valueOf(period.start())).param("end", java.sql.Date.valueOf(period.end()))
                .param("scope", scope.likePattern())
                .query((rs, n) -> new UnitReporting(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6))).list();
    }
}
