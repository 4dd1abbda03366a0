package org.gongjian.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.gongjian.campaign.Light;
import org.gongjian.supervision.LightChanged;
import org.gongjian.supervision.LightsChanged;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A chunk of red lights handled a second time — its node died after the messages committed, or a try outlived the
 * staleness limit and was resubmitted — tells nobody again: the first try took the publication's row with its
 * messages, so the second finds none.
 */
class LightMessageClaimTests extends IntegrationTest {

    @Autowired OrgFixtures orgFixtures;
    @Autowired LightMessages listener;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("applicationTaskExecutor") ThreadPoolTaskExecutor executor;

    @Test
    void aChunkHandledTwiceTellsItsUnitOnce() {
        OrgFixtures.County c = orgFixtures.county();
        long task = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        LightsChanged chunk = new LightsChanged(List.of(new LightChanged(task, "重复测试任务", 1, c.townshipA().id(),
                Light.YELLOW, Light.RED, List.of("逾期未完成"), LocalDate.of(2026, 6, 15))));

        new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(chunk));
        await().atMost(Duration.ofSeconds(20)).until(() -> messages(c.liaisonAUser(), task) == 1
                && publications(task) == 0);

        long done = executor.getThreadPoolExecutor().getCompletedTaskCount();
        listener.on(chunk);
        await().atMost(Duration.ofSeconds(20)).until(() -> executor.getThreadPoolExecutor().getCompletedTaskCount() > done);

        assertThat(messages(c.liaisonAUser(), task)).isEqualTo(1);
    }

    private long messages(String username, long task) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id
                        WHERE u.username = :u AND n.kind = 'LIGHT' AND n.link = :link""")
                .param("u", username).param("link", "/tasks/" + task).query(Long.class).single();
    }

    private long publications(long task) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :t")
                .param("t", "%\"taskId\":" + task + ",%").query(Long.class).single();
    }
}
