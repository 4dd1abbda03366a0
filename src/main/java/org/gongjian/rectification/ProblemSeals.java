package org.gongjian.rectification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.ChainKeys;
import org.gongjian.shared.Conflict;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The per-campaign hash chain of sign-offs (its SQL and the sealing); runs in the signing transaction. */
@Component
class ProblemSeals {

    private final JdbcClient jdbc;
    private final ChainKeys keys;

    ProblemSeals(JdbcClient jdbc, ChainKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    ChainKeys keys() {
        return keys;
    }

    void seal(long campaignId, long problemId, String json, Instant at) {
        String hash = CanonicalJson.sha256(json);
        Optional<ProblemChain.Seal> last = last(campaignId);
        String previous = last.map(ProblemChain.Seal::chainHash).orElse(CanonicalJson.GENESIS);
        int seq = last.map(s -> s.seq() + 1).orElse(1);
        try {
            jdbc.sql("""
                    INSERT INTO rectification_seal (campaign_id, chain_seq, problem_id, content_json, content_hash,
                        previous_hash, chain_hash, chain_key_id, sealed_at)
                    VALUES (:c, :seq, :p, :json, :hash, :previous, :chain, :key, :at)""")
                    .param("c", campaignId).param("seq", seq).param("p", problemId).param("json", json)
                    .param("hash", hash).param("previous", previous).param("chain", ProblemChain.link(keys, keys.currentKeyId(), previous, hash))
                    .param("key", keys.currentKeyId())
                    .param("at", Timestamp.from(at)).update();
        } catch (DuplicateKeyException e) {
            throw new Conflict("problem.chain-busy", "同一攻坚行动的另一个问题正在销号，请稍后重试");
        }
    }

    /** Re-links a campaign's legacy (unkeyed) chain under the current key; returns the links re-linked. */
    int relink(List<ProblemChain.Seal> chain) {
        String key = keys.currentKeyId();
        String previous = CanonicalJson.GENESIS;
        for (ProblemChain.Seal s : chain) {
            String link = ProblemChain.link(keys, key, previous, s.contentHash());
            jdbc.sql("UPDATE rectification_seal SET previous_hash = :previous, chain_hash = :chain, chain_key_id = :key WHERE id = :id")
                    .param("previous", previous).param("chain", link).param("key", key).param("id", s.id()).update();
            previous = link;
        }
        return chain.size();
    }

    List<Long> chainedCampaigns() {
        return jdbc.sql("SELECT DISTINCT campaign_id FROM rectification_seal ORDER BY campaign_id").query(Long.class).list();
    }

    List<Long> campaignsWithLegacyLinks() {
        return jdbc.sql("SELECT DISTINCT campaign_id FROM rectification_seal WHERE chain_key_id IS NULL ORDER BY campaign_id")
                .query(Long.class).list();
    }

    /** Every sign-off link (campaign, seq, hash, key id), for the anchors. */
    List<org.gongjian.shared.ChainLink> links() {
        return jdbc.sql("SELECT campaign_id, chain_seq, chain_hash, chain_key_id FROM rectification_seal ORDER BY campaign_id, chain_seq")
                .query((rs, n) -> new org.gongjian.shared.ChainLink("signoff", rs.getLong(1), rs.getInt(2),
                        rs.getString(3), rs.getString(4))).list();
    }

    List<ProblemChain.Seal> seals(long campaignId) {
        return jdbc.sql(SELECT + " WHERE campaign_id = :c ORDER BY chain_seq").param("c", campaignId)
                .query(ProblemSeals::seal).list();
    }

    /** The latest seal of a problem (what it states as signed off), if it was ever signed off. */
    Optional<ProblemChain.Seal> latestOf(long problemId) {
        return jdbc.sql(SELECT + " WHERE problem_id = :p ORDER BY chain_seq DESC LIMIT 1").param("p", problemId)
                .query(ProblemSeals::seal).optional();
    }

    private Optional<ProblemChain.Seal> last(long campaignId) {
        return jdbc.sql(SELECT + " WHERE campaign_id = :c ORDER BY chain_seq DESC LIMIT 1").param("c", campaignId)
                .query(ProblemSeals::seal).optional();
    }

    private static final String SELECT = """
            SELECT id, chain_seq, problem_id, content_json, content_hash, previous_hash, chain_hash, chain_key_id FROM rectification_seal""";

    private static ProblemChain.Seal seal(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ProblemChain.Seal(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
