package org.gongjian.pledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for pledges, their versions and signatures. A pledge is in scope when its unit is. */
@Repository
class PledgeStore {

    private final JdbcClient jdbc;

    PledgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record PledgeRecord(long id, long campaignId, long unitId, String unitName) {}

    record VersionRecord(long id, long pledgeId, int versionNo, PledgeStatus status, String contentJson,
                         @Nullable String contentHash, @Nullable String previousHash, @Nullable String chainHash,
                         @Nullable String amendmentReason, Instant createdAt, String createdBy,
                         @Nullable Instant signedAt, int lockVersion, @Nullable String chainKeyId) {}

    record SignatureRecord(long id, long versionId, SignatureRole role, long userId, String signerName,
                           Instant signedAt, @Nullable String clientAddress, String contentHash) {}

    record Template(String issuerName, String commitments, String rewards, String penalties) {}

    Optional<PledgeRecord> find(long id, DataScope scope) {
        return jdbc.sql("""
                SELECT p.id, p.campaign_id, p.unit_id, u.name FROM pledge p JOIN org_unit_path u ON u.unit_id = p.unit_id
                WHERE p.id = :id AND u.path LIKE :scope""")
                .param("id", id).param("scope", scope.likePattern())
                .query((rs, n) -> new PledgeRecord(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .optional();
    }

    List<PledgeRecord> forCampaign(long campaignId, DataScope scope) {
        return jdbc.sql("""
                SELECT p.id, p.campaign_id, p.unit_id, u.name FROM pledge p JOIN org_unit_path u ON u.unit_id = p.unit_id
                WHERE p.campaign_id = :campaign AND u.path LIKE :scope ORDER BY u.path""")
                .param("campaign", campaignId).param("scope", scope.likePattern())
                .query((rs, n) -> new PledgeRecord(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .list();
    }

    boolean exists(long campaignId, long unitId) {
        return jdbc.sql("SELECT COUNT(*) FROM pledge WHERE campaign_id = :c AND unit_id = :u")
                .param("c", campaignId).param("u", unitId).query(Long.class).single() > 0;
    }

    long insertPledge(long campaignId, long unitId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO pledge (campaign_id, unit_id, created_at) VALUES (:c, :u, :now)")
                .param("c", campaignId).param("u", unitId).param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    long insertVersion(long pledgeId, int versionNo, String contentJson, @Nullable String reason, String by, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO pledge_version (pledge_id, version_no, status, content_json, amendment_reason, created_at,
                    created_by, lock_version)
                VALUES (:pledge, :no, 'DRAFT', :json, :reason, :now, :by, 0)""")
                .param("pledge", pledgeId).param("no", versionNo).param("json", contentJson)
                .param("reason", reason, Types.VARCHAR).param("now", Timestamp.from(now)).param("by", by)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<VersionRecord> versions(long pledgeId) {
        return jdbc.sql("SELECT * FROM pledge_version WHERE pledge_id = :id ORDER BY version_no")
                .param("id", pledgeId).query(PledgeStore::version).list();
    }

    VersionRecord current(long pledgeId) {
        return jdbc.sql("SELECT * FROM pledge_version WHERE pledge_id = :id ORDER BY version_no DESC LIMIT 1")
                .param("id", pledgeId).query(PledgeStore::version).single();
    }

    /** Only an unsigned draft's text may change; the WHERE clause makes that true even against a race. */
    boolean replaceDraftContent(long versionId, int lockVersion, String contentJson) {
        return jdbc.sql("""
                UPDATE pledge_version SET content_json = :json, lock_version = lock_version + 1
                WHERE id = :id AND lock_version = :lock AND status = 'DRAFT'""")
                .param("json", contentJson).param("id", versionId).param("lock", lockVersion).update() == 1;
    }

    boolean advance(long versionId, int lockVersion, PledgeStatus from, PledgeStatus to, String contentHash,
                    @Nullable String previousHash, @Nullable String chainHash, @Nullable Instant signedAt,
                    @Nullable String chainKeyId) {
        return jdbc.sql("""
                UPDATE pledge_version SET status = :to, content_hash = :hash, previous_hash = :prev, chain_hash = :chain,
                    chain_key_id = :key, signed_at = :signed, lock_version = lock_version + 1
                WHERE id = :id AND lock_version = :lock AND status = :from""")
                .param("to", to.name()).param("hash", contentHash).param("prev", previousHash, Types.VARCHAR)
                .param("chain", chainHash, Types.VARCHAR).param("key", chainKeyId, Types.VARCHAR)
                .param("signed", signedAt == null ? null : Timestamp.from(signedAt), Types.TIMESTAMP)
                .param("id", versionId).param("lock", lockVersion).param("from", from.name()).update() == 1;
    }

    void supersede(long versionId) {
        jdbc.sql("UPDATE pledge_version SET status = 'SUPERSEDED' WHERE id = :id AND status = 'SIGNED'")
                .param("id", versionId).update();
    }

    void insertSignature(long versionId, SignatureRole role, long userId, String signerName, Instant at,
                         @Nullable String address, String contentHash) {
        jdbc.sql("""
                INSERT INTO pledge_signature (pledge_version_id, role, user_id, signer_name, signed_at, client_address, content_hash)
                VALUES (:v, :role, :user, :name, :at, :addr, :hash)""")
                .param("v", versionId).param("role", role.name()).param("user", userId).param("name", signerName)
                .param("at", Timestamp.from(at)).param("addr", address, Types.VARCHAR).param("hash", contentHash)
                .update();
    }

    List<SignatureRecord> signatures(long versionId) {
        return jdbc.sql("SELECT * FROM pledge_signature WHERE pledge_version_id = :v ORDER BY signed_at, id")
                .param("v", versionId)
                .query((rs, n) -> new SignatureRecord(rs.getLong("id"), rs.getLong("pledge_version_id"),
                        SignatureRole.valueOf(rs.getString("role")), rs.getLong("user_id"), rs.getString("signer_name"),
                        rs.getTimestamp("signed_at").toInstant(), rs.getString("client_address"),
                        rs.getString("content_hash"))).list();
    }

    Optional<Template> template(long campaignId) {
        return jdbc.sql("SELECT issuer_name, commitments, rewards, penalties FROM pledge_template WHERE campaign_id = :c")
                .param("c", campaignId)
                .query((rs, n) -> new Template(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    void saveTemplate(long campaignId, Template t) {
        int updated = jdbc.sql("""
                UPDATE pledge_template SET issuer_name = :issuer, commitments = :c, rewards = :r, penalties = :p
                WHERE campaign_id = :id""")
                .param("issuer", t.issuerName()).param("c", t.commitments()).param("r", t.rewards())
                .param("p", t.penalties()).param("id", campaignId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO pledge_template (campaign_id, issuer_name, commitments, rewards, penalties)
                    VALUES (:id, :issuer, :c, :r, :p)""")
                    .param("issuer", t.issuerName()).param("c", t.commitments()).param("r", t.rewards())
                    .param("p", t.penalties()).param("id", campaignId).update();
        }
    }

    /**
     * Signed versions (current or superseded) of pledges in a campaign that name this task, newest first. Two
     * versions can share a signing instant (a pinned clock, a fast amendment), so the version number breaks the tie.
     */
    /** Re-links a legacy (unkeyed) signed version with its keyed hash (start-up, once). */
    void relink(long versionId, @Nullable String previousHash, String chainHash, String keyId) {
        jdbc.sql("UPDATE pledge_version SET previous_hash = :prev, chain_hash = :chain, chain_key_id = :key WHERE id = :id")
                .param("prev", previousHash, Types.VARCHAR).param("chain", chainHash).param("key", keyId)
                .param("id", versionId).update();
    }

    /** Pledges with at least one chained (signed) version. */
    List<Long> chainedPledges() {
        return jdbc.sql("SELECT DISTINCT pledge_id FROM pledge_version WHERE chain_hash IS NOT NULL OR status IN ('SIGNED', 'SUPERSEDED') ORDER BY pledge_id")
                .query(Long.class).list();
    }

    /** Pledges with a signed version whose link is unkeyed (legacy). */
    List<Long> pledgesWithLegacyLinks() {
        return jdbc.sql("SELECT DISTINCT pledge_id FROM pledge_version WHERE chain_hash IS NOT NULL AND chain_key_id IS NULL ORDER BY pledge_id")
                .query(Long.class).list();
    }

    /** Every link of every pledge's chain (pledge, version number, hash, key id), for the anchors. */
    List<org.gongjian.shared.ChainLink> links() {
        return jdbc.sql("SELECT pledge_id, version_no, chain_hash, chain_key_id FROM pledge_version WHERE chain_hash IS NOT NULL ORDER BY pledge_id, version_no")
                .query((rs, n) -> new org.gongjian.shared.ChainLink("pledge", rs.getLong(1), rs.getInt(2),
                        rs.getString(3), rs.getString(4))).list();
    }

    List<VersionRecord> signedVersionsNaming(long taskId) {
        return jdbc.sql("""
                SELECT v.* FROM pledge_version v WHERE v.status IN ('SIGNED', 'SUPERSEDED')
                AND v.content_json LIKE :needle ORDER BY v.signed_at DESC, v.version_no DESC, v.id DESC""")
                .param("needle", "%\"taskId\":" + taskId + ",%").query(PledgeStore::version).list();
    }

    private static VersionRecord version(ResultSet rs, int n) throws SQLException {
        Timestamp signed = rs.getTimestamp("signed_at");
        return new VersionRecord(rs.getLong("id"), rs.getLong("pledge_id"), rs.getInt("version_no"),
                PledgeStatus.valueOf(rs.getString("status")), rs.getString("content_json"), rs.getString("content_hash"),
                rs.getString("previous_hash"), rs.getString("chain_hash"), rs.getString("amendment_reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                signed == null ? null : signed.toInstant(), rs.getInt("lock_version"), rs.getString("chain_key_id"));
    }
}
