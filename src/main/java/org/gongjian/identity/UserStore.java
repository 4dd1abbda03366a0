package org.gongjian.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongjian.shared.Like;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for users, their roles, failed-login counters and API tokens. */
@Repository
class UserStore {

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record UserRow(long id, String username, String passwordHash, @Nullable Long personId, @Nullable Long scopeUnitId,
                   @Nullable String scopePath, boolean enabled,
                   Set<Role> roles, @Nullable String email, boolean mustChangePassword,
                   @Nullable Instant passwordChangedAt, @Nullable Instant lastLoginAt) {

        CurrentUser toCurrentUser() {
            return new CurrentUser(id, username, personId, scopeUnitId, roles);
        }

        /** An initial or reset password, or one older than the maximum age (when one is set), must be changed now. */
        boolean passwordChangeDue(Instant now, java.time.@Nullable Duration maxAge) {
            return mustChangePassword || (maxAge != null && !maxAge.isZero() && passwordChangedAt != null
                    && passwordChangedAt.plus(maxAge).isBefore(now));
        }
    }

    private static final String SELECT = """
            SELECT a.id, a.username, a.password_hash, a.person_id, a.scope_unit_id, a.enabled,
                   a.email, a.must_change_password, a.password_changed_at, a.last_login_at,
                   u.path AS scope_path
            FROM app_user a LEFT JOIN unit u ON u.id = a.scope_unit_id
            """;

    Optional<UserRow> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE a.username = :username").param("username", username)
                .query(this::map).optional();
    }

    Optional<UserRow> findById(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(this::map).optional();
    }

    /** Users whose own scope lies inside the given path (a system-wide admin's path is "/"). */
    PageResult<UserRow> search(String scopePath, boolean includeGlobal, @Nullable String q, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE (u.path LIKE :scope");
        where.append(includeGlobal ? " OR a.scope_unit_id IS NULL)" : ")");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", scopePath + "%");
        if (q != null && !q.isBlank()) {
            where.append(" AND a.username LIKE :q ESCAPE '\\'");
            params.put("q", Like.contains(q));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM app_user a LEFT JOIN unit u ON u.id = a.scope_unit_id" + where)
                .params(params).query(Long.class).single();
        List<UserRow> items = jdbc.sql(SELECT + where + " ORDER BY a.username LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(this::map).list();
        return PageResult.of(items, total, page);
    }

    /**
     * Users in scope the login throttle holds back now: at least {@code failures} failed logins since {@code since}
     * (for the security administrator's policy page; nothing locks an account any more).
     */
    List<UserRow> throttled(String scopePath, boolean includeGlobal, Instant since, int failures) {
        return jdbc.sql(SELECT + " WHERE (u.path LIKE :scope" + (includeGlobal ? " OR a.scope_unit_id IS NULL)" : ")")
                        + " AND LOWER(a.username) IN (SELECT f.username FROM login_failure f WHERE f.failed_at > :since"
                        + " GROUP BY f.username HAVING COUNT(*) >= :failures) ORDER BY a.username LIMIT 200")
                .param("scope", scopePath + "%").param("since", Timestamp.from(since)).param("failures", failures)
                .query(this::map).list();
    }

    /** How many enabled accounts hold each role. */
    Map<Role, Long> holders() {
        Map<Role, Long> counts = new java.util.EnumMap<>(Role.class);
        jdbc.sql("SELECT r.role, COUNT(*) AS n FROM user_role r JOIN app_user a ON a.id = r.user_id WHERE a.enabled = TRUE GROUP BY r.role")
                .query((rs, n) -> Map.entry(rs.getString("role"), rs.getLong("n"))).list()
                .forEach(e -> counts.put(Role.valueOf(e.getKey()), e.getValue()));
        return counts;
    }

    boolean anyUser() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single() > 0;
    }

    long insert(String username, String passwordHash, @Nullable Long personId, @Nullable Long scopeUnitId,
                Set<Role> roles, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, person_id, scope_unit_id, enabled, created_at,
                                      password_changed_at)
                VALUES (:username, :hash, :person, :scope, TRUE, :now, :now)""")
                .param("username", username).param("hash", passwordHash)
                .param("person", personId, Types.BIGINT).param("scope", scopeUnitId, Types.BIGINT)
                .param("now", Timestamp.from(now)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
        return id;
    }

    /** Replaces the user's roles; their API tokens end, so the new roles apply at once. */
    void setRoles(long id, Set<Role> roles) {
        jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", id).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
        jdbc.sql("DELETE FROM api_token WHERE user_id = :id").param("id", id).update();
    }

    void setEmail(long id, @Nullable String email) {
        jdbc.sql("UPDATE app_user SET email = :email WHERE id = :id").param("email", email, Types.VARCHAR)
                .param("id", id).update();
    }

    /** Enabled users among the ids, with their email address when they have one. */
    List<UserContact> contacts(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, username, email FROM app_user WHERE enabled = TRUE AND id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query((rs, n) -> new UserContact(rs.getLong("id"), rs.getString("username"), rs.getString("email")))
                .list();
    }

    /**
     * Enabled users holding any of the roles whose scope unit is the unit or whose cadre currently holds a position
     * in it, with their contacts: one statement (a notification to a unit, issue #18).
     */
    List<UserContact> contactsInUnit(long unitId, Set<Role> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT a.id, a.username, a.email FROM app_user a
                WHERE a.enabled = TRUE
                  AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = a.id AND r.role IN (:roles))
                  AND (a.scope_unit_id = :unit OR a.person_id IN (
                        SELECT p.person_id FROM person_position p WHERE p.unit_id = :unit AND p.ended_on IS NULL))
                ORDER BY a.id""")
                .param("roles", roles.stream().map(Role::name).toList()).param("unit", unitId)
                .query((rs, n) -> new UserContact(rs.getLong("id"), rs.getString("username"), rs.getString("email")))
                .list();
    }

    List<Long> idsOfPerson(long personId) {
        return jdbc.sql("SELECT id FROM app_user WHERE enabled = TRUE AND person_id = :person ORDER BY id")
                .param("person", personId).query(Long.class).list();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = :enabled WHERE id = :id").param("enabled", enabled).param("id", id).update();
    }

    /**
     * Sets a new password and keeps the old one's hash in the history. {@code mustChange}: an administrator's reset,
     * which the user must replace at the next login.
     */
    void setPassword(long id, String hash, boolean mustChange, Instant now) {
        jdbc.sql("""
                INSERT INTO password_history (user_id, password_hash, changed_at)
                SELECT id, password_hash, :now FROM app_user WHERE id = :id""")
                .param("id", id).param("now", Timestamp.from(now)).update();
        jdbc.sql("""
                UPDATE app_user SET password_hash = :hash, must_change_password = :must, password_changed_at = :now
                WHERE id = :id""")
                .param("hash", hash).param("must", mustChange).param("now", Timestamp.from(now)).param("id", id).update();
        // A new password ends every API token issued under the old one.
        jdbc.sql("DELETE FROM api_token WHERE user_id = :id").param("id", id).update();
    }

    /** A new user's password is an initial one, handed over by an administrator: to be changed at first login. */
    void requirePasswordChange(long id) {
        jdbc.sql("UPDATE app_user SET must_change_password = TRUE WHERE id = :id").param("id", id).update();
    }

    /** The hashes of the user's last {@code count} earlier passwords, newest first. */
    List<String> passwordHistory(long id, int count) {
        return jdbc.sql("SELECT password_hash FROM password_history WHERE user_id = :id ORDER BY changed_at DESC, id DESC LIMIT :n")
                .param("id", id).param("n", count).query(String.class).list();
    }

    record LastLogin(Instant at, @Nullable String address) {}

    /** Records this login and returns the one before it, if any. */
    Optional<LastLogin> recordLogin(long id, Instant now, String address) {
        Optional<LastLogin> previous = jdbc.sql("SELECT last_login_at, last_login_address FROM app_user WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("last_login_at");
                    return at == null ? null : new LastLogin(at.toInstant(), rs.getString("last_login_address"));
                }).optional();
        jdbc.sql("UPDATE app_user SET last_login_at = :now, last_login_address = :address WHERE id = :id")
                .param("now", Timestamp.from(now)).param("address", address).param("id", id).update();
        return previous;
    }

    /** Enabled users in scope whose last login (or creation, when they never logged in) is before the cutoff. */
    List<UserRow> dormant(String scopePath, boolean includeGlobal, Instant cutoff, int limit) {
        return jdbc.sql(SELECT + " WHERE (u.path LIKE :scope" + (includeGlobal ? " OR a.scope_unit_id IS NULL)" : ")")
                        + " AND a.enabled = TRUE AND COALESCE(a.last_login_at, a.created_at) < :cutoff"
                        + " ORDER BY COALESCE(a.last_login_at, a.created_at), a.username LIMIT :limit")
                .param("scope", scopePath + "%").param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .query(this::map).list();
    }

    /** Ends one API token of the user (the one they are calling with). */
    boolean deleteToken(String tokenHash, long userId) {
        return jdbc.sql("DELETE FROM api_token WHERE token_hash = :hash AND user_id = :user")
                .param("hash", tokenHash).param("user", userId).update() > 0;
    }

    void insertToken(String tokenHash, long userId, Instant expiresAt, Instant now) {
        jdbc.sql("INSERT INTO api_token (token_hash, user_id, expires_at, created_at) VALUES (:hash, :user, :expires, :now)")
                .param("hash", tokenHash).param("user", userId)
                .param("expires", Timestamp.from(expiresAt)).param("now", Timestamp.from(now)).update();
    }

    /**
     * The enabled user of an unexpired token with their roles, in one statement over the token's primary key (one row
     * per role; a user without roles gives one row with a null role). Every API request runs it, so it is a single
     * round trip in autocommit: no transaction, no second read of the user or the roles.
     */
    Optional<UserRow> userForToken(String tokenHash, Instant now) {
        return jdbc.sql("""
                SELECT a.id, a.username, a.password_hash, a.person_id, a.scope_unit_id, a.enabled,
                       a.email, a.must_change_password, a.password_changed_at, a.last_login_at,
                       u.path AS scope_path, r.role
                FROM api_token t
                JOIN app_user a ON a.id = t.user_id
                LEFT JOIN unit u ON u.id = a.scope_unit_id
                LEFT JOIN user_role r ON r.user_id = a.id
                WHERE t.token_hash = :hash AND t.expires_at > :now AND a.enabled = TRUE""")
                .param("hash", tokenHash).param("now", Timestamp.from(now))
                .query(rs -> {
                    UserRow user = null;
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    while (rs.next()) {
                        if (user == null) {
                            user = map(rs, roles);
                        }
                        String role = rs.getString("role");
                        if (role != null) {
                            roles.add(Role.valueOf(role));
                        }
                    }
                    return Optional.ofNullable(user);
                });
    }

    private UserRow map(ResultSet rs, int row) throws SQLException {
        return map(rs, roles(rs.getLong("id")));
    }

    private UserRow map(ResultSet rs, Set<Role> roles) throws SQLException {
        long id = rs.getLong("id");
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        long scope = rs.getLong("scope_unit_id");
        Long scopeId = rs.wasNull() ? null : scope;
        Timestamp changed = rs.getTimestamp("password_changed_at");
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        return new UserRow(id, rs.getString("username"), rs.getString("password_hash"), personId, scopeId,
                rs.getString("scope_path"), rs.getBoolean("enabled"), roles, rs.getString("email"),
                rs.getBoolean("must_change_password"), changed == null ? null : changed.toInstant(),
                lastLogin == null ? null : lastLogin.toInstant());
    }

    private Set<Role> roles(long userId) {
        List<String> names = jdbc.sql("SELECT role FROM user_role WHERE user_id = :id").param("id", userId)
                .query(String.class).list();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }
}
