package org.gongjian.assessment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongjian.shared.CanonicalJson;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for ranking snapshots: header, one row per unit score, one row per breakdown item (batched). */
@Repository
class RankingStore {

    record Header(long id, long campaignId, String period, UnitGroup group, int version, RankingStatus status,
                  @Nullable Long scopeUnitId, Scheme scheme, String computedBy, Instant computedAt,
                  @Nullable String publishedBy, @Nullable Instant publishedAt, @Nullable Instant supersededAt,
                  @Nullable String correction, @Nullable String contentHash) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RankingStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insert(long campaignId, String period, UnitGroup group, int version, RankingStatus status,
                @Nullable Long scopeUnitId, Scheme scheme, String by, Instant at, @Nullable String correction) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assessment_ranking (campaign_id, period, unit_group, version, status, scope_unit_id,
                    scheme_json, computed_by, computed_at, correction)
                VALUES (:c, :p, :g, :v, :s, :scope, :scheme, :by, :at, :correction)""")
                .param("c", campaignId).param("p", period).param("g", group.name()).param("v", version)
                .param("s", status.name()).param("scope", scopeUnitId).param("scheme", CanonicalJson.write(scheme))
                .param("by", by).param("at", Timestamp.from(at)).param("correction", correction)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertScores(long rankingId, List<UnitScore> scores) {
        template.batchUpdate("""
                INSERT INTO assessment_score (ranking_id, unit_id, unit_name, unit_path, score, unit_rank, completion,
                    timeliness, quality, bonus, deduction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                scores, 500, (ps, s) -> {
                    ps.setLong(1, rankingId);
                    ps.setLong(2, s.unitId());
                    ps.setString(3, s.unitName());
                    ps.setString(4, s.unitPath());
                    ps.setBigDecimal(5, s.score());
                    ps.setInt(6, s.rank());
                    ps.setBigDecimal(7, s.completion());
                    ps.setBigDecimal(8, s.timeliness());
                    ps.setBigDecimal(9, s.quality());
                    ps.setBigDecimal(10, s.bonus());
                    ps.setBigDecimal(11, s.deduction());
                });
        record Row(long unitId, int seq, ScoreItem item) {}
        List<Row> rows = new ArrayList<>();
        for (UnitScore s : scores) {
            for (int i = 0; i < s.items().size(); i++) {
                rows.add(new Row(s.unitId(), i, s.items().get(i)));
            }
        }
        template.batchUpdate("""
                INSERT INTO assessment_score_item (ranking_id, unit_id, seq, category, source_type, source_id, link,
                    points, explanation, waived) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows, 1000, (ps, r) -> {
                    ps.setLong(1, rankingId);
                    ps.setLong(2, r.unitId());
                    ps.setInt(3, r.seq());
                    ps.setString(4, r.item().category().name());
                    ps.setString(5, r.item().sourceType().name());
                    ps.setLong(6, r.item().sourceId());
                    ps.setString(7, r.item().link());
                    ps.setBigDecimal(8, r.item().points());
                    ps.setString(9, r.item().explanation());
                    ps.setBoolean(10, r.item().waived());
                });
    }

    void deleteDraft(long campaignId, String period, UnitGroup group) {
        List<Long> ids = jdbc.sql("SELECT id FROM assessment_ranking WHERE campaign_id = :c AND period = :p AND unit_group = :g AND status = 'DRAFT'")
                .param("c", campaignId).param("p", period).param("g", group.name()).query(Long.class).list();
        for (long id : ids) {
            jdbc.sql("DELETE FROM assessment_score_item WHERE ranking_id = :id").param("id", id).update();
            jdbc.sql("DELETE FROM assessment_score WHERE ranking_id = :id").param("id", id).update();
            jdbc.sql("DELETE FROM assessment_ranking WHERE id = :id").param("id", id).update();
        }
    }

    void publish(long id, int version, String by, Instant at, String hash) {
        jdbc.sql("UPDATE assessment_ranking SET status = 'PUBLISHED', version = :v, published_by = :by, published_at = :at, content_hash = :h WHERE id = :id")
                .param("v", version).param("by", by).param("at", Timestamp.from(at)).param("h", hash).param("id", id).update();
    }

    void supersede(long id, Instant at) {
        jdbc.sql("UPDATE assessment_ranking SET status = 'SUPERSEDED', superseded_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    Optional<Header> header(long id) {
        return jdbc.sql("SELECT * FROM assessment_ranking WHERE id = :id").param("id", id).query((rs, n) -> header(rs, n)).optional();
    }

    /** Newest version first (the draft, version 0, last). */
    List<Header> versions(long campaignId, String period, UnitGroup group) {
        return jdbc.sql("SELECT * FROM assessment_ranking WHERE campaign_id = :c AND period = :p AND unit_group = :g ORDER BY version DESC")
                .param("c", campaignId).param("p", period).param("g", group.name()).query((rs, n) -> header(rs, n)).list();
    }

    /** Published periods of a campaign and group, newest first. */
    List<String> publishedPeriods(long campaignId, UnitGroup group) {
        return jdbc.sql("SELECT DISTINCT period FROM assessment_ranking WHERE campaign_id = :c AND unit_group = :g AND status <> 'DRAFT' ORDER BY period DESC")
                .param("c", campaignId).param("g", group.name()).query(String.class).list();
    }

    boolean anyPublished(long campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_ranking WHERE campaign_id = :c AND status <> 'DRAFT'")
                .param("c", campaignId).query(Long.class).single() > 0;
    }

    /** Scores with their items, best rank first, and per unit the item ids in the same order (appeals name items by id). */
    record Loaded(List<UnitScore> scores, Map<Long, List<Long>> itemIds) {}

    List<UnitScore> scores(long rankingId) {
        return load(rankingId).scores();
    }

    Loaded load(long rankingId) {
        Map<Long, List<ScoreItem>> items = new HashMap<>();
        Map<Long, List<Long>> ids = new HashMap<>();
        jdbc.sql("SELECT * FROM assessment_score_item WHERE ranking_id = :id ORDER BY unit_id, seq").param("id", rankingId)
                .query(rs -> {
                    long unit = rs.getLong("unit_id");
                    ids.computeIfAbsent(unit, k -> new ArrayList<>()).add(rs.getLong("id"));
                    items.computeIfAbsent(unit, k -> new ArrayList<>()).add(new ScoreItem(
                            ScoreItem.Category.valueOf(rs.getString("category")),
                            ScoreItem.SourceType.valueOf(rs.getString("source_type")), rs.getLong("source_id"),
                            rs.getString("link"), rs.getBigDecimal("points"), rs.getString("explanation"),
                            rs.getBoolean("waived")));
                });
        Map<Long, UnitScore> scores = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM assessment_score WHERE ranking_id = :id ORDER BY unit_rank, unit_name, unit_id").param("id", rankingId)
                .query(rs -> {
                    long unit = rs.getLong("unit_id");
                    scores.put(unit, new UnitScore(unit, rs.getString("unit_name"), rs.getString("unit_path"),
                            scale2(rs.getBigDecimal("score")), rs.getInt("unit_rank"), scale2(rs.getBigDecimal("completion")),
                            scale2(rs.getBigDecimal("timeliness")), scale2(rs.getBigDecimal("quality")),
                            scale2(rs.getBigDecimal("bonus")), scale2(rs.getBigDecimal("deduction")),
                            items.getOrDefault(unit, List.of())));
                });
        return new Loaded(List.copyOf(scores.values()), ids);
    }

    private static BigDecimal scale2(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private Header header(ResultSet rs, int n) throws SQLException {
        return new Header(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("period"),
                UnitGroup.valueOf(rs.getString("unit_group")), rs.getInt("version"),
                RankingStatus.valueOf(rs.getString("status")), (Long) rs.getObject("scope_unit_id", Long.class),
                CanonicalJson.read(rs.getString("scheme_json"), Scheme.class), rs.getString("computed_by"),
                rs.getTimestamp("computed_at").toInstant(), rs.getString("published_by"), instant(rs, "published_at"),
                instant(rs, "superseded_at"), rs.getString("correction"), rs.getString("content_hash"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
