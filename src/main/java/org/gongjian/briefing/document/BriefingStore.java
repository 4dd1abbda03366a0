package org.gongjian.briefing.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongjian.shared.Upserts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code briefing} and {@code briefing_setting} tables. */
@Repository
class BriefingStore {

    static final String DRAFT = "DRAFT";
    static final String PUBLISHED = "PUBLISHED";

    private final JdbcClient jdbc;
    private final Upserts upserts;

    BriefingStore(JdbcClient jdbc, Upserts upserts) {
        this.jdbc = jdbc;
        this.upserts = upserts;
    }

    record Row(long id, long campaignId, String period, String status, @Nullable String overview,
               @Nullable String commendations, @Nullable String nextSteps, @Nullable String contentJson,
               @Nullable String contentHash, @Nullable Instant publishedAt, @Nullable String publishedBy,
               Instant updatedAt, String updatedBy) {

        boolean published() {
            return PUBLISHED.equals(status);
        }

        BriefingData.@Nullable Narrative narrative() {
            return overview == null ? null : new BriefingData.Narrative(overview, nullToEmpty(commendations),
                    nullToEmpty(nextSteps));
        }
    }

    Optional<Row> find(long campaignId, String period) {
        return jdbc.sql("SELECT * FROM briefing WHERE campaign_id = :c AND period = :p").param("c", campaignId)
                .param("p", period).query(BriefingStore::row).optional();
    }

    List<Row> ofCampaign(long campaignId) {
        return jdbc.sql("SELECT * FROM briefing WHERE campaign_id = :c ORDER BY period DESC").param("c", campaignId)
                .query(BriefingStore::row).list();
    }

    void insertDraft(long campaignId, String period, BriefingData.Narrative n, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO briefing (campaign_id, period, status, overview_text, commendations_text, next_steps_text,
                                      updated_at, updated_by)
                VALUES (:c, :p, 'DRAFT', :o, :cm, :n, :at, :by)""")
                .param("c", campaignId).param("p", period).param("o", n.overview()).param("cm", n.commendations())
                .param("n", n.nextSteps()).param("at", Timestamp.from(at)).param("by", by).update();
    }

    /** @return false when the briefing is no longer a draft (published meanwhile) */
    boolean updateDraft(long id, BriefingData.Narrative n, Instant at, String by) {
        return jdbc.sql("""
                UPDATE briefing SET overview_text = :o, commendations_text = :cm, next_steps_text = :n,
                                    updated_at = :at, updated_by = :by, version = version + 1
                WHERE id = :id AND status = 'DRAFT'""")
                .param("o", n.overview()).param("cm", n.commendations()).param("n", n.nextSteps())
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).update() == 1;
    }

    int nextNumber(String prefix, int year) {
        return jdbc.sql("SELECT COALESCE(MAX(number_seq), 0) + 1 FROM briefing WHERE number_prefix = :p AND number_year = :y")
                .param("p", prefix).param("y", year).query(Integer.class).single();
    }

    /** Freezes a draft; the unique number constraint turns a concurrent publication with the same number into a 409. */
    boolean publish(long id, String prefix, int year, int seq, String json, String hash, Instant at, String by) {
        return jdbc.sql("""
                UPDATE briefing SET status = 'PUBLISHED', number_prefix = :prefix, number_year = :y, number_seq = :s,
                                    content_json = :json, content_hash = :hash, published_at = :at, published_by = :by,
                                    updated_at = :at, updated_by = :by, version = version + 1
                WHERE id = :id AND status = 'DRAFT'""")
                .param("prefix", prefix).param("y", year).param("s", seq).param("json", json).param("hash", hash)
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).update() == 1;
    }

    Optional<BriefingSettings> settings(long campaignId) {
        return jdbc.sql("SELECT issuing_unit, number_prefix FROM briefing_setting WHERE campaign_id = :c")
                .param("c", campaignId).query((rs, n) -> new BriefingSettings(rs.getString(1), rs.getString(2))).optional();
    }

    /** One statement, so two first saves of a campaign's settings at once both succeed (the later wins). */
    void saveSettings(long campaignId, BriefingSettings s, Instant at, String by) {
        Map<String, Object> row = new LinkedHashMap<>();   // the texts may be null
        row.put("campaign_id", campaignId);
        row.put("issuing_unit", s.issuingUnit());
        row.put("number_prefix", s.numberPrefix());
        row.put("updated_at", Timestamp.from(at));
        row.put("updated_by", by);
        upserts.put("briefing_setting", row, "campaign_id");
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new Row(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("period"), rs.getString("status"),
                rs.getString("overview_text"), rs.getString("commendations_text"), rs.getString("next_steps_text"),
                rs.getString("content_json"), rs.getString("content_hash"),
                published == null ? null : published.toInstant(), rs.getString("published_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
