package org.gongjian.talent;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for service requests. A request is in scope when the talent's unit or the delivering unit is: a township's office
 * sees its own talents' requests, a department the requests routed to it.
 */
@Repository
class RequestStore {

    private static final String FROM = """
            FROM talent_request r
            JOIN talent t ON t.id = r.talent_id
            JOIN talent_policy p ON p.id = r.policy_id
            JOIN org_unit_path du ON du.unit_id = r.unit_id
            JOIN org_unit_path tu ON tu.unit_id = t.unit_id
            """;
    private static final String SELECT = "SELECT r.*, t.name AS talent_name, t.unit_id AS talent_unit_id, "
            + "p.name AS policy_name, du.name AS unit_name " + FROM;
    private static final String SCOPED = " (du.path LIKE :scope OR tu.path LIKE :scope)";

    private final JdbcClient jdbc;

    RequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request as stored; the service adds its light and working days. */
    record Row(long id, long talentId, String talentName, long talentUnitId, long officeUnitId, long policyId, String policyName, long unitId,
               String unitName, RequestStatus status, LocalDate openedOn, LocalDate dueOn, @Nullable LocalDate completedOn,
               @Nullable String decisionReason, @Nullable Rating rating, @Nullable String ratingComment,
               String eligibility, String openedBy, int version) {}

    record Filter(@Nullable RequestStatus status, @Nullable Long unitId, @Nullable Long talentId, boolean overdueOnly) {}

    long insert(long talentId, long policyId, long unitId, long officeUnitId, LocalDate openedOn, LocalDate dueOn, String eligibility,
                String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO talent_request (talent_id, policy_id, unit_id, status, opened_on, due_on, eligibility,
                    opened_by, office_unit_id, created_at, version)
                VALUES (:talent, :policy, :unit, 'ACCEPTED', :opened, :due, :eligibility, :by, :office, :at, 0)""")
                .param("talent", talentId).param("policy", policyId).param("unit", unitId)
                .param("opened", Date.valueOf(openedOn)).param("due", Date.valueOf(dueOn))
                .param("eligibility", eligibility).param("by", by).param("office", officeUnitId).param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Row> find(long id, DataScope scope) {
        return jdbc.sql(SELECT + " WHERE r.id = :id AND" + SCOPED).param("id", id).param("scope", scope.likePattern())
                .query((rs, n) -> row(rs)).optional();
    }

    List<Row> page(Filter filter, DataScope scope, PageQuery page, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, today, params);
        params.put("limit", page.size());
        params.put("offset", page.offset());
        return jdbc.sql(SELECT + where + " ORDER BY r.due_on, r.id LIMIT :limit OFFSET :offset").params(params)
                .query((rs, n) -> row(rs)).list();
    }

    long count(Filter filter, DataScope scope, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, today, params);
        return jdbc.sql("SELECT COUNT(*) " + FROM + where).params(params).query(Long.class).single();
    }

    /** Open requests whose deadline is on or before {@code until} (the daily job), unscoped. */
    List<Row> openDueBy(LocalDate until) {
        return jdbc.sql(SELECT + " WHERE r.status IN ('ACCEPTED', 'IN_PROGRESS', 'AWAITING_DOCUMENTS') AND r.due_on <= :until")
                .param("until", Date.valueOf(until)).query((rs, n) -> row(rs)).list();
    }

    /** Sets a flag once: true only for the run that flipped it (so a repeated or concurrent run notifies nobody twice). */
    boolean flag(long id, String column) {
        String sql = switch (column) {
            case "reminded" -> "UPDATE talent_request SET reminded = TRUE WHERE id = :id AND reminded = FALSE";
            case "overdue_noticed" -> "UPDATE talent_request SET overdue_noticed = TRUE WHERE id = :id AND overdue_noticed = FALSE";
            default -> throw new IllegalArgumentException(column);
        };
        return jdbc.sql(sql).param("id", id).update() == 1;
    }

    /** Moves a request on if it is still at the version and status read; false when someone else moved it first. */
    boolean transition(long id, int version, RequestStatus from, RequestStatus to, @Nullable LocalDate completedOn,
                       @Nullable String reason) {
        return jdbc.sql("""
                UPDATE talent_request SET status = :to, completed_on = :completed,
                    decision_reason = COALESCE(:reason, decision_reason), version = version + 1
                WHERE id = :id AND version = :version AND status = :from""")
                .param("to", to.name()).param("completed", completedOn == null ? null : Date.valueOf(completedOn), Types.DATE)
                .param("reason", reason, Types.VARCHAR).param("id", id).param("version", version)
                .param("from", from.name()).update() == 1;
    }

    boolean rate(long id, int version, Rating rating, @Nullable String comment, RequestStatus to) {
        return jdbc.sql("""
                UPDATE talent_request SET rating = :rating, rating_comment = :comment, status = :to, version = version + 1
                WHERE id = :id AND version = :version AND status = 'COMPLETED' AND rating IS NULL""")
                .param("rating", rating.name()).param("comment", comment, Types.VARCHAR).param("to", to.name())
                .param("id", id).param("version", version).update() == 1;
    }

    /** The office sends a reviewed request back to the unit: a new deadline, rating and flags cleared. */
    boolean reopen(long id, int version, LocalDate dueOn, String reason) {
        return jdbc.sql("""
                UPDATE talent_request SET status = 'IN_PROGRESS', due_on = :due, completed_on = NULL, rating = NULL,
                    rating_comment = NULL, decision_reason = :reason, reminded = FALSE, overdue_noticed = FALSE,
                    version = version + 1
                WHERE id = :id AND version = :version AND status = 'REVIEW'""")
                .param("due", Date.valueOf(dueOn)).param("reason", reason).param("id", id).param("version", version)
                .update() == 1;
    }

    void insertMessage(long requestId, String author, String body, @Nullable String documentName, Instant at) {
        jdbc.sql("""
                INSERT INTO talent_request_message (request_id, author, body, document_name, written_at)
                VALUES (:request, :author, :body, :document, :at)""")
                .param("request", requestId).param("author", author).param("body", body)
                .param("document", documentName, Types.VARCHAR).param("at", Timestamp.from(at)).update();
    }

    List<RequestView.Message> messages(long requestId) {
        return jdbc.sql("SELECT * FROM talent_request_message WHERE request_id = :id ORDER BY written_at, id")
                .param("id", requestId)
                .query((rs, n) -> new RequestView.Message(rs.getString("author"), rs.getString("body"),
                        rs.getString("document_name"), rs.getTimestamp("written_at").toInstant())).list();
    }

    private static String where(Filter f, DataScope scope, LocalDate today, Map<String, Object> params) {
        params.put("scope", scope.likePattern());
        StringBuilder where = new StringBuilder(" WHERE" + SCOPED);
        if (f.status() != null) {
            where.append(" AND r.status = :status");
            params.put("status", f.status().name());
        }
        if (f.unitId() != null) {
            where.append(" AND r.unit_id = :unit");
            params.put("unit", f.unitId());
        }
        if (f.talentId() != null) {
            where.append(" AND r.talent_id = :talent");
            params.put("talent", f.talentId());
        }
        if (f.overdueOnly()) {
            where.append(" AND r.status IN ('ACCEPTED', 'IN_PROGRESS', 'AWAITING_DOCUMENTS') AND r.due_on < :today");
            params.put("today", Date.valueOf(today));
        }
        return where.toString();
    }

    private static Row row(ResultSet rs) throws SQLException {
        Date completed = rs.getDate("completed_on");
        String rating = rs.getString("rating");
        return new Row(rs.getLong("id"), rs.getLong("talent_id"), rs.getString("talent_name"), rs.getLong("talent_unit_id"),
                rs.getLong("office_unit_id"), rs.getLong("policy_id"), rs.getString("policy_name"), rs.getLong("unit_id"), rs.getString("unit_name"),
                RequestStatus.valueOf(rs.getString("status")), rs.getDate("opened_on").toLocalDate(),
                rs.getDate("due_on").toLocalDate(), completed == null ? null : completed.toLocalDate(),
                rs.getString("decision_reason"), rating == null ? null : Rating.valueOf(rating),
                rs.getString("rating_comment"), rs.getString("eligibility"), rs.getString("opened_by"), rs.getInt("version"));
    }
}
