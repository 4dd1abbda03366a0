package org.gongjian.org;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongjian.shared.DataScope;
import org.gongjian.shared.Like;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for people and their positions. A person is in scope when the unit of the current position is. */
@Repository
class PersonStore {

    private static final String SELECT = """
            SELECT p.id, p.name, p.gender, pp.unit_id, u.name AS unit_name, pp.title, pp.deputy, pp.started_on
            FROM person p
            JOIN person_position pp ON pp.person_id = p.id AND pp.ended_on IS NULL
            JOIN unit u ON u.id = pp.unit_id
            """;

    private final JdbcClient jdbc;

    PersonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PersonView> find(long id, DataScope scope) {
        return jdbc.sql(SELECT + " WHERE p.id = :id AND u.path LIKE :scope")
                .param("id", id).param("scope", scope.likePattern()).query(PersonStore::map).optional();
    }

    Optional<PersonView> findUnscoped(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(PersonStore::map).optional();
    }

    PageResult<PersonView> search(@Nullable Long unitId, boolean includeSubunits, @Nullable String q,
                                  DataScope scope, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE u.path LIKE :scope");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", scope.likePattern());
        if (unitId != null && includeSubunits) {
            where.append(" AND u.path LIKE (SELECT s.path FROM unit s WHERE s.id = :unit) || '%'");
            params.put("unit", unitId);
        } else if (unitId != null) {
            where.append(" AND pp.unit_id = :unit");
            params.put("unit", unitId);
        }
        if (q != null && !q.isBlank()) {
            where.append(" AND (p.name LIKE :q ESCAPE '\\' OR pp.title LIKE :q ESCAPE '\\' OR u.name LIKE :q ESCAPE '\\')");
            params.put("q", Like.contains(q));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM person p JOIN person_position pp ON pp.person_id = p.id"
                        + " AND pp.ended_on IS NULL JOIN unit u ON u.id = pp.unit_id" + where)
                .params(params).query(Long.class).single();
        List<PersonView> items = jdbc.sql(SELECT + where
                        + " ORDER BY u.path, pp.deputy, p.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(PersonStore::map).list();
        return PageResult.of(items, total, page);
    }

    long insert(String name, @Nullable String gender, long unitId, String title, boolean deputy,
                @Nullable LocalDate since, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO person (name, gender, created_at) VALUES (:name, :gender, :now)")
                .param("name", name).param("gender", gender, java.sql.Types.VARCHAR)
                .param("now", Timestamp.from(now)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("""
                INSERT INTO person_position (person_id, unit_id, title, deputy, started_on)
                VALUES (:person, :unit, :title, :deputy, :since)""")
                .param("person", id).param("unit", unitId).param("title", title).param("deputy", deputy)
                .param("since", since == null ? null : Date.valueOf(since), java.sql.Types.DATE).update();
        return id;
    }

    /** Closes the person's current positions the day before {@code on} and opens the new one from {@code on}. */
    void move(long personId, long unitId, String title, boolean deputy, LocalDate on) {
        jdbc.sql("UPDATE person_position SET ended_on = :end WHERE person_id = :person AND ended_on IS NULL")
                .param("end", Date.valueOf(on.minusDays(1))).param("person", personId).update();
        jdbc.sql("""
                INSERT INTO person_position (person_id, unit_id, title, deputy, started_on)
                VALUES (:person, :unit, :title, :deputy, :since)""")
                .param("person", personId).param("unit", unitId).param("title", title).param("deputy", deputy)
                .param("since", Date.valueOf(on)).update();
    }

    /** Every position the person held, newest first: {@code {unitId, unitName, title, deputy, startedOn, endedOn}}. */
    List<OrgService.Position> positions(long personId) {
        return jdbc.sql("""
                SELECT pp.unit_id, u.name, pp.title, pp.deputy, pp.started_on, pp.ended_on
                FROM person_position pp JOIN unit u ON u.id = pp.unit_id
                WHERE pp.person_id = :person ORDER BY pp.started_on DESC NULLS LAST, pp.id DESC""")
                .param("person", personId)
                .query((rs, n) -> new OrgService.Position(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
                        rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate())).list();
    }

    private static PersonView map(ResultSet rs, int row) throws SQLException {
        Date since = rs.getDate("started_on");
        return new PersonView(rs.getLong("id"), rs.getString("name"), rs.getString("gender"),
                rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("title"),
                rs.getBoolean("deputy"), since == null ? null : since.toLocalDate());
    }
}
