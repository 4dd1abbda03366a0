package org.gongjian.campaign;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * user's total still counts the tasks the scope condition lets through, so the scope stays enforced in the query.
 */
@Component
class TaskTally {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private volatile @Nullable Boolean maintained;

    TaskTally(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Whether the filter is one the tally answers: no lead unit, no keyword (it keeps category, light and level only). */
    static boolean answers(TaskFilter filter) {
        return filter.leadUnitId() == null && (filter.q() == null || filter.q().isBlank());
    }

    /** How many of the campaign's tasks pass the filter, for a filter {@link #answers} accepts. */
    long count(long campaignId, TaskFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT COALESCE(SUM(task_count), 0) FROM task_tally WHERE campaign_id = :campaign");
        var spec = new java.util.HashMap<String, Object>();
        spec.put("campaign", campaignId);
        if (filter.category() != null && !filter.category().isBlank()) {
            sql.append(" AND category = :category");
            spec.put("category", filter.category());
        }
        if (filter.light() != null) {
            sql.append(" AND light = :light");
            spec.put("light", filter.light().name());
        } else if (filter.unevaluated()) {
            sql.append(" AND light IS NULL");
        }
        if (filter.topLevelOnly()) {
            sql.append(" AND top_level = TRUE");
        }
        return jdbc.sql(sql.toString()).params(spec).query(Long.class).single();
    }

    @Scheduled(fixedDelayString = "${gongjian.campaign.tally-compaction:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "campaign.tally-compaction", lockAtMostFor = "PT10M")
    public void scheduled() {
        compact();
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
        Boolean known = maintained;
        if (known == null) {
            known = Boolean.TRUE.equals(template.execute((ConnectionCallback<Boolean>) c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
            maintained = known;
        }
        return known;
    }
}
