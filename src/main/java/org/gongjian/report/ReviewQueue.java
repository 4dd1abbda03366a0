package org.gongjian.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many reports wait for this user's review and the oldest few, in two statements: what a home page needs, without
 * building every waiting report in full as {@link ReportService#awaitingReview} does for the review list.
 */
@Service
@Transactional(readOnly = true)
public class ReviewQueue {

    public record Waiting(long reportId, String taskTitle, String unitName, String periodName,
                          @Nullable Instant submittedAt, boolean late) {}

    public record Summary(long total, List<Waiting> oldest) {

        static final Summary NONE = new Summary(0, List.of());
    }

    private final JdbcClient jdbc;

    ReviewQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stage a user reviews at: the office's (final) or the unit head's (first); none for other roles. */
    static @Nullable ReviewStage stageOf(CurrentUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.ADMIN) ? ReviewStage.OFFICE
                : user.has(Role.UNIT_HEAD) ? ReviewStage.UNIT_HEAD : null;
    }

    public Summary summary(CurrentUser user, DataScope scope, int limit) {
        ReviewStage stage = stageOf(user);
        if (stage == null) {
            return Summary.NONE;
        }
        // the task's title is looked up for the few rows shown, not joined (tasks are never deleted, so the join
        // dropped no report): see ReportStore's SELECT for the merge join along task_pkey a join can turn into
        String where = """
                FROM progress_report r
                JOIN org_unit_path u ON u.unit_id = r.unit_id
                WHERE r.status = 'SUBMITTED' AND r.review_stage = :stage\s""" + (scope.isEverything() ? "" : "AND u.path LIKE :scope");
        long total = jdbc.sql("SELECT COUNT(*) " + where).param("stage", stage.name())
                .param("scope", scope.likePattern()).query(Long.class).single();
        if (total == 0) {
            return Summary.NONE;
        }
        List<Waiting> oldest = jdbc.sql("SELECT r.id, (SELECT t.title FROM campaign_task_ref t WHERE t.task_id = r.task_id), u.name, r.period,"
                        + " r.submitted_at, r.late " + where
                        + " ORDER BY r.submitted_at, r.id LIMIT :limit")
                .param("stage", stage.name()).param("scope", scope.likePattern()).param("limit", limit)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp(5);
                    return new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3),
                            ReportingPeriod.displayName(rs.getString(4)), at == null ? null : at.toInstant(), rs.getBoolean(6));
                }).list();
        return new Summary(total, oldest);
    }
}
