package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A retried write with the same Idempotency-Key returns the first result and creates nothing new. */
class IdempotencyTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;

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
