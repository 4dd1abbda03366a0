package org.gongjian.campaign;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gongjian.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * SQL for campaigns. A campaign is visible to a user whose scope lies inside its owner unit (a township sees its
 * county's campaign) or contains it (a city sees its counties' campaigns).
 */
@Repository
class CampaignStore {

    private static final String SELECT = """
            SELECT c.*, o.name AS owner_name FROM campaign c JOIN org_unit_path o ON o.unit_id = c.owner_unit_id
            """;
    private static final String VISIBLE = " (:scopePath LIKE o.path || '%' OR o.path LIKE :scopeLike)";

    private final JdbcClient jdbc;
    /** Key of this transaction's kept campaign views ({@link #find}). */
    private final Object keptKey = new Object();

    CampaignStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The campaign if visible in the scope. Unscoped reads are kept for the rest of the transaction: an approval asks
     * for its campaign three times (submit check, light re-evaluation, reporting facts; two statements each), and a
     * campaign only changes through this store, which forgets what it kept when it writes.
     */
    Optional<CampaignView> find(long id, DataScope scope) {
        if (scope.isEverything()) {
            java.util.Map<Long, CampaignView> kept = keptInTransaction();
            if (kept != null) {
                CampaignView view = kept.get(id);
                if (view == null) {
                    view = read(id, scope).orElse(null);
                    if (view != null) {
                        kept.put(id, view);
                    }
                }
                return Optional.ofNullable(view);
            }
        }
        return read(id, scope);
    }

    private Optional<CampaignView> read(long id, DataScope scope) {
        return jdbc.sql(SELECT + " WHERE c.id = :id AND" + VISIBLE).param("id", id)
                .param("scopePath", scope.path()).param("scopeLike", scope.likePattern())
                .query(this::map).optional();
    }

    /** The review route, from the view this transaction keeps if it read one, else from the row's two columns. */
    Optional<ReviewRoute> reviewRoute(long id) {
        java.util.Map<Long, CampaignView> kept = keptInTransaction();
        CampaignView view = kept == null ? null : kept.get(id);
        if (view != null) {
            return Optional.of(new ReviewRoute(view.unitHeadReview(), view.ownerUnitId()));
        }
        return jdbc.sql("SELECT unit_head_review, owner_unit_id FROM campaign WHERE id = :id").param("id", id)
                .query((rs, n) -> new ReviewRoute(rs.getBoolean(1), rs.getLong(2))).optional();
    }

    List<CampaignView> visible(DataScope scope) {
        return jdbc.sql(SELECT + " WHERE" + VISIBLE + " ORDER BY c.campaign_year DESC, c.id DESC LIMIT 200")
                .param("scopePath", scope.path()).param("scopeLike", scope.likePattern()).query(this::map).list();
    }

    long insert(CampaignCommand c, CampaignView.Thresholds t, int deadlineDay, List<String> categories, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO campaign (name, campaign_year, start_date, end_date, owner_unit_id, parent_campaign_id,
                    reporting_frequency, report_deadline_day, yellow_behind_pct, red_behind_pct, due_soon_days,
                    created_at, version)
                VALUES (:name, :year, :start, :end, :owner, :parent, :freq, :deadline, :yellow, :red, :soon, :now, 0)""")
                .param("name", c.name().trim()).param("year", c.year())
                .param("start", Date.valueOf(c.startDate())).param("end", Date.valueOf(c.endDate()))
                .param("owner", c.ownerUnitId()).param("parent", c.parentCampaignId(), Types.BIGINT)
                .param("freq", c.reportingFrequency().name()).param("deadline", deadlineDay)
                .param("yellow", t.yellowBehindPct()).param("red", t.redBehindPct()).param("soon", t.dueSoonDays())
                .param("now", Timestamp.from(now)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (int i = 0; i < categories.size(); i++) {
            jdbc.sql("INSERT INTO campaign_category (campaign_id, name, sort_order) VALUES (:id, :name, :sort)")
                    .param("id", id).param("name", categories.get(i)).param("sort", i).update();
        }
        return id;
    }

    private CampaignView map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        long parent = rs.getLong("parent_campaign_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new CampaignView(id, rs.getString("name"), rs.getInt("campaign_year"), rs.getDate("start_date").toLocalDate(),
                rs.getDate("end_date").toLocalDate(), rs.getLong("owner_unit_id"), rs.getString("owner_name"), parentId,
                ReportingFrequency.valueOf(rs.getString("reporting_frequency")), rs.getInt("report_deadline_day"),
                new CampaignView.Thresholds(rs.getInt("yellow_behind_pct"), rs.getInt("red_behind_pct"),
                        rs.getInt("due_soon_days")), categories(id), rs.getBoolean("unit_head_review"));
    }

    void setUnitHeadReview(long campaignId, boolean on) {
        forget();
        jdbc.sql("UPDATE campaign SET unit_head_review = :on, version = version + 1 WHERE id = :id")
                .param("on", on).param("id", campaignId).update();
    }

    void addCategory(long campaignId, String name) {
        forget();
        int next = jdbc.sql("SELECT COALESCE(MAX(sort_order), -1) + 1 FROM campaign_category WHERE campaign_id = :id")
                .param("id", campaignId).query(Integer.class).single();
        jdbc.sql("INSERT INTO campaign_category (campaign_id, name, sort_order) VALUES (:id, :name, :sort)")
                .param("id", campaignId).param("name", name).param("sort", next).update();
    }

    /** This transaction's unscoped campaign reads, bound until it completes; null outside a transaction. */
    private java.util.@org.jspecify.annotations.Nullable Map<Long, CampaignView> keptInTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        var kept = (java.util.Map<Long, CampaignView>) TransactionSynchronizationManager.getResource(keptKey);
        if (kept == null) {
            java.util.Map<Long, CampaignView> fresh = new java.util.HashMap<>();
            TransactionSynchronizationManager.bindResource(keptKey, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(keptKey);
                }
            });
            kept = fresh;
        }
        return kept;
    }

    private void forget() {
        var kept = keptInTransaction();
        if (kept != null) {
            kept.clear();
        }
    }

    List<String> categories(long campaignId) {
        return jdbc.sql("SELECT name FROM campaign_category WHERE campaign_id = :id ORDER BY sort_order")
                .param("id", campaignId).query(String.class).list();
    }
}
