package org.gongjian.campaign;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 交流轮岗 for the task list: every open task (not DONE) whose lead leader (包保领导) is the outgoing person passes to
 * the successor. Each task records the change in its history (包保领导 before → after, with the time) and in the audit
 * trail, so who was accountable on which dates stays readable. Open leader instructions stay on their tasks and so
 * follow them. Runs inside the caller's transaction (MANDATORY): a rotation hands over all or nothing.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class LeadershipTransfer {

    private final TaskStore tasks;
    private final TaskQueries queries;
    private final LedTasks led;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadershipTransfer(TaskStore tasks, TaskQueries queries, LedTasks led, JdbcClient jdbc,
                       ApplicationEventPublisher events, Clock clock) {
        this.tasks = tasks;
        this.queries = queries;
        this.led = led;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The person's open led tasks (the handover list reads them before the transfer). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<LedTasks.LedTask> openTasks(long personId) {
        return led.ledBy(personId, DataScope.everything()).stream().filter(t -> !t.done()).toList();
    }

    /** Unanswered leader instructions on the person's open led tasks (they follow the tasks). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<InstructionView> openInstructions(long personId) {
        List<Long> ids = openTasks(personId).stream().map(LedTasks.LedTask::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT i.id, i.task_id, t.title, i.author_user_id, i.author_name, i.text, i.created_at,
                       i.acknowledged_at, i.acknowledged_by, i.answer, i.answered_at, i.answered_by
                FROM leader_instruction i JOIN task t ON t.id = i.task_id
                WHERE i.task_id IN (:ids) AND i.answered_at IS NULL ORDER BY i.created_at""")
                .param("ids", ids)
                .query((rs, n) -> new InstructionView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9),
                        rs.getString(10), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(),
                        rs.getString(12)))
                .list();
    }

    /**
     * Passes the open tasks from one lead leader to another.
     * @return the ids of the tasks handed over
     */
    public List<Long> transfer(long fromPersonId, long toPersonId, String reason) {
        List<Long> moved = openTasks(fromPersonId).stream().map(LedTasks.LedTask::id).toList();
        for (long id : moved) {
            TaskView before = queries.view(tasks.findUnscoped(id).orElseThrow());
            int changed = jdbc.sql("UPDATE task SET lead_leader_id = :to, updated_at = :at, version = version + 1"
                            + " WHERE id = :id AND lead_leader_id = :from")
                    .param("to", toPersonId).param("from", fromPersonId).param("id", id)
                    .param("at", java.sql.Timestamp.from(clock.instant())).update();
            if (changed != 1) {
                throw new org.gongjian.shared.Conflict("task.changed", "任务“" + before.title() + "”刚被他人修改，交接未完成");
            }
            TaskView after = queries.view(tasks.findUnscoped(id).orElseThrow());
            tasks.recordChange(id, clock.instant(), TaskService.actor(), "包保领导", before.leadLeaderName(),
                    after.leadLeaderName() + "（" + reason + "）");
            events.publishEvent(new AuditableChange("task.lead-leader.transfer", "task", String.valueOf(id),
                    Map.of("leadLeaderId", fromPersonId), Map.of("leadLeaderId", toPersonId, "reason", reason)));
        }
        return moved;
    }
}
