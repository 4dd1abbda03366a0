package org.gongjian.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 交付信心: the supervision office or the task's lead leader states, with a written reason and a review date, how
 * confident they are the task will be delivered. Shown beside the computed light, never replacing it; every
 * judgement is kept.
 */
@Service
@Transactional
public class ConfidenceService {

    private final TaskService tasks;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConfidenceService(TaskService tasks, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public ConfidenceView judge(long taskId, ConfidenceCommand command, CurrentUser user, DataScope scope) {
        TaskView task = tasks.task(taskId, scope);
        boolean leadLeader = user.personId() != null && user.personId().equals(task.leadLeaderId());
        if (!user.has(Role.SUPERVISOR) && !leadLeader) {
            throw new Forbidden("只有督查室或本任务的包保领导可以研判交付信心");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate reviewOn = Objects.requireNonNull(command.reviewOn());
        if (reviewOn.isBefore(today)) {
            throw InvalidInput.of("reviewOn", "复核日期不能早于今天（" + today + "）");
        }
        ConfidenceView before = current(taskId);
        jdbc.sql("""
                INSERT INTO confidence_judgement (task_id, rating, reason, review_on, judged_by_id, judged_by, judged_at)
                VALUES (:task, :rating, :reason, :review, :userId, :user, :at)""")
                .param("task", taskId).param("rating", Objects.requireNonNull(command.rating()).name())
                .param("reason", Objects.requireNonNull(command.reason()).trim())
                .param("review", java.sql.Date.valueOf(reviewOn)).param("userId", user.id())
                .param("user", user.getUsername()).param("at", Timestamp.from(clock.instant())).update();
        ConfidenceView after = Objects.requireNonNull(current(taskId));
        events.publishEvent(new AuditableChange("task.confidence", "task", String.valueOf(taskId), before, after));
        return after;
    }

    /** The judgements on a task in scope, newest first (the first is the current one). */
    @Transactional(readOnly = true)
    public List<ConfidenceView> judgements(long taskId, DataScope scope) {
        tasks.task(taskId, scope);
        return list(taskId, 100);
    }

    private ConfidenceView current(long taskId) {
        return list(taskId, 1).stream().findFirst().orElse(null);
    }

    private List<ConfidenceView> list(long taskId, int limit) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("SELECT * FROM confidence_judgement WHERE task_id = :task ORDER BY id DESC LIMIT :limit")
                .param("task", taskId).param("limit", limit)
                .query((rs, n) -> {
                    ConfidenceRating rating = ConfidenceRating.valueOf(rs.getString("rating"));
                    LocalDate review = rs.getDate("review_on").toLocalDate();
                    return new ConfidenceView(rs.getLong("id"), taskId, rating, rating.label(), rs.getString("reason"),
                            review, rs.getString("judged_by"), rs.getTimestamp("judged_at").toInstant(),
                            review.isBefore(today));
                }).list();
    }
}
