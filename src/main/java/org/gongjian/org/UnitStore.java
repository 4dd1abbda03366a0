package org.gongjian.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/** SQL for the unit table. Every read takes a {@link DataScope} and filters on the materialised path. */
@Repository
class UnitStore {

    private static final String SELECT = """
            SELECT u.id, u.name, u.kind, u.parent_id, u.code, u.path, u.depth,
                   (SELECT COUNT(*) FROM unit c WHERE c.parent_id = u.id) AS child_count
            FROM unit u
            """;

    private final JdbcClient jdbc;

    UnitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UnitView> find(long id, DataScope scope) {
        return jdbc.sql(SELECT + " WHERE u.id = :id AND u.path LIKE :scope")
                .param("id", id).param("scope", scope.likePattern())
                .query(UnitStore::map).optional();
    }

    Optional<UnitView> findUnscoped(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(UnitStore::map).optional();
    }

    Optional<UnitView> findByCode(String code) {
        return jdbc.sql(SELECT + " WHERE u.code = :code").param("code", code).query(UnitStore::map).optional();
    }

    List<UnitView> children(long parentId, DataScope scope) {
        return jdbc.sql(SELECT + " WHERE u.parent_id = :parent AND u.path LIKE :scope ORDER BY CASE WHEN u.kind = 'DEPARTMENT' THEN 1 ELSE 0 END, u.sort_order, u.id")
                .param("parent", parentId).param("scope", scope.likePattern())
                .query(UnitStore::map).list();
    }

    List<UnitView> roots() {
        return jdbc.sql(SELECT + " WHERE u.parent_id IS NULL ORDER BY CASE WHEN u.kind = 'DEPARTMENT' THEN 1 ELSE 0 END, u.sort_order, u.id").query(UnitStore::map).list();
    }

    /** The kind of each given unit (unscoped), in slices of 10,000 ids: a province's units outnumber a statement's parameters. */
    java.util.Map<Long, UnitKind> kinds(java.util.Collection<Long> ids) {
        java.util.Map<Long, UnitKind> kinds = new java.util.HashMap<>();
        column("kind", ids).forEach((id, kind) -> kinds.put(id, UnitKind.valueOf(kind)));
        return kinds;
    }

    /** Each given unit's ancestors' names, its parent first (none for a root or a unit gone). */
    java.util.Map<Long, List<String>> ancestorNames(java.util.Collection<Long> ids) {
        java.util.Map<Long, List<Long>> above = new java.util.HashMap<>();
        column("path", ids).forEach((id, path) -> {
            List<Long> up = new ArrayList<>();
            for (String part : path.split("/")) {
                if (!part.isEmpty() && Long.parseLong(part) != id) {
                    up.add(0, Long.parseLong(part));
                }
            }
            above.put(id, up);
        });
        java.util.Map<Long, String> names = column("name", above.values().stream().flatMap(List::stream).distinct().toList());
        java.util.Map<Long, List<String>> result = new java.util.HashMap<>();
        above.forEach((id, up) -> result.put(id, up.stream().map(names::get).filter(java.util.Objects::nonNull).toList()));
        return result;
    }

    /** One column of the given units, whatever the scope, in one query per 10,000 units. */
    private java.util.Map<Long, String> column(String column, java.util.Collection<Long> ids) {
        java.util.Map<Long, String> values = new java.util.HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 10_000) {
            jdbc.sql("SELECT id, " + column + " FROM unit WHERE id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 10_000)))
                    .query((org.springframework.jdbc.core.RowCallbackHandler)
                            rs -> values.put(rs.getLong(1), rs.getString(2)));
        }
        return values;
    }

    /** Ancestors of a unit from the root down, limited to those the scope may see. */
    List<UnitView> ancestors(UnitView unit, DataScope scope) {
        List<Long> ids = new ArrayList<>();
        for (String part : unit.path().split("/")) {
            if (!part.isEmpty() && Long.parseLong(part) != unit.id()) {
                ids.add(Long.parseLong(part));
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE u.id IN (:ids) AND u.path LIKE :scope ORDER BY u.depth")
                .param("ids", ids).param("scope", scope.likePattern()).query(UnitStore::map).list();
    }

    PageResult<UnitView> search(UnitFilter filter, DataScope scope, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE u.path LIKE :scope");
        var params = new java.util.HashMap<String, Object>();
        params.put("scope", scope.likePattern());
        if (filter.parentId() != null) {
            where.append(" AND u.parent_id = :parent");
            params.put("parent", filter.parentId());
        }
        if (filter.kind() != null) {
            where.append(" AND u.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" AND (u.name LIKE :q ESCAPE '\\' OR u.code LIKE :q ESCAPE '\\')");
            params.put("q", Like.contains(filter.q()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM unit u" + where).params(params).query(Long.class).single();
        List<UnitView> items = jdbc.sql(SELECT + where + " ORDER BY u.depth, u.sort_order, u.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(UnitStore::map).list();
        return PageResult.of(items, total, page);
    }

    long insert(String name, UnitKind kind, @Nullable UnitView parent, String code, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO unit (name, kind, parent_id, code, path, depth, sort_order, created_at)
                VALUES (:name, :kind, :parent, :code, '', :depth, 0, :now)""")
                .param("name", name).param("kind", kind.name())
                .param("parent", parent == null ? null : parent.id(), java.sql.Types.BIGINT)
                .param("code", code).param("depth", parent == null ? 0 : parent.depth() + 1)
                .param("now", java.sql.Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.sql("UPDATE unit SET path = :path, sort_order = :id WHERE id = :id")
                .param("path", path).param("id", id).update();
        return id;
    }

    void update(long id, String name, UnitKind kind, String code) {
        jdbc.sql("UPDATE unit SET name = :name, kind = :kind, code = :code WHERE id = :id")
                .param("name", name).param("kind", kind.name()).param("code", code).param("id", id).update();
    }

    /** Re-hangs a unit and rewrites the paths of its whole subtree in one statement. */
    void move(UnitView unit, UnitView newParent) {
        String newPath = newParent.path() + unit.id() + "/";
        int depthShift = newParent.depth() + 1 - unit.depth();
        jdbc.sql("""
                UPDATE unit SET path = :newPath || SUBSTRING(path, :cut), depth = depth + :shift
                WHERE path LIKE :oldLike""")
                .param("newPath", newPath).param("cut", unit.path().length() + 1)
                .param("shift", depthShift).param("oldLike", unit.path() + "%").update();
        jdbc.sql("UPDATE unit SET parent_id = :parent WHERE id = :id")
                .param("parent", newParent.id()).param("id", unit.id()).update();
    }

    private static UnitView map(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new UnitView(rs.getLong("id"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")),
                parentId, rs.getString("code"), rs.getString("path"), rs.getInt("depth"),
                rs.getInt("child_count"));
    }

    record UnitFilter(@Nullable Long parentId, @Nullable UnitKind kind, @Nullable String q) {}
}
