package org.gongjian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;

/**
 * 后台事件处理: an administrator sees unfinished after-commit work and hands a given-up publication back to its listener,
 * audited; nobody else sees the page, and a publication in flight or unknown cannot be retried (H2 and PostgreSQL).
 */
class EventPublicationPageTests extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired EventResubmissionSettings settings;
    @Autowired EventResubmission job;
    @Autowired ProbeListener listener;
    @Autowired JdbcClient jdbc;

    private OrgFixtures.County c;
    private String probe;

    @BeforeEach
    void setUp() {
        c = fixtures.county();
        probe = UUID.randomUUID().toString();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM event_publication WHERE serialized_event LIKE :p").param("p", "%" + probe + "%").update();
    }

    @Test
    void aGivenUpPublicationIsShownAndRetriedOnceByTheAdministrator() throws Exception {
        UUID id = insert(probe, "FAILED", settings.maxAttempts());
        MockHttpSession admin = Logins.session(mvc, c.adminUser());
        mvc.perform(get("/admin/events").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"event-" + id + "\"")))
                .andExpect(content().string(rowOf(id, "已放弃")))
                .andExpect(content().string(rowOf(id, "ProbeListener.on")))
                .andExpect(content().string(containsString("data-test=\"retry-" + id + "\"")));

        mvc.perform(post("/admin/events/{id}/retry", id).session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("retried", "Probe"));
        assertThat(audits(id)).isEqualTo(1);
        assertThat(listener.tries(probe)).as("the job hands it back, not the click").isZero();
        mvc.perform(post("/admin/events/{id}/retry", id).session(admin).with(csrf()))
                .andExpect(flash().attribute("retried", "Probe"));
        assertThat(attempts(id)).as("a second click re-arms the same one more try").isEqualTo(settings.maxAttempts() - 1);

        assertThat(job.run().resubmitted()).contains(id);
        await().atMost(WAIT).until(() -> !exists(id));
        assertThat(listener.tries(probe)).isEqualTo(1);
        assertThat(listener.finished(probe)).isEqualTo(1);

        mvc.perform(post("/admin/events/{id}/retry", id).session(admin).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(listener.tries(probe)).as("done is done").isEqualTo(1);
        mvc.perform(get("/admin/events").session(admin))
                .andExpect(content().string(not(containsString(id.toString()))));
    }

    @Test
    void aPublicationInFlightIsNotRetriedAndOnlyAdministratorsSeeThePage() throws Exception {
        UUID id = insert(probe, "PROCESSING", 1);
        MockHttpSession admin = Logins.session(mvc, c.adminUser());
        mvc.perform(get("/admin/events").session(admin))
                .andExpect(content().string(containsString("data-test=\"event-" + id + "\"")))
                .andExpect(content().string(rowOf(id, "处理中")))
                .andExpect(content().string(not(containsString("data-test=\"retry-" + id + "\""))));

        mvc.perform(post("/admin/events/{id}/retry", id).session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("retryRefused", "IN_FLIGHT"));
        assertThat(statusOf(id)).isEqualTo("PROCESSING");
        assertThat(listener.tries(probe)).isZero();
        assertThat(audits(id)).isZero();

        mvc.perform(get("/admin/events").session(Logins.session(mvc, c.liaisonAUser())))
                .andExpect(status().isForbidden());
        UUID other = insert(probe + "-b", "FAILED", settings.maxAttempts());
        mvc.perform(post("/admin/events/{id}/retry", other)
                        .session(Logins.session(mvc, c.orgDeptUser())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/events/{id}/retry", id).session(admin))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/events/{id}/retry", UUID.randomUUID()).session(admin).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/events/{id}/retry", "1' OR '1'='1").session(admin).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(attempts(other)).as("not re-armed").isEqualTo(settings.maxAttempts());
        assertThat(audits(other)).isZero();
    }

    @Test
    void anUnreadablePublicationIsRefusedWithAMessageNotAnError() throws Exception {
        UUID id = insert(probe, "FAILED", 2);
        jdbc.sql("UPDATE event_publication SET serialized_event = :event WHERE id = :id")
                .param("event", "{\"id\": [" + probe).param("id", id).update();
        MockHttpSession admin = Logins.session(mvc, c.adminUser());
        mvc.perform(post("/admin/events/{id}/retry", id).session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("retryUnreadable", "Probe"));
        assertThat(statusOf(id)).isEqualTo("FAILED");
        assertThat(audits(id)).isZero();
        assertThat(attempts(id)).isEqualTo(2);
        mvc.perform(get("/admin/events").session(admin))
                .andExpect(content().string(rowOf(id, "失败，等待重试")));

        jdbc.sql("UPDATE event_publication SET serialized_event = :event, event_type = 'org.gongjian.gone.Removed' WHERE id = :id")
                .param("event", "{\"id\":\"" + probe + "\"}").param("id", id).update();
        mvc.perform(post("/admin/events/{id}/retry", id).session(admin).with(csrf()))
                .andExpect(flash().attribute("retryUnreadable", "Removed"));
        assertThat(audits(id)).isZero();
    }

    /** The page's table row of publication {@code id} holds {@code text}. */
    private static org.hamcrest.Matcher<String> rowOf(UUID id, String text) {
        return org.hamcrest.Matchers.matchesPattern("(?s).*data-test=\"event-" + id + "\"((?!</tr>).)*"
                + java.util.regex.Pattern.quote(text) + ".*");
    }

    private int attempts(UUID id) {
        return jdbc.sql("SELECT completion_attempts FROM event_publication WHERE id = :id").param("id", id)
                .query(Integer.class).single();
    }

    /** A publication to the probe listener as some node recorded it, in {@code status} after {@code attempts} tries. */
    private UUID insert(String probe, String status, int attempts) throws Exception {
        UUID id = UUID.randomUUID();
        String listenerId = new TransactionalApplicationListenerMethodAdapter("probe", ProbeListener.class,
                ProbeListener.class.getDeclaredMethod("on", ProbeListener.Probe.class)).getListenerId();
        Instant at = clock.instant().minus(Duration.ofHours(2));
        jdbc.sql("""
                        INSERT INTO event_publication (id, event_type, listener_id, publication_date, serialized_event,
                                                       status, completion_attempts, last_resubmission_date)
                        VALUES (:id, :type, :listener, :at, :event, :status, :attempts, :at)""")
                .param("id", id).param("type", ProbeListener.Probe.class.getName()).param("listener", listenerId)
                .param("at", Timestamp.from(at)).param("event", "{\"id\":\"" + probe + "\"}")
                .param("status", status).param("attempts", attempts).update();
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    private String statusOf(UUID id) {
        return jdbc.sql("SELECT status FROM event_publication WHERE id = :id").param("id", id).query(String.class).single();
    }

    private long audits(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'event.retry' AND entity_id = :id")
                .param("id", id.toString()).query(Long.class).single();
    }
}
