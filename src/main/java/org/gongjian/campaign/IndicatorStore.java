package org.gongjian.campaign;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for a task's indicators (指标) and their trajectories (进度轨迹). */
@Repository
class IndicatorStore {

    private final JdbcClient jdbc;

    IndicatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps indicator ids (and their actual values) for indicators the command names by id; others are replaced. */
    void replace(long taskId, List<TaskCommand.IndicatorInput> indicators) {
        List<Long> kept = indicators.stream().map(TaskCommand.IndicatorInput::id).filter(java.util.Objects::nonNull).toList();
        List<Long> existing = jdbc.sql("SELECT id FROM indicator WHERE task_id = :id")
                .param("id", taskId).query(Long.class).list();
        for (Long old : existing) {
            if (!kept.contains(old)) {
                jdbc.sql("DELETE FROM indicator_point WHERE indicator_id = :id").param("id", old).update();
                jdbc.sql("DELETE FROM indicator WHERE id = :id").param("id", old).update();
            }
        }
        int sort = 0;
        for (TaskCommand.IndicatorInput in : indicators) {
            if (in.id() != null && existing.contains(in.id())) {
                jdbc.sql("""
                        UPDATE indicator SET name = :name, unit = :unit, baseline = :baseline, target = :target,
                            direction = :direction, sort_order = :sort WHERE id = :id""")
                        .param("name", in.name().trim()).param("unit", in.unit().trim()).param("baseline", in.baseline())
                        .param("target", in.target()).param("direction", in.direction().name()).param("sort", sort++)
                        .param("id", in.id()).update();
            } else {
                insert(taskId, in, sort++);
            }
        }
        replaceTrajectories(taskId, indicators);
    }

    /**
     * The indicators (and trajectories) of a task inserted in this transaction: nothing to delete, and each new id
     * known from its insert, so no read to find it before its points go in.
     * @return the new ids, in the command's order
     */
    List<Long> insertAll(long taskId, List<TaskCommand.IndicatorInput> indicators) {
        List<Long> ids = new java.util.ArrayList<>(indicators.size());
        int sort = 0;
        for (TaskCommand.IndicatorInput in : indicators) {
            long id = insert(taskId, in, sort++);
            ids.add(id);
            if (in.trajectory() != null) {
                insertPoints(id, in);
            }
        }
        return ids;
    }

    private long insert(long taskId, TaskCommand.IndicatorInput in, int sort) {
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO indicator (task_id, name, unit, baseline, target, actual, direction, sort_order)
                VALUES (:task, :name, :unit, :baseline, :target, NULL, :direction, :sort)""")
                .param("task", taskId).param("name", in.name().trim()).param("unit", in.unit().trim())
                .param("baseline", in.baseline()).param("target", in.target())
                .param("direction", in.direction().name()).param("sort", sort).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** An indicator's planned points, one per date (the last given for a date wins), in date order. */
    static java.util.Collection<TaskCommand.PointInput> points(TaskCommand.IndicatorInput in) {
        return in.trajectoryPoints().stream().collect(java.util.stream.Collectors.toMap(TaskCommand.PointInput::date,
                x -> x, (a, b) -> b, java.util.TreeMap::new)).values();
    }

    private void insertPoints(long indicatorId, TaskCommand.IndicatorInput in) {
        for (TaskCommand.PointInput p : points(in)) {
            jdbc.sql("INSERT INTO indicator_point (indicator_id, on_date, planned_value) VALUES (:id, :date, :value)")
                    .param("id", indicatorId).param("date", Date.valueOf(p.date())).param("value", p.value()).update();
        }
    }

    /**
     * Points are replaced whole for every indicator that brings a trajectory (matched by name within the task);
     * an indicator without one keeps its points, so a form that doesn't show them can't wipe them.
     */
    private void replaceTrajectories(long taskId, List<TaskCommand.IndicatorInput> indicators) {
        for (TaskCommand.IndicatorInput in : indicators) {
            if (in.trajectory() == null) {
                continue;
            }
            Long id = jdbc.sql("SELECT id FROM indicator WHERE task_id = :task AND name = :name ORDER BY id LIMIT 1")
                    .param("task", taskId).param("name", in.name().trim()).query(Long.class).optional().orElse(null);
            if (id == null) {
                continue;
            }
            jdbc.sql("DELETE FROM indicator_point WHERE indicator_id = :id").param("id", id).update();
            insertPoints(id, in);
        }
    }

    /** The trajectories of a task's indicators, in one statement however many indicators it has. */
    private Map<Long, List<TaskView.PointView>> trajectories(long taskId) {
        Map<Long, List<TaskView.PointView>> points = new HashMap<>();
        jdbc.sql("""
                SELECT p.indicator_id, p.on_date, p.planned_value FROM indicator_point p
                JOIN indicator i ON i.id = p.indicator_id WHERE i.task_id = :id ORDER BY p.indicator_id, p.on_date""")
                .param("id", taskId)
                .query(rs -> {
                    points.computeIfAbsent(rs.getLong("indicator_id"), k -> new java.util.ArrayList<>())
                            .add(new TaskView.PointView(rs.getDate("on_date").toLocalDate(), rs.getBigDecimal("planned_value")));
                });
        return points;
    }

    /** A task's indicators with their trajectories: two statements (one without indicators), not one per indicator. */
    List<TaskView.IndicatorView> ofTask(long taskId) {
        List<TaskView.IndicatorView> indicators = withoutTrajectories(taskId);
        if (indicators.isEmpty()) {
            return indicators;
        }
        Map<Long, List<TaskView.PointView>> points = trajectories(taskId);
        return indicators.stream().map(i -> new TaskView.IndicatorView(i.id(), i.name(), i.unit(), i.baseline(),
                i.target(), i.actual(), i.direction(), i.progress(), points.getOrDefault(i.id(), List.of()))).toList();
    }

    /** A task's indicators, their trajectories left empty: one statement. */
    List<TaskView.IndicatorView> withoutTrajectories(long taskId) {
        return jdbc.sql("SELECT * FROM indicator WHERE task_id = :id ORDER BY sort_order")
                .param("id", taskId)
                .query((rs, n) -> {
                    BigDecimal actual = rs.getBigDecimal("actual");
                    Direction direction = Direction.valueOf(rs.getString("direction"));
                    BigDecimal baseline = rs.getBigDecimal("baseline");
                    BigDecimal target = rs.getBigDecimal("target");
                    String name = rs.getString("name");
                    return new TaskView.IndicatorView(rs.getLong("id"), name, rs.getString("unit"), baseline, target,
                            actual, direction, Progress.ofIndicator(new Progress.IndicatorInput(name, baseline, target,
                            actual, direction)), List.of());
                }).list();
    }

    /** A task's indicators without their trajectories: what progress needs (one query, not one per indicator). */
    List<Progress.IndicatorInput> indicatorInputs(long taskId) {
        return jdbc.sql("SELECT name, baseline, target, actual, direction FROM indicator WHERE task_id = :id ORDER BY sort_order")
                .param("id", taskId)
                .query((rs, n) -> new Progress.IndicatorInput(rs.getString("name"), rs.getBigDecimal("baseline"),
                        rs.getBigDecimal("target"), rs.getBigDecimal("actual"), Direction.valueOf(rs.getString("direction"))))
                .list();
    }

    /** An indicator's stored figures as the progress rule and the roll-up read them. */
    record IndicatorFigures(long id, long taskId, String name, String unit, BigDecimal baseline, BigDecimal target,
                            @Nullable BigDecimal actual, Direction direction) {
        Progress.IndicatorInput input() {
            return new Progress.IndicatorInput(name, baseline, target, actual, direction);
        }

        IndicatorFigures withActual(BigDecimal value) {
            return new IndicatorFigures(id, taskId, name, unit, baseline, target, value, direction);
        }
    }

    /** The indicators of several tasks (a task chain) in one read, each task's in its order. */
    Map<Long, List<IndicatorFigures>> figuresOf(Collection<Long> taskIds) {
        Map<Long, List<IndicatorFigures>> byTask = new HashMap<>();
        jdbc.sql("""
                SELECT id, task_id, name, unit, baseline, target, actual, direction FROM indicator
                WHERE task_id IN (:ids) ORDER BY task_id, sort_order""").param("ids", taskIds)
                .query(rs -> {
                    byTask.computeIfAbsent(rs.getLong("task_id"), k -> new java.util.ArrayList<>())
                            .add(new IndicatorFigures(rs.getLong("id"), rs.getLong("task_id"), rs.getString("name"),
                                    rs.getString("unit"), rs.getBigDecimal("baseline"), rs.getBigDecimal("target"),
                                    rs.getBigDecimal("actual"), Direction.valueOf(rs.getString("direction"))));
                });
        return byTask;
    }

    /** Σ(actual − baseline) of the subtasks' indicators of this name that have an actual; null when none has. */
    /**
     * Each subtask's first indicator target (0 without one), in subtask id order: what a split is checked against,
     * in one statement however many siblings there are.
     */
    List<BigDecimal> childrenFirstTargets(long parentId) {
        return jdbc.sql("""
                SELECT COALESCE((SELECT i.target FROM indicator i WHERE i.task_id = c.id
                                 ORDER BY i.sort_order, i.id LIMIT 1), 0)
                FROM task c WHERE c.parent_task_id = :parent ORDER BY c.id""")
                .param("parent", parentId).query((rs, n) -> rs.getBigDecimal(1)).list();
    }

    @Nullable BigDecimal childrenMovement(long parentId, String indicatorName) {
        return jdbc.sql("""
                SELECT SUM(i.actual - i.baseline) FROM indicator i JOIN task c ON c.id = i.task_id
                WHERE c.parent_task_id = :parent AND i.name = :name AND i.actual IS NOT NULL""")
                .param("parent", parentId).param("name", indicatorName)
                .query((rs, n) -> rs.getBigDecimal(1)).optional().orElse(null);
    }

    void setActual(long indicatorId, BigDecimal value) {
        jdbc.sql("UPDATE indicator SET actual = :value WHERE id = :id").param("value", value).param("id", indicatorId).update();
    }

    /** Every indicator of a campaign's tasks with its trajectory, in two queries whatever the task count. */
    Map<Long, List<TaskView.IndicatorView>> ofCampaign(long campaignId) {
        return indicatorsWhere("t.campaign_id = :campaign", Map.of("campaign", campaignId));
    }

    /** The indicators of the given tasks with their trajectories, in two queries. */
    Map<Long, List<TaskView.IndicatorView>> ofTasks(Collection<Long> taskIds) {
        return taskIds.isEmpty() ? Map.of() : indicatorsWhere("t.id IN (:ids)", Map.of("ids", taskIds));
    }

    private Map<Long, List<TaskView.IndicatorView>> indicatorsWhere(String condition, Map<String, ?> params) {
        Map<Long, List<TaskView.PointView>> points = new HashMap<>();
        jdbc.sql("""
                SELECT p.indicator_id, p.on_date, p.planned_value FROM indicator_point p
                JOIN indicator i ON i.id = p.indicator_id JOIN task t ON t.id = i.task_id
                WHERE \s""" + condition + " ORDER BY p.indicator_id, p.on_date").params(params)
                .query(rs -> {
                    points.computeIfAbsent(rs.getLong("indicator_id"), k -> new java.util.ArrayList<>())
                            .add(new TaskView.PointView(rs.getDate("on_date").toLocalDate(), rs.getBigDecimal("planned_value")));
                });
        Map<Long, List<TaskView.IndicatorView>> byTask = new HashMap<>();
        jdbc.sql("""
                SELECT i.* FROM indicator i JOIN task t ON t.id = i.task_id
                WHERE \s""" + condition + " ORDER BY i.task_id, i.sort_order").params(params)
                .query(rs -> {
                    BigDecimal actual = rs.getBigDecimal("actual");
                    Direction direction = Direction.valueOf(rs.getString("direction"));
                    BigDecimal baseline = rs.getBigDecimal("baseline");
                    BigDecimal target = rs.getBigDecimal("target");
                    String name = rs.getString("name");
                    long id = rs.getLong("id");
                    byTask.computeIfAbsent(rs.getLong("task_id"), k -> new java.util.ArrayList<>())
                            .add(new TaskView.IndicatorView(id, name, rs.getString("unit"), baseline, target, actual,
                                    direction, Progress.ofIndicator(new Progress.IndicatorInput(name, baseline, target,
                                    actual, direction)), points.getOrDefault(id, List.of())));
                });
        return byTask;
    }
}
