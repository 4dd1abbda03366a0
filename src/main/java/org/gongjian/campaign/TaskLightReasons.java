package org.gongjian.campaign;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gongjian.shared.DatabaseKind;
import org.gongjian.shared.SqlArrays;
import org.gongjian.shared.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each task's current light reasons (亮灯理由, one line each) as supervision stores them, in a narrow table of their
 * own ({@code task_light_reason}), a small row without triggers rather than a column of the wide task row. A reason
 * whose words move by the day (the day's planned value, the days to a milestone) is a line of the facts it needs,
 * put into words when read ({@link TaskReasons}), so the row changes only when the facts or the light do. The task
 * list and figures read it joined.
 */
@Repository
class TaskLightReasons {

    private static final int SLICE = 1_000;
    /** The column's width ({@code V2026_12_13_0900}): a line of an indicator's facts carries its trajectory. */
    static final int WIDTH = 100_000;

    private final JdbcTemplate batch;
    private final DatabaseKind database;

    private final Upserts upserts;

    TaskLightReasons(JdbcTemplate batch, DatabaseKind database, Upserts upserts) {
        this.batch = batch;
        this.database = database;
        this.upserts = upserts;
    }

    /**
     * Stores the reasons of each update, in the given order (descending task id, the order every writer takes task
     * rows in), 1,000 at a time; a row already holding the same text is left alone.
     * @return per update, whether its row was written
     */
    boolean[] write(List<TaskService.LightUpdate> updates) {
        boolean[] written = new boolean[updates.size()];
        for (int from = 0; from < updates.size(); from += SLICE) {
            List<TaskService.LightUpdate> slice = updates.subList(from, Math.min(updates.size(), from + SLICE));
            Long[] ids = slice.stream().map(TaskService.LightUpdate::taskId).toArray(Long[]::new);
            String[] texts = slice.stream().map(TaskLightReasons::text).toArray(String[]::new);
            if (database.postgres()) {
                // one statement per slice (a batch is one per row there); rows taken in the arrays' order
                Set<Long> changed = new HashSet<>(batch.query(SqlArrays.statement("""
                        INSERT INTO task_light_reason AS r (task_id, reasons)
                        SELECT v.task_id, v.reasons FROM unnest(?::bigint[], ?::varchar[]) WITH ORDINALITY
                            AS v (task_id, reasons, n) ORDER BY v.n
                        ON CONFLICT (task_id) DO UPDATE SET reasons = EXCLUDED.reasons
                            WHERE r.reasons <> EXCLUDED.reasons
                        RETURNING r.task_id""", SqlArrays.of("bigint", ids), SqlArrays.of("varchar", texts)),
                        (rs, n) -> rs.getLong(1)));
                for (int i = 0; i < ids.length; i++) {
                    written[from + i] = changed.contains(ids[i]);
                }
            } else {
                int[] rows = batch.batchUpdate("""
                        MERGE INTO task_light_reason r
                        USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(100000)))) AS v (task_id, reasons)
                        ON r.task_id = v.task_id
                        WHEN MATCHED AND r.reasons <> v.reasons THEN UPDATE SET reasons = v.reasons
                        WHEN NOT MATCHED THEN INSERT (task_id, reasons) VALUES (v.task_id, v.reasons)""",
                        java.util.stream.IntStream.range(0, ids.length)
                                .mapToObj(i -> new Object[] {ids[i], texts[i]}).toList());
                for (int i = 0; i < rows.length; i++) {
                    written[from + i] = rows[i] != 0;   // SUCCESS_NO_INFO (-2) counts as written
                }
            }
        }
        return written;
    }

    /** The day a campaign's lights were evaluated for, which its reasons are read in the words of ({@link TaskReasons}). */
    void evaluatedOn(long campaignId, java.time.LocalDate day) {
        upserts.put("campaign_light_day", java.util.Map.of("campaign_id", campaignId, "evaluated_on", java.sql.Date.valueOf(day)),
                "campaign_id");
    }

    /**
     * The day a re-light of a chain evaluated its tasks for: their reasons are read in that day's words while the
     * campaign's day ({@link #evaluatedOn(long, java.time.LocalDate)}) is earlier — an approval at 03:00, before the
     * day's run, gives the task today's light, and its words must be today's too. One statement for the chain.
     */
    void evaluatedOn(List<Long> taskIds, java.time.LocalDate day) {
        if (taskIds.isEmpty()) {
            return;
        }
        List<Object> args = new java.util.ArrayList<>();
        args.add(java.sql.Date.valueOf(day));
        args.addAll(taskIds);
        args.add(java.sql.Date.valueOf(day));
        String ids = String.join(", ", java.util.Collections.nCopies(taskIds.size(), "?"));
        // PostgreSQL: rows locked in descending task id, the order every writer takes them in (write, whole runs)
        batch.update(database.postgres()
                ? "UPDATE task_light_reason SET evaluated_on = ? WHERE task_id IN (SELECT d.task_id FROM task_light_reason d"
                        + " WHERE d.task_id IN (" + ids + ") AND (d.evaluated_on IS NULL OR d.evaluated_on < ?)"
                        + " ORDER BY d.task_id DESC FOR UPDATE)"
                : "UPDATE task_light_reason SET evaluated_on = ? WHERE task_id IN (" + ids
                        + ") AND (evaluated_on IS NULL OR evaluated_on < ?)", args.toArray());
    }

    /**
     * A whole run evaluated every task of the campaign for {@code day}: a row dated later by a re-light of its chain
     * ({@link #evaluatedOn(List, java.time.LocalDate)}) now holds {@code day}'s light, so it is read in the campaign's
     * day again (a run for a past day, after an approval today). Dated rows are few: a partial index finds them on
     * PostgreSQL. Each is checked against its own task by key: H2 ran {@code task_id IN (the campaign's task ids)}
     * again for every dated row of any campaign, which made a test catching up a fortnight of whole runs take minutes.
     */
    void wholeRunOn(long campaignId, java.time.LocalDate day) {
        batch.update("UPDATE task_light_reason SET evaluated_on = NULL WHERE evaluated_on > ?"
                + " AND EXISTS (SELECT 1 FROM task t WHERE t.id = task_light_reason.task_id AND t.campaign_id = ?)",
                java.sql.Date.valueOf(day), campaignId);
    }

    private static String text(TaskService.LightUpdate update) {
        String text = String.join("\n", update.reasons());
        return text.length() <= WIDTH ? text : text.substring(0, WIDTH - 1) + "…";
    }
}
