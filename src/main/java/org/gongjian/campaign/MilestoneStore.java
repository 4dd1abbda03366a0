package org.gongjian.campaign;

import java.sql.Date;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for a task's milestones (节点). */
@Repository
class MilestoneStore {

    private final JdbcClient jdbc;

    MilestoneStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces a task's milestones with the command's, in its order. */
    void replace(long taskId, List<TaskCommand.MilestoneInput> milestones) {
        jdbc.sql("DELETE FROM milestone WHERE task_id = :id").param("id", taskId).update();
        insertAll(taskId, milestones);
    }

    /**
     * The milestones of a task inserted in this transaction (nothing to delete), in the command's order.
     * @return the new ids, in the command's order
     */
    List<Long> insertAll(long taskId, List<TaskCommand.MilestoneInput> milestones) {
        List<Long> ids = new java.util.ArrayList<>(milestones.size());
        int sort = 0;
        for (TaskCommand.MilestoneInput m : milestones) {
            org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("INSERT INTO milestone (task_id, title, due_date, done_date, sort_order) VALUES (:id, :title, :due, :done, :sort)")
                    .param("id", taskId).param("title", m.title().trim()).param("due", Date.valueOf(m.dueDate()))
                    .param("done", m.doneDate() == null ? null : Date.valueOf(m.doneDate()), Types.DATE)
                    .param("sort", sort++).update(keys, "id");
            ids.add(keys.getKeyAs(Number.class).longValue());
        }
        return ids;
    }

    List<TaskView.MilestoneView> ofTask(long taskId) {
        return jdbc.sql("SELECT * FROM milestone WHERE task_id = :id ORDER BY due_date, sort_order").param("id", taskId)
                .query((rs, n) -> {
                    Date done = rs.getDate("done_date");
                    return new TaskView.MilestoneView(rs.getLong("id"), rs.getString("title"),
                            rs.getDate("due_date").toLocalDate(), done == null ? null : done.toLocalDate());
                }).list();
    }

    void setDone(long milestoneId, java.time.LocalDate doneOn) {
        jdbc.sql("UPDATE milestone SET done_date = :done WHERE id = :id").param("done", Date.valueOf(doneOn))
                .param("id", milestoneId).update();
    }

    Map<Long, List<TaskView.MilestoneView>> ofCampaign(long campaignId) {
        return milestonesWhere("t.campaign_id = :campaign", Map.of("campaign", campaignId));
    }

    Map<Long, List<TaskView.MilestoneView>> ofTasks(Collection<Long> taskIds) {
        return taskIds.isEmpty() ? Map.of() : milestonesWhere("t.id IN (:ids)", Map.of("ids", taskIds));
    }

    private Map<Long, List<TaskView.MilestoneView>> milestonesWhere(String condition, Map<String, ?> params) {
        Map<Long, List<TaskView.MilestoneView>> byTask = new HashMap<>();
        jdbc.sql("""
                SELECT m.* FROM milestone m JOIN task t ON t.id = m.task_id
                WHERE \s""" + condition + " ORDER BY m.task_id, m.due_date, m.sort_order").params(params)
                .query(rs -> {
                    // LocalDates straight from the driver: getDate goes through a Calendar, and a campaign's evaluation
                    // reads two per milestone
                    byTask.computeIfAbsent(rs.getLong("task_id"), k -> new java.util.ArrayList<>())
                            .add(new TaskView.MilestoneView(rs.getLong("id"), rs.getString("title"),
                                    rs.getObject("due_date", java.time.LocalDate.class),
                                    rs.getObject("done_date", java.time.LocalDate.class)));
                });
        return byTask;
    }
}
