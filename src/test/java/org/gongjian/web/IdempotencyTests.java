package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HexFormat;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A retried write with the same Idempotency-Key returns the first result and creates nothing new. */
class IdempotencyTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    County c;
    String admin;

    @BeforeEach
    void county() throws Exception {
        c = fixtures.county();
        admin = Logins.token(mvc, c.adminUser());
    }

    @Test
    void aRetryReplaysTheFirstResponseAndWritesOnce() throws Exception {
        String body = village("重试村");
        String first = mvc.perform(create(body, "key-" + c.tag())).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String second = mvc.perform(create(body, "key-" + c.tag())).andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true")).andReturn().getResponse().getContentAsString();
        assertThat(second).isEqualTo(first);
        assertThat(count("重试村")).isEqualTo(1);
    }

    @Test
    void theSameKeyOnAnotherRequestIsRefused() throws Exception {
        mvc.perform(create(village("甲重试村"), "k2-" + c.tag())).andExpect(status().isCreated());
        mvc.perform(create(village("乙重试村"), "k2-" + c.tag())).andExpect(status().isUnprocessableContent());
        assertThat(count("乙重试村")).isZero();
    }

    @Test
    void withoutAKeyEachRequestCountsAndAFailedFirstTryMayBeRetried() throws Exception {
        mvc.perform(create("{\"name\":\"\"}", "k3-" + c.tag())).andExpect(status().isBadRequest());
        mvc.perform(create("{\"name\":\"\"}", "k3-" + c.tag())).andExpect(status().isBadRequest())
                .andExpect(header().string("Idempotency-Replayed", "true"));
        mvc.perform(create(village("无键村"), null)).andExpect(status().isCreated());
        mvc.perform(create(village("无键村"), null)).andExpect(status().isConflict());
        mvc.perform(create(village("长键村"), "x".repeat(101))).andExpect(status().isBadRequest());
    }

    /** A node died after claiming the key: within the lease a retry waits (409 + Retry-After), after it runs once. */
    @Test
    void anExpiredLeaseIsTakenOverAndTheWorkRunsOnce() throws Exception {
        String body = village("租约村");
        String key = "lease-" + c.tag();
        deadClaim(key, body, clock().instant().plusSeconds(20));
        mvc.perform(create(body, key)).andExpect(status().isConflict())
                .andExpect(header().exists("Retry-After"));
        assertThat(count("租约村")).isZero();

        clock.advance(Duration.ofSeconds(31)); // past gongjian.idempotency.lease (30 s by default)
        String first = mvc.perform(create(body, key)).andExpect(status().isCreated())
                .andExpect(header().exists("Location")).andReturn().getResponse().getContentAsString();
        String replay = mvc.perform(create(body, key)).andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true")).andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();
        assertThat(replay).isEqualTo(first);
        assertThat(count("租约村")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT claim_token FROM idempotency_record WHERE idem_key = :k").param("k", key)
                .query(String.class).single()).isNotEqualTo("dead-node");
    }

    /**
     * The work committed but the client never got the answer (its connection dropped, as when the node dies between
     * commit and response): the retry replays the committed answer and nothing is written twice.
     */
    @Test
    void aCommittedAnswerWhoseResponseWasLostIsReplayed() throws Exception {
        String body = village("断线村");
        String key = "lost-" + c.tag();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/units HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + admin
                    + "\r\nIdempotency-Key: " + key + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        } // closed without reading a byte of the answer
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (stored(key) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(stored(key)).isEqualTo(201);
        assertThat(count("断线村")).isEqualTo(1);
        String replay = mvc.perform(create(body, key)).andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true")).andReturn().getResponse().getContentAsString();
        assertThat(replay).contains("断线村" + c.tag());
        assertThat(count("断线村")).isEqualTo(1);
    }

    /** A refused write (4xx) changes nothing and is the answer to its retries; the work's rows are rolled back. */
    @Test
    void aRefusalIsStoredAndAnotherCallerMayUseTheSameKey() throws Exception {
        String key = "shared-" + c.tag();
        mvc.perform(create(village("共用键村"), key)).andExpect(status().isCreated());
        String other = Logins.token(mvc, c.orgDeptUser());
        mvc.perform(post("/api/v1/units").header("Authorization", other).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(village("另一人村"))).andExpect(status().isCreated());
        assertThat(count("共用键村")).isEqualTo(1);
        assertThat(count("另一人村")).isEqualTo(1);
    }

    private int stored(String key) {
        return jdbc.sql("SELECT status FROM idempotency_record WHERE idem_key = :k").param("k", key)
                .query(Integer.class).optional().orElse(0);
    }

    /** A pending claim left by a node that died mid-request, for exactly this request (same fingerprint). */
    private void deadClaim(String key, String body, java.time.Instant leaseUntil) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update("POST /api/v1/units?null\n".getBytes(StandardCharsets.UTF_8));
        digest.update(body.getBytes(StandardCharsets.UTF_8));
        jdbc.sql("""
                INSERT INTO idempotency_record
                    (principal, idem_key, method, path, request_hash, status, created_at, lease_until, claim_token)
                VALUES (:p, :k, 'POST', '/api/v1/units', :h, 0, :now, :until, 'dead-node')""")
                .param("p", c.adminUser()).param("k", key).param("h", HexFormat.of().formatHex(digest.digest()))
                .param("now", Timestamp.from(clock().instant())).param("until", Timestamp.from(leaseUntil)).update();
    }

    private String village(String name) {
        return "{\"name\":\"" + name + c.tag() + "\",\"kind\":\"VILLAGE\",\"parentId\":" + c.townshipA().id()
                + ",\"code\":\"I" + Math.abs(name.hashCode() % 100000) + c.tag() + "\"}";
    }

    private long count(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM unit WHERE name = :n").param("n", name + c.tag()).query(Long.class).single();
    }

    private org.springframework.test.web.servlet.RequestBuilder create(String body, String key) {
        var request = post("/api/v1/units").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content(body);
        return key == null ? request : request.header("Idempotency-Key", key);
    }
}
