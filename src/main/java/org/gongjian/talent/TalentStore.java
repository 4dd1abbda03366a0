package org.gongjian.talent;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongjian.shared.DataScope;
import org.gongjian.shared.Like;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.Upserts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the registry; every read restricts itself to the talent's unit inside the scope. Views come out unmasked. */
@Repository
class TalentStore {

    private static final String SELECT = """
            SELECT t.*, u.name AS unit_name FROM talent t JOIN org_unit_path u ON u.unit_id = t.unit_id
            WHERE u.path LIKE :scope""";

    private final JdbcClient jdbc;
    private final Upserts upserts;

    TalentStore(JdbcClient jdbc, Upserts upserts) {
        this.jdbc = jdbc;
        this.upserts = upserts;
    }

    record Filter(@Nullable String q, @Nullable String field, @Nullable String tier, @Nullable TalentSource source,
                  @Nullable Long unitId) {
        static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    long insert(TalentCommand c, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO talent (unit_id, name, field, tier, degree, title, employer, introduced_on, source, phone,
                    id_number, address, created_by, created_at, version)
                VALUES (:unit, :name, :field, :tier, :degree, :title, :employer, :introduced, :source, :phone, :idNumber,
                    :address, :by, :at, 0)""")
                .param("unit", c.unitId()).param("name", c.name()).param("field", c.field()).param("tier", c.tier())
                .param("degree", String.valueOf(c.degree())).param("title", blankToNull(c.title()), Types.VARCHAR)
                .param("employer", c.employer()).param("introduced", Date.valueOf(java.util.Objects.requireNonNull(c.introducedOn())))
                .param("source", String.valueOf(c.source())).param("phone", blankToNull(c.phone()), Types.VARCHAR)
                .param("idNumber", blankToNull(c.idNumber()), Types.VARCHAR)
                .param("address", blankToNull(c.address()), Types.VARCHAR)
                .param("by", by).param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<TalentView> find(long id, DataScope scope) {
        return jdbc.sql(SELECT + " AND t.id = :id").param("scope", scope.likePattern()).param("id", id)
                .query((rs, n) -> view(rs)).optional();
    }

    List<TalentView> page(Filter filter, DataScope scope, PageQuery page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, params);
        params.put("limit", page.size());
        params.put("offset", page.offset());
        return jdbc.sql(SELECT + where + " ORDER BY t.introduced_on DESC, t.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> view(rs)).list();
    }

    long count(Filter filter, DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, params);
        return jdbc.sql("SELECT COUNT(*) FROM talent t JOIN org_unit_path u ON u.unit_id = t.unit_id WHERE u.path LIKE :scope"
                + where).params(params).query(Long.class).single();
    }

    /** Every talent of the filter, streamed to the consumer (exports), at most {@code max}. */
    void each(Filter filter, DataScope scope, int max, java.util.function.Consumer<TalentView> consumer) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, params);
        params.put("limit", max);
        jdbc.sql(SELECT + where + " ORDER BY t.id LIMIT :limit").params(params).query(rs -> {
            consumer.accept(view(rs));
        });
    }

    boolean tierExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM talent_tier WHERE code = :code").param("code", code).query(Long.class).single() > 0;
    }

    record Tier(String code, String label) {}

    List<Tier> tiers() {
        return jdbc.sql("SELECT code, label FROM talent_tier ORDER BY sort_order, code")
                .query((rs, n) -> new Tier(rs.getString("code"), rs.getString("label"))).list();
    }

    void putTier(String code, String label, int sortOrder) {
        upserts.put("talent_tier", Map.of("code", code, "label", label, "sort_order", sortOrder), "code");
    }

    private static String where(Filter f, DataScope scope, Map<String, Object> params) {
        params.put("scope", scope.likePattern());
        StringBuilder where = new StringBuilder();
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" AND (t.name LIKE :q ESCAPE '\\' OR t.employer LIKE :q ESCAPE '\\')");
            params.put("q", Like.contains(f.q()));
        }
        if (f.field() != null && !f.field().isBlank()) {
            where.append(" AND t.field = :field");
            params.put("field", f.field());
        }
        if (f.tier() != null && !f.tier().isBlank()) {
            where.append(" AND t.tier = :tier");
            params.put("tier", f.tier());
        }
        if (f.source() != null) {
            where.append(" AND t.source = :source");
            params.put("source", f.source().name());
        }
        if (f.unitId() != null) {
            where.append(" AND t.unit_id = :unit");
            params.put("unit", f.unitId());
        }
        return where.toString();
    }

    private static TalentView view(ResultSet rs) throws SQLException {
        return new TalentView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("name"),
                rs.getString("field"), rs.getString("tier"), Degree.valueOf(rs.getString("degree")), rs.getString("title"),
                rs.getString("employer"), rs.getDate("introduced_on").toLocalDate(),
                TalentSource.valueOf(rs.getString("source")), rs.getString("phone"), rs.getString("id_number"),
                rs.getString("address"), false);
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
