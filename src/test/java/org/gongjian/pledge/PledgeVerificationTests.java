package org.gongjian.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gongjian.campaign.TaskView;
import org.gongjian.pledge.PledgeFixtures.Scene;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Tamper evidence: three signed versions of one pledge form a valid chain, and each kind of direct database edit
 * to a signed row (content, content hash, a signature's time or signer, the previous link, the chain hash) is
 * caught at the version it was made in.
 */
class PledgeVerificationTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired PledgeFixtures fixtures;
    @Autowired PledgeService pledges;
    @Autowired JdbcClient jdbc;

    Scene s;
    TaskView sewage;
    long id;

    /** Version 1 (target 12), version 2 (target 15), version 3 (target 18), each signed by both a day apart. */
    @BeforeEach
    void threeSignedVersions() {
        s = fixtures.scene();
        sewage = fixtures.task(s, "农村生活污水治理" + s.tag(), s.c().townshipA(), "12");
        id = fixtures.generate(s, s.c().townshipA());
        fixtures.signBoth(s, id);
        clock.advance(Duration.ofDays(1));
        fixtures.retarget(sewage, "15");
        fixtures.amend(s, id, "第一次调整");
        fixtures.signBoth(s, id);
        clock.advance(Duration.ofDays(1));
        fixtures.retarget(sewage, "18");
        fixtures.amend(s, id, "第二次调整");
        fixtures.signBoth(s, id);
    }

    @Test
    void threeSignedVersionsFormAValidChain() throws Exception {
        Verification v = verify();
        assertThat(v.valid()).isTrue();
        assertThat(v.versionsChecked()).isEqualTo(3);
        assertThat(v.brokenAtVersion()).isNull();
        assertThat(v.reason()).isNull();

        List<PledgeView.VersionSummary> versions = pledges.pledge(id, DataScope.everything()).versions();
        assertThat(versions).extracting(PledgeView.VersionSummary::status)
                .containsExactly(PledgeStatus.SUPERSEDED, PledgeStatus.SUPERSEDED, PledgeStatus.SIGNED);
        assertThat(versions).extracting(PledgeView.VersionSummary::contentHash).doesNotHaveDuplicates();
        assertThat(column("previous_hash", 1)).isNull();
        assertThat(column("previous_hash", 2)).isEqualTo(column("chain_hash", 1));
        assertThat(column("previous_hash", 3)).isEqualTo(column("chain_hash", 2));
        assertThat(column("content_hash", 2)).isEqualTo(PledgeHashing.sha256(column("content_json", 2)));

        mvc.perform(get("/api/v1/pledges/" + id + "/verify").header("Authorization", Logins.token(mvc, s.headA())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.versionsChecked").value(3));

        // The page's check: the result rides a flash attribute (stored in the session) to the pledge page.
        var ui = Logins.session(mvc, s.headA());
        var checked = mvc.perform(get("/pledges/" + id + "/verify").session(ui))
                .andExpect(redirectedUrl("/pledges/" + id)).andReturn();
        assertThat(checked.getFlashMap().get("verification")).isEqualTo(v);
        mvc.perform(get("/pledges/" + id).session(ui).flashAttrs(checked.getFlashMap()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("校验通过：3 个已签署版本")));
    }

    @Test
    void editedContentIsCaughtAtItsVersion() throws Exception {
        updateVersion(2, "content_json = REPLACE(content_json, '\"target\":15', '\"target\":10')");
        assertBrokenAt(2, "内容");
        mvc.perform(get("/api/v1/pledges/" + id + "/verify").header("Authorization", Logins.token(mvc, s.supervisor())))
                .andExpect(jsonPath("$.valid").value(false)).andExpect(jsonPath("$.brokenAtVersion").value(2))
                .andExpect(jsonPath("$.versionsChecked").value(2));
    }

    @Test
    void editedContentOfTheFirstVersionIsCaughtThereEvenIfLaterOnesHold() {
        updateVersion(1, "content_json = REPLACE(content_json, '\"target\":12', '\"target\":1')");
        assertBrokenAt(1, "内容");
    }

    @Test
    void editedContentWithARecomputedContentHashIsCaughtByTheSignatures() {
        updateVersion(2, "content_json = REPLACE(content_json, '\"target\":15', '\"target\":10')");
        String forged = PledgeHashing.sha256(column("content_json", 2));
        jdbc.sql("UPDATE pledge_version SET content_hash = :h WHERE pledge_id = :p AND version_no = 2")
                .param("h", forged).param("p", id).update();
        assertBrokenAt(2, "签名");
    }

    @Test
    void editedContentHashIsCaught() {
        updateVersion(2, "content_hash = '" + "f".repeat(64) + "'");
        assertBrokenAt(2, "内容");
    }

    @Test
    void editedSignatureTimeIsCaught() {
        jdbc.sql("UPDATE pledge_signature SET signed_at = :at WHERE role = 'SIGNATORY' AND pledge_version_id = :v")
                .param("at", Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"))).param("v", versionId(2)).update();
        assertBrokenAt(2, "链接");
    }

    @Test
    void editedSignerIsCaught() {
        jdbc.sql("UPDATE pledge_signature SET user_id = user_id + 1 WHERE role = 'ISSUER' AND pledge_version_id = :v")
                .param("v", versionId(2)).update();
        assertBrokenAt(2, "链接");
    }

    @Test
    void editedSignerNameIsCaught() {
        jdbc.sql("UPDATE pledge_signature SET signer_name = '冒名顶替' WHERE role = 'SIGNATORY' AND pledge_version_id = :v")
                .param("v", versionId(2)).update();
        assertBrokenAt(2, "链接");
    }

    @Test
    void removedSignatureIsCaught() {
        jdbc.sql("DELETE FROM pledge_signature WHERE role = 'ISSUER' AND pledge_version_id = :v")
                .param("v", versionId(2)).update();
        assertBrokenAt(2, "签名");
    }

    @Test
    void editedPreviousHashIsCaught() {
        updateVersion(2, "previous_hash = '" + "0".repeat(64) + "'");
        assertBrokenAt(2, "链接");
    }

    @Test
    void editedChainHashIsCaught() {
        updateVersion(2, "chain_hash = '" + "a".repeat(64) + "'");
        assertBrokenAt(2, "链接");
    }

    /**
     * Rewriting version 2 consistently (content, both hashes, its signatures, the chain hash recomputed the way the
     * first release did, without the secret key) is caught at version 2 itself: its link is not the keyed one.
     */
    @Test
    void consistentRewriteOfAVersionIsCaughtAtIt() {
        updateVersion(2, "content_json = REPLACE(content_json, '\"target\":15', '\"target\":10')");
        String hash = PledgeHashing.sha256(column("content_json", 2));
        jdbc.sql("UPDATE pledge_signature SET content_hash = :h WHERE pledge_version_id = :v")
                .param("h", hash).param("v", versionId(2)).update();
        // The signature line as the service writes it: SIGNATORY then ISSUER, role:userId:name:epochMillis:address;
        String signatures = jdbc.sql("SELECT role, user_id, signer_name, signed_at, client_address FROM pledge_signature WHERE pledge_version_id = :v")
                .param("v", versionId(2))
                .query((rs, n) -> java.util.Map.entry(SignatureRole.valueOf(rs.getString(1)),
                        rs.getString(1) + ":" + rs.getLong(2) + ":" + rs.getString(3) + ":"
                                + rs.getTimestamp(4).toInstant().toEpochMilli() + ":" + rs.getString(5) + ";"))
                .list().stream().sorted(java.util.Map.Entry.comparingByKey()).map(java.util.Map.Entry::getValue)
                .reduce("", String::concat);
        String chain = PledgeHashing.link(column("chain_hash", 1), hash, signatures);
        jdbc.sql("UPDATE pledge_version SET content_hash = :h, chain_hash = :c WHERE pledge_id = :p AND version_no = 2")
                .param("h", hash).param("c", chain).param("p", id).update();
        assertBrokenAt(2, "链接");
    }

    /** Hiding a signed version from the chain (its status set back to a draft) is caught at that version: the chain covers status. */
    @Test
    void hiddenMiddleVersionIsCaughtAtIt() {
        updateVersion(2, "status = 'DRAFT'");
        assertBrokenAt(2, "状态");
    }

    @Test
    void pledgeWithoutSignedVersionsHasNothingToBreak() {
        fixtures.task(s, "黑臭水体整治" + s.tag(), s.c().townshipB(), "3");
        long draft = fixtures.generate(s, s.c().townshipB());
        Verification v = pledges.verify(draft, DataScope.everything());
        assertThat(v.valid()).isTrue();
        assertThat(v.versionsChecked()).isZero();
    }

    private Verification verify() {
        return pledges.verify(id, DataScope.everything());
    }

    private void assertBrokenAt(int version, String why) {
        Verification v = verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAtVersion()).isEqualTo(version);
        assertThat(v.versionsChecked()).isEqualTo(version);
        assertThat(v.reason()).contains("第" + version + "版").contains(why);
    }

    /** An UPDATE of one version row that must really change it (a REPLACE that matched nothing proves nothing). */
    private void updateVersion(int version, String set) {
        String before = row(version);
        int rows = jdbc.sql("UPDATE pledge_version SET " + set + " WHERE pledge_id = :p AND version_no = :v")
                .param("p", id).param("v", version).update();
        assertThat(rows).isEqualTo(1);
        assertThat(row(version)).isNotEqualTo(before);
    }

    private String row(int version) {
        return column("status", version) + "|" + column("content_json", version) + "|" + column("content_hash", version) + "|"
                + column("previous_hash", version) + "|" + column("chain_hash", version);
    }

    private String column(String name, int version) {
        return jdbc.sql("SELECT " + name + " FROM pledge_version WHERE pledge_id = :p AND version_no = :v")
                .param("p", id).param("v", version).query(String.class).list().get(0);
    }

    private long versionId(int version) {
        return jdbc.sql("SELECT id FROM pledge_version WHERE pledge_id = :p AND version_no = :v")
                .param("p", id).param("v", version).query(Long.class).single();
    }
}
