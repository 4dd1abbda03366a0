package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tasks a cadre leads as lead leader (牵头领导), for the cadre's performance record (实绩档案). */
@Service
@Transactional(readOnly = true)
public class LedTasks {

    private final JdbcClient jdbc;

    LedTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A led task with its outcome: light, progress, and whether it is done. */
    public record LedTask(long id, long campaignId, String title, long leadUnitId, String leadUnitName,
                          LocalDate startDate, LocalDate dueDate, @Nullable Light light, BigDecimal progress) {
        public boolean done() {
            return light == Light.DONE;
        }
    }

    /** Tasks whose lead leader is the person and whose lead unit lies in the scope, newest due date first. */
    public List<LedTask> ledBy(long personId, DataScope scope) {
        return jdbc.sql("""
                SELECT t.id, t.campaign_id, t.title, t.lead_unit_id, lu.name, t.start_date, t.due_date, t.light, t.progress
                FROM task t JOIN org_unit_path lu ON lu.unit_id = t.lead_unit_id
                WHERE t.lead_leader_id = :person AND lu.path LIKE :scope ORDER BY t.due_date DESC, t.id DESC""")
                .param("person", personId).param("scope", scope.likePattern())
                .query((rs, n) -> new LedTask(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(),
                        rs.getString(8) == null ? null : Light.valueOf(rs.getString(8)), rs.getBigDecimal(9)))
                .list();
    }
}
