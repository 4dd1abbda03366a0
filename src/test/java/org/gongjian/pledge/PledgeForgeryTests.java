package org.gongjian.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gongjian.pledge.PledgeFixtures.Scene;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #17's pledge forgery: a signed pledge's target changed from 282 to 28 with the content hash, both
 * signatures' hashes and the chain hash recomputed (the first release's verify said {@code valid: true}).
 */
class PledgeForgeryTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired PledgeFixtures fixtures;
    @Autowired PledgeService pledges;
    @Autowired JdbcClient jdbc;

    @Test
    void targetChangedFrom282To28WithEveryPlainHashRecomputedIsDetected() throws Exception {
        Scene s = fixtures.scene();
        fixtures.task(s, "农村公路提质改造" + s.tag(), s.c().townshipA(), "282");
        long id = fixtures.generate(s, s.c().townshipA());
        fixtures.signBoth(s, id);
        assertThat(pledges.verify(id, DataScope.everything()).valid()).isTrue();
        long version = jdbc.sql("SELECT id FROM pledge_version WHERE pledge_id = :p").param("p", id).query(Long.class).single();
        assertThat(jdbc.sql("SELECT chain_key_id FROM pledge_version WHERE id = :v").param("v", version)
                .query(String.class).single()).isEqualTo("t2");

        String json = jdbc.sql("SELECT content_json FROM pledge_version WHERE id = :v").param("v", version).query(String.class).single();
        String forged = json.replace("\"target\":282", "\"target\":28");
        assertThat(forged).isNotEqualTo(json);
        String hash = PledgeHashing.sha256(forged);
        jdbc.sql("UPDATE pledge_signature SET content_hash = :h WHERE pledge_version_id = :v").param("h", hash)
                .param("v", version).update();
        String signatures = jdbc.sql("SELECT role, user_id, signer_name, signed_at, client_address FROM pledge_signature WHERE pledge_version_id = :v ORDER BY role DESC")
                .param("v", version)
                .query((rs, n) -> rs.getString(1) + ":" + rs.getLong(2) + ":" + rs.getString(3) + ":"
                        + rs.getTimestamp(4).toInstant().toEpochMilli() + ":" + rs.getString(5) + ";")
                .list().stream().reduce("", String::concat);
        String chain = PledgeHashing.link(null, hash, signatures);
        jdbc.sql("UPDATE pledge_version SET content_json = :j, content_hash = :h, chain_hash = :c WHERE id = :v")
                .param("j", forged).param("h", hash).param("c", chain).param("v", version).update();

        Verification v = pledges.verify(id, DataScope.everything());
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAtVersion()).isEqualTo(1);
        assertThat(v.reason()).contains("第1版").contains("密钥化哈希校验失败");
        mvc.perform(get("/api/v1/pledges/" + id + "/verify").header("Authorization", Logins.token(mvc, s.supervisor())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.brokenAtVersion").value(1));

        // Passing the forged link off as an unkeyed legacy one is caught too.
        jdbc.sql("UPDATE pledge_version SET chain_key_id = NULL WHERE id = :v").param("v", version).update();
        assertThat(pledges.verify(id, DataScope.everything()).reason()).contains("未用密钥计算");
    }

    @Test
    void aSignedPledgeSetBackToADraftIsDetected() {
        Scene s = fixtures.scene();
        fixtures.task(s, "农村公路提质改造" + s.tag(), s.c().townshipA(), "282");
        long id = fixtures.generate(s, s.c().townshipA());
        fixtures.signBoth(s, id);
        jdbc.sql("UPDATE pledge_version SET status = 'SIGNATORY_SIGNED' WHERE pledge_id = :p").param("p", id).update();
        Verification v = pledges.verify(id, DataScope.everything());
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).contains("第1版的状态被改动");
    }
}
