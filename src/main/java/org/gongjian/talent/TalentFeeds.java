package org.gongjian.talent;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.campaign.TaskProgress;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitView;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.gongjian.supervision.LightEvaluation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drive as a campaign: an indicator bound to a {@link FeedMetric} gets its actual from the registry and the desk
 * (counted inside the bound unit's subtree), through {@code TaskProgress.feedActual} (history and audit name the
 * source), and its task (once under supervision) is re-lit at once, so a late desk turns the task yellow or red by the normal light rules.
 */
@Service
@Transactional
public class TalentFeeds {

    private final JdbcClient jdbc;
    private final TalentFigures figures;
    private final TaskService tasks;
    private final TaskProgress progress;
    private final LightEvaluation lights;
    private final OrgService org;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TalentFeeds(JdbcClient jdbc, TalentFigures figures, TaskService tasks, TaskProgress progress, LightEvaluation lights,
                OrgService org, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.tasks = tasks;
        this.progress = progress;
        this.lights = lights;
        this.org = org;
        this.events = events;
        this.clock = clock;
    }

    public record Binding(long taskId, long indicatorId, FeedMetric metric, long scopeUnitId) {}

    public record Fed(long taskId, long indicatorId, FeedMetric metric, @Nullable BigDecimal value, String explanation) {}

    /** Binds a task's indicator to a metric counted inside {@code scopeUnitId}'s subtree (ADMIN, SUPERVISOR, TALENT_OFFICE). */
    public Binding bind(long taskId, long indicatorId, @Nullable FeedMetric metric, long scopeUnitId, CurrentUser user,
                        DataScope scope) {
        if (!(TalentService.mayWrite(user) || user.has(Role.SUPERVISOR))) {
            throw new Forbidden("只有督查室或人才办可以设置指标自动取数");
        }
        if (metric == null) {
            throw InvalidInput.of("metric", "请选择取数口径");
        }
        TaskView task = tasks.task(taskId, scope);
        if (task.indicators().stream().noneMatch(i -> i.id() == indicatorId)) {
            throw InvalidInput.of("indicatorId", "指标 " + indicatorId + " 不属于任务“" + task.title() + "”");
        }
        org.unit(scopeUnitId, scope);
        jdbc.sql("DELETE FROM talent_indicator_feed WHERE indicator_id = :id").param("id", indicatorId).update();
        jdbc.sql("INSERT INTO talent_indicator_feed (indicator_id, task_id, metric, scope_unit_id) VALUES (:i, :t, :m, :u)")
                .param("i", indicatorId).param("t", taskId).param("m", metric.name()).param("u", scopeUnitId).update();
        Binding binding = new Binding(taskId, indicatorId, metric, scopeUnitId);
        events.publishEvent(new AuditableChange("talent_feed.bind", "indicator", String.valueOf(indicatorId), null, binding));
        return binding;
    }

    @Transactional(readOnly = true)
    public List<Binding> bindings() {
        return jdbc.sql("SELECT * FROM talent_indicator_feed ORDER BY task_id, indicator_id")
                .query((rs, n) -> new Binding(rs.getLong("task_id"), rs.getLong("indicator_id"),
                        FeedMetric.valueOf(rs.getString("metric")), rs.getLong("scope_unit_id"))).list();
    }

    /** Feeds every bound indicator as of today (the daily job; on demand from the API). Unchanged values write nothing. */
    public List<Fed> run() {
        LocalDate today = LocalDate.now(clock);
        List<Fed> fed = new ArrayList<>();
        for (Binding b : bindings()) {
            UnitView unit = org.unit(b.scopeUnitId(), DataScope.everything());
            DataScope scope = DataScope.of(unit.id(), unit.path());
            Fed one = measure(b, scope, today);
            fed.add(one);
            if (one.value() != null) {
                List<Long> chain = progress.feedActual(b.taskId(), b.indicatorId(), one.value(),
                        "人才服务台·" + b.metric().label() + "（" + one.explanation() + "）");
                // a task already under supervision is re-lit now; a new one gets its first light from the daily run
                lights.evaluateChain(chain, today);
            }
            jdbc.sql("UPDATE talent_indicator_feed SET fed_at = :at WHERE indicator_id = :id")
                    .param("at", Timestamp.from(clock.instant())).param("id", b.indicatorId()).update();
        }
        return fed;
    }

    private Fed measure(Binding b, DataScope scope, LocalDate today) {
        switch (b.metric()) {
            case INTRODUCED -> {
                long n = figures.introducedInYear(today.getYear(), today, scope);
                return new Fed(b.taskId(), b.indicatorId(), b.metric(), BigDecimal.valueOf(n),
                        today.getYear() + "年引进 " + n + " 人");
            }
            case ON_TIME_RATE -> {
                TalentFigures.Punctuality p = figures.punctuality(today, scope);
                return new Fed(b.taskId(), b.indicatorId(), b.metric(), p.rate(), "按期办结 " + p.onTime() + "，逾期办结 "
                        + p.late() + "，逾期未办结 " + p.openOverdue());
            }
            default -> {
                TalentFigures.Satisfaction s = figures.satisfaction(scope);
                return new Fed(b.taskId(), b.indicatorId(), b.metric(), s.rate(), "满意 " + s.satisfied() + "，基本满意 "
                        + s.fairly() + "，不满意 " + s.dissatisfied());
            }
        }
    }
}
