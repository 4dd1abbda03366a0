package org.gongjian.campaign;

import java.util.HashMap;
import java.util.Map;

import org.gongjian.shared.DatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The task list's total when the whole campaign is in view (issue #18): summed from {@code task_tally}, a few rows
 * per campaign × category × light × level, instead of counting up to 10⁶ tasks on every page. On PostgreSQL triggers
 * append a signed row per change (see the migration V2026_12_08_1010) and {@link #compact} folds them every minute;
 * on H2 the tally is a view over the tasks. Only for {@link org.gongjian.shared.DataScope#everything()}: a scoped
 * user's total is the scope unit's {@link SubtreeTally} plus a count of the tasks it cooperates on from outside.
 */
@Component
class TaskTally {

    private final JdbcClient jdbc;
    private final DatabaseKind database;
    private final SubtreeTally subtrees;

    TaskTally(JdbcClient jdbc, DatabaseKind database, SubtreeTally subtrees) {
        this.jdbc = jdbc;
        this.database = database;
        this.subtrees = subtrees;
    }

    /**
     * Whether the tallies answer the filter: no keyword (they keep category, light and level; a lead unit is a subtree,
     * which {@link SubtreeTally} keeps, the campaign's tally does not).
     */
    static boolean answers(TaskFilter filter) {
        return filter.q() == null || filter.q().isBlank();
    }

    /** How many of the campaign's tasks pass the filter, for a filter {@link #answers} accepts without a lead unit. */
    long count(long campaignId, TaskFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT COALESCE(SUM(task_count), 0) FROM task_tally WHERE campaign_id = :campaign");
        Map<String, Object> params = new HashMap<>();
        params.put("campaign", campaignId);
        keyConditions(filter, "", "top_level = TRUE", sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /**
     * The filter's conditions on what the tally keeps (category, light or none yet, top level), for the task list's
     * query ({@code prefix} "t.") and the tally's own (""), so that both select the same tasks.
     */
    static void keyConditions(TaskFilter filter, String prefix, String topLevel, StringBuilder where,
                              Map<String, Object> params) {
        if (filter.category() != null && !filter.category().isBlank()) {
            where.append(" AND ").append(prefix).append("category = :category");
            params.put("category", filter.category());
        }
        if (filter.light() != null) {
            where.append(" AND ").append(prefix).append("light = :light");
            params.put("light", filter.light().name());
        } else if (filter.unevaluated()) {
            where.append(" AND ").append(prefix).append("light IS NULL");
        }
        if (filter.topLevelOnly()) {
            where.append(" AND ").append(topLevel);
        }
    }

    @Scheduled(fixedDelayString = "${gongjian.campaign.tally-compaction:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "campaign.tally-compaction", lockAtMostFor = "PT10M")
    public void scheduled() {
        compact();
        subtrees.fold();
    }

    /**
     * Replaces the appended rows by one per key (none where the key nets to zero), in one statement: rows a running
     * transaction appends meanwhile are not yet visible to it, so they stay and nothing is counted twice or lost.
     * @return the rows left (0 on H2, whose tally is a view)
     */
    @Transactional
    public int compact() {
        if (!maintained()) {
            return 0;
        }
        return jdbc.sql("""
                WITH folded AS (DELETE FROM task_tally RETURNING campaign_id, category, light, top_level, task_count)
                INSERT INTO task_tally (campaign_id, category, light, top_level, task_count)
                SELECT campaign_id, category, light, top_level, SUM(task_count) FROM folded
                GROUP BY campaign_id, category, light, top_level HAVING SUM(task_count) <> 0""").update();
    }

    /** PostgreSQL keeps the tally as a table; H2 has a view (nothing to fold). */
    private boolean maintained() {
        return database.postgres();
    }
}
