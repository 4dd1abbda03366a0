package org.gongjian.campaign.instruction;

import org.gongjian.campaign.InstructionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.gongjian.campaign.InstructionIssued;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.org.OrgService;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 领导批示: a leader writes an instruction on a task; the lead unit acknowledges (签收) and answers (答复) it.
 * Open instructions show on the task and in the lead unit's to-do list until answered.
 */
@Service
@Transactional
public class InstructionService {

    private static final String SELECT = """
            SELECT i.*, t.title AS task_title FROM leader_instruction i JOIN task t ON t.id = i.task_id
            JOIN org_unit_path lu ON lu.unit_id = t.lead_unit_id
            """;

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final OrgService org;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InstructionService(JdbcClient jdbc, TaskService tasks, OrgService org, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.org = org;
        this.events = events;
        this.clock = clock;
    }

    public InstructionView instruct(long taskId, String text, CurrentUser leader, DataScope scope) {
        TaskView task = tasks.task(taskId, scope);
        String body = requireText(text, "批示内容");
        String author = leader.personId() == null ? leader.getUsername()
                : org.personUnscoped(leader.personId()).map(p -> p.name() + "（" + p.position() + "）").orElse(leader.getUsername());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO leader_instruction (task_id, author_user_id, author_name, text, created_at)
                VALUES (:task, :user, :author, :text, :now)""")
                .param("task", task.id()).param("user", leader.id()).param("author", author).param("text", body)
                .param("now", Timestamp.from(clock.instant())).update(keys, "id");
        InstructionView created = find(keys.getKeyAs(Number.class).longValue(), DataScope.everything());
        events.publishEvent(AuditableChange.created("instruction", created.id(), created));
        events.publishEvent(new InstructionIssued(created.id(), task.id(), task.title(), task.campaignId(),
                task.leadUnitId(), author, body));
        return created;
    }

    public InstructionView acknowledge(long id, CurrentUser user, DataScope scope) {
        InstructionView before = find(id, scope);
        if (before.acknowledgedAt() != null) {
            return before;
        }
        jdbc.sql("UPDATE leader_instruction SET acknowledged_at = :now, acknowledged_by = :by WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("by", user.getUsername()).param("id", id).update();
        InstructionView after = find(id, DataScope.everything());
        events.publishEvent(new AuditableChange("instruction.acknowledge", "instruction", String.valueOf(id), before, after));
        return after;
    }

    public InstructionView answer(long id, String text, CurrentUser user, DataScope scope) {
        InstructionView before = find(id, scope);
        if (before.answeredAt() != null) {
            throw new Conflict("answered", "该批示已答复，不能重复答复");
        }
        String body = requireText(text, "答复内容");
        jdbc.sql("""
                UPDATE leader_instruction SET answer = :answer, answered_at = :now, answered_by = :by,
                    acknowledged_at = COALESCE(acknowledged_at, :now), acknowledged_by = COALESCE(acknowledged_by, :by)
                WHERE id = :id""")
                .param("answer", body).param("now", Timestamp.from(clock.instant())).param("by", user.getUsername())
                .param("id", id).update();
        InstructionView after = find(id, DataScope.everything());
        events.publishEvent(new AuditableChange("instruction.answer", "instruction", String.valueOf(id), before, after));
        return after;
    }

    /** The task an instruction belongs to (for sending the user back to it). */
    @Transactional(readOnly = true)
    public long taskOf(long instructionId) {
        return jdbc.sql("SELECT task_id FROM leader_instruction WHERE id = :id").param("id", instructionId)
                .query(Long.class).optional().orElseThrow(() -> new NotFound("instruction", instructionId));
    }

    @Transactional(readOnly = true)
    public List<InstructionView> forTask(long taskId, DataScope scope) {
        tasks.task(taskId, scope);
        return jdbc.sql(SELECT + " WHERE i.task_id = :task ORDER BY i.id DESC").param("task", taskId)
                .query(InstructionService::map).list();
    }

    /** The to-do list: unanswered instructions on tasks led by units in scope. */
    @Transactional(readOnly = true)
    public List<InstructionView> open(DataScope scope) {
        return jdbc.sql(SELECT + " WHERE i.answered_at IS NULL AND lu.path LIKE :scope ORDER BY i.id LIMIT 200")
                .param("scope", scope.likePattern()).query(InstructionService::map).list();
    }

    /** Scoped on the task's lead unit: only the lead unit's side (or above) follows an instruction up. */
    private InstructionView find(long id, DataScope scope) {
        return jdbc.sql(SELECT + " WHERE i.id = :id AND lu.path LIKE :scope").param("id", id)
                .param("scope", scope.likePattern()).query(InstructionService::map).optional()
                .orElseThrow(() -> new NotFound("instruction", id));
    }

    private static String requireText(String text, String what) {
        String body = text == null ? "" : text.trim();
        if (body.isEmpty() || body.length() > 2000) {
            throw InvalidInput.of("text", body.isEmpty() ? "请填写" + what : what + "不超过2000字");
        }
        return body;
    }

    private static InstructionView map(ResultSet rs, int n) throws SQLException {
        Timestamp ack = rs.getTimestamp("acknowledged_at");
        Timestamp answered = rs.getTimestamp("answered_at");
        return new InstructionView(rs.getLong("id"), rs.getLong("task_id"), rs.getString("task_title"),
                rs.getLong("author_user_id"), rs.getString("author_name"), rs.getString("text"),
                rs.getTimestamp("created_at").toInstant(), ack == null ? null : ack.toInstant(),
                rs.getString("acknowledged_by"), rs.getString("answer"),
                answered == null ? null : answered.toInstant(), rs.getString("answered_by"));
    }
}
