package org.gongjian.deployment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for rotations and handovers. A rotation is in scope when the post the person leaves is. */
@Repository
class RotationStore {

    private static final String SELECT = """
            SELECT r.*, fu.name AS from_unit_name, tu.name AS to_unit_name,
                   (SELECT MAX(p.name) FROM org_person p WHERE p.person_id = r.person_id) AS person_name,
                   (SELECT MAX(p.name) FROM org_person p WHERE p.person_id = r.successor_person_id) AS successor_name
            FROM rotation r
            JOIN org_unit_path fu ON fu.unit_id = r.from_unit_id
            LEFT JOIN org_unit_path tu ON tu.unit_id = r.to_unit_id
            """;

    private final JdbcClient jdbc;

    RotationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewRotation(long personId, long fromUnitId, String fromTitle, long successorId, @Nullable Long toUnitId,
                       @Nullable String toTitle, boolean successorTakesPost, LocalDate effective, String reason,
                       String by, Instant at) {}

    long insert(NewRotation r) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rotation (person_id, from_unit_id, from_title, successor_person_id, to_unit_id, to_title,
                    successor_takes_post, effective_date, reason, status, drafted_by, drafted_at, version)
                VALUES (:p, :fu, :ft, :s, :tu, :tt, :takes, :eff, :reason, 'DRAFT', :by, :at, 0)""")
                .param("p", r.personId()).param("fu", r.fromUnitId()).param("ft", r.fromTitle())
                .param("s", r.successorId()).param("tu", r.toUnitId(), Types.BIGINT).param("tt", r.toTitle(), Types.VARCHAR)
                .param("takes", r.successorTakesPost()).param("eff", Date.valueOf(r.effective()))
                .param("reason", r.reason()).param("by", r.by()).param("at", Timestamp.from(r.at())).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean advance(long id, int version, RotationStatus from, RotationStatus to, @Nullable String by, Instant at) {
        String column = to == RotationStatus.APPROVED ? ", approved_by = :by, approved_at = :at"
                : to == RotationStatus.EFFECTIVE ? ", executed_at = :at" : "";
        var sql = jdbc.sql("UPDATE rotation SET status = :to, version = version + 1" + column
                        + " WHERE id = :id AND version = :v AND status = :from")
                .param("to", to.name()).param("id", id).param("v", version).param("from", from.name());
        if (to == RotationStatus.APPROVED) {
            sql = sql.param("by", by).param("at", Timestamp.from(at));
        } else if (to == RotationStatus.EFFECTIVE) {
            sql = sql.param("at", Timestamp.from(at));
        }
        return sql.update() == 1;
    }

    Optional<RotationView> find(long id, DataScope scope) {
        return jdbc.sql(SELECT + " WHERE r.id = :id AND fu.path LIKE :scope").param("id", id)
                .param("scope", scope.likePattern()).query(RotationStore::map).optional().map(this::withHandover);
    }

    List<RotationView> page(@Nullable RotationStatus status, DataScope scope, PageQuery page) {
        return jdbc.sql(SELECT + " WHERE fu.path LIKE :scope AND (CAST(:status AS VARCHAR(20)) IS NULL OR r.status = :status)"
                        + " ORDER BY r.effective_date DESC, r.id DESC LIMIT :limit OFFSET :offset")
                .param("scope", scope.likePattern()).param("status", status == null ? null : status.name(), Types.VARCHAR)
                .param("limit", page.size()).param("offset", page.offset()).query(RotationStore::map).list();
    }

    long count(@Nullable RotationStatus status, DataScope scope) {
        return jdbc.sql("SELECT COUNT(*) FROM rotation r JOIN org_unit_path fu ON fu.unit_id = r.from_unit_id"
                        + " WHERE fu.path LIKE :scope AND (CAST(:status AS VARCHAR(20)) IS NULL OR r.status = :status)")
                .param("scope", scope.likePattern()).param("status", status == null ? null : status.name(), Types.VARCHAR)
                .query(Long.class).single();
    }

    /** Approved rotations whose date has come (the daily job carries them out). */
    List<Long> due(LocalDate today) {
        return jdbc.sql("SELECT id FROM rotation WHERE status = 'APPROVED' AND effective_date <= :d ORDER BY effective_date, id")
                .param("d", Date.valueOf(today)).query(Long.class).list();
    }

    /** Rotations in which the person is outgoing or incoming (any state but cancelled), newest first. */
    List<RotationView> ofPerson(long personId) {
        return jdbc.sql(SELECT + " WHERE (r.person_id = :p OR r.successor_person_id = :p) AND r.status <> 'CANCELLED'"
                        + " ORDER BY r.effective_date DESC").param("p", personId).query(RotationStore::map).list()
                .stream().map(this::withHandover).toList();
    }

    boolean pending(long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM rotation WHERE person_id = :p AND status IN ('DRAFT', 'APPROVED')")
                .param("p", personId).query(Long.class).single() > 0;
    }

    void transfer(long rotationId, String kind, List<Long> refs) {
        for (long ref : refs) {
            jdbc.sql("INSERT INTO rotation_transfer (rotation_id, kind, ref_id) VALUES (:r, :k, :ref)")
                    .param("r", rotationId).param("k", kind).param("ref", ref).update();
        }
    }

    // --- handover ------------------------------------------------------------------------------------------------

    void insertHandover(long rotationId, String json, String hash, Instant at) {
        jdbc.sql("INSERT INTO handover (rotation_id, content_json, content_hash, created_at) VALUES (:r, :j, :h, :at)")
                .param("r", rotationId).param("j", json).param("h", hash).param("at", Timestamp.from(at)).update();
    }

    record StoredHandover(String json, String hash, @Nullable String seal) {}

    Optional<StoredHandover> handover(long rotationId) {
        return jdbc.sql("SELECT content_json, content_hash, seal_hash FROM handover WHERE rotation_id = :r")
                .param("r", rotationId).query((rs, n) -> new StoredHandover(rs.getString(1), rs.getString(2),
                        rs.getString(3))).optional();
    }

    void insertSignature(long rotationId, RotationView.HandoverRole role, long userId, String name, Instant at,
                         @Nullable String address, String hash) {
        jdbc.sql("""
                INSERT INTO handover_signature (rotation_id, role, user_id, signer_name, signed_at, client_address, content_hash)
                VALUES (:r, :role, :u, :name, :at, :addr, :h)""")
                .param("r", rotationId).param("role", role.name()).param("u", userId).param("name", name)
                .param("at", Timestamp.from(at)).param("addr", address, Types.VARCHAR).param("h", hash).update();
    }

    List<RotationView.Signature> signatures(long rotationId) {
        return jdbc.sql("""
                SELECT role, user_id, signer_name, signed_at, content_hash FROM handover_signature
                WHERE rotation_id = :r ORDER BY signed_at, role""").param("r", rotationId)
                .query((rs, n) -> new RotationView.Signature(RotationView.HandoverRole.valueOf(rs.getString(1)),
                        rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
    }

    boolean seal(long rotationId, String seal, Instant at) {
        return jdbc.sql("UPDATE handover SET seal_hash = :s, sealed_at = :at WHERE rotation_id = :r AND seal_hash IS NULL")
                .param("s", seal).param("at", Timestamp.from(at)).param("r", rotationId).update() == 1;
    }

    private RotationView withHandover(RotationView r) {
        return r.withHandover(jdbc.sql("SELECT content_json, content_hash, seal_hash, sealed_at FROM handover WHERE rotation_id = :r")
                .param("r", r.id())
                .query((rs, n) -> new RotationView.Handover(CanonicalJson.read(rs.getString(1), HandoverContent.class),
                        rs.getString(2), signatures(r.id()), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional().orElse(null));
    }

    static RotationView map(ResultSet rs, int n) throws SQLException {
        Timestamp approved = rs.getTimestamp("approved_at");
        Timestamp executed = rs.getTimestamp("executed_at");
        return new RotationView(rs.getLong("id"), rs.getLong("person_id"), String.valueOf(rs.getString("person_name")),
                rs.getLong("from_unit_id"), rs.getString("from_unit_name"), rs.getString("from_title"),
                rs.getLong("successor_person_id"), String.valueOf(rs.getString("successor_name")),
                DeploymentStore.nullableLong(rs, "to_unit_id"), rs.getString("to_unit_name"), rs.getString("to_title"),
                rs.getBoolean("successor_takes_post"), rs.getDate("effective_date").toLocalDate(), rs.getString("reason"),
                RotationStatus.valueOf(rs.getString("status")), rs.getString("drafted_by"), rs.getString("approved_by"),
                approved == null ? null : approved.toInstant(), executed == null ? null : executed.toInstant(),
                rs.getInt("version"), null);
    }
}
