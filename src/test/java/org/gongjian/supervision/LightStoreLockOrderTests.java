package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gongjian.campaign.Light;
import org.gongjian.shared.DatabaseKind;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every writer takes {@code task_light_state} rows in one order, descending task id: an evaluation's moves and check
 * dates (one statement, not two passes in collection order) and a submitted or progressed report's "facts changed"
 * (one row per statement, not an {@code UPDATE … IN} that locks in whatever order its plan reads). A state row is not
 * covered by its task row's lock — a run that only moves a check date leaves the task alone — so without one order a
 * daily run and an approval could each hold a row the other waits for.
 */
class LightStoreLockOrderTests {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    /** Records each batch (its SQL and the rows in the order they would be sent) instead of sending it. */
    private static final class RecordingJdbc extends JdbcTemplate {
        final List<String> sql = new ArrayList<>();
        final List<List<Object[]>> rows = new ArrayList<>();

        @Override
        public int[] batchUpdate(String statement, List<Object[]> args) {
            sql.add(statement.replaceAll("\\s+", " ").trim());
            rows.add(args);
            int[] done = new int[args.size()];
            Arrays.fill(done, 1);
            return done;
        }

        /** What the state rows hold when the store locks and reads them again before writing. */
        final java.util.Map<Long, LightStore.State> held = new java.util.HashMap<>();

        @Override
        public void query(String statement, org.springframework.jdbc.core.RowCallbackHandler handler, Object... args) {
            sql.add(statement.replaceAll("\\s+", " ").trim());
            rows.add(Arrays.stream(args).map(id -> new Object[] {id}).toList());
            for (Object id : args) {
                LightStore.State state = held.get((Long) id);
                if (state != null) {
                    try {
                        handler.processRow(row((Long) id, state));
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        private static java.sql.ResultSet row(long taskId, LightStore.State state) throws java.sql.SQLException {
            java.sql.ResultSet rs = org.mockito.Mockito.mock(java.sql.ResultSet.class);
            org.mockito.Mockito.when(rs.getLong("task_id")).thenReturn(taskId);
            org.mockito.Mockito.when(rs.getLong("campaign_id")).thenReturn(state.key().campaignId());
            org.mockito.Mockito.when(rs.getLong("unit_id")).thenReturn(state.key().unitId());
            org.mockito.Mockito.when(rs.getString("category")).thenReturn(state.key().category());
            org.mockito.Mockito.when(rs.getBoolean("top_level")).thenReturn(state.key().topLevel());
            org.mockito.Mockito.when(rs.getString("light")).thenReturn(state.key().light().name());
            org.mockito.Mockito.when(rs.getDate("recheck_on")).thenReturn(
                    state.recheckOn() == null ? null : java.sql.Date.valueOf(state.recheckOn()));
            return rs;
        }

        /** The task ids (the last parameter of each row) of the batch whose SQL starts with the prefix. */
        List<Object> taskIds(String prefix) {
            for (int i = 0; i < sql.size(); i++) {
                if (sql.get(i).startsWith(prefix)) {
                    return rows.get(i).stream().map(r -> r[r.length - 1]).toList();
                }
            }
            throw new AssertionError("no batch " + prefix + " in " + sql);
        }
    }

    private final RecordingJdbc jdbc = new RecordingJdbc();
    /** H2's batches; the PostgreSQL statements over arrays lock in the same order first (LightStore#moveBySlice). */
    private final LightStore store = new LightStore(null, jdbc, org.mockito.Mockito.mock(DatabaseKind.class), null);

    private static LightStore.CountKey key(long unit, Light light) {
        return new LightStore.CountKey(1, unit, "economy", true, light);
    }

    /** A state as the evaluation read it, and as the row still holds it. */
    private LightStore.State read(long taskId, LightStore.CountKey key) {
        LightStore.State state = new LightStore.State(key, DAY);
        jdbc.held.put(taskId, state);
        return state;
    }

    @Test
    void anEvaluationsMovesAndCheckDatesGoInOneStatementInDescendingTaskOrder() {
        LightStore.Writes w = new LightStore.Writes();
        w.move(3, read(3, key(10, Light.GREEN)), key(10, Light.RED), DAY);
        w.recheck(9, read(9, key(11, Light.YELLOW)), DAY.plusDays(1));
        w.move(5, null, key(10, Light.GREEN), DAY);
        w.move(7, read(7, key(12, Light.RED)), key(12, Light.GREEN), DAY);
        w.recheck(4, read(4, key(11, Light.YELLOW)), DAY.plusDays(2));

        store.write(w);

        assertThat(jdbc.taskIds("SELECT * FROM task_light_state")).as("locked first, in the same order")
                .containsExactly(9L, 7L, 4L, 3L);
        assertThat(jdbc.sql.stream().filter(s -> s.startsWith("UPDATE task_light_state"))).hasSize(1);
        assertThat(jdbc.taskIds("UPDATE task_light_state")).containsExactly(9L, 7L, 4L, 3L);
        assertThat(jdbc.taskIds("INSERT INTO task_light_state")).containsExactly(5L);
    }

    @Test
    void factsChangedMarksTheRowsInDescendingTaskOrderEachOnce() {
        store.factsChanged(List.of(3L, 9L, 7L, 9L));

        assertThat(jdbc.taskIds("UPDATE task_light_state SET recheck_on = NULL")).containsExactly(9L, 7L, 3L);
    }
}
