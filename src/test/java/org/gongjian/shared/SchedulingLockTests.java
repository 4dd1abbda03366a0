package org.gongjian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cluster-wide job lock on this database (H2 or PostgreSQL): the {@code shedlock} table and the database-time
 * statements work, and while one node holds a job's lock a second cannot take it. (Scheduling itself is off in
 * tests; the provider is built as {@link SchedulingConfig} builds it.)
 */
class SchedulingLockTests extends IntegrationTest {

    @Autowired DataSource dataSource;

    @Test
    void aHeldLockCannotBeTakenTwiceAndIsFreeAgainWhenReleased() {
        LockProvider node1 = SchedulingConfig.lockProvider(new JdbcTemplate(dataSource));
        LockProvider node2 = SchedulingConfig.lockProvider(new JdbcTemplate(dataSource));
        String name = "test-" + UUID.randomUUID();
        LockConfiguration config = new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5), Duration.ZERO);

        Optional<SimpleLock> first = node1.lock(config);
        assertThat(first).isPresent();
        assertThat(node2.lock(config)).as("held by node 1").isEmpty();

        first.get().unlock();
        Optional<SimpleLock> again = node2.lock(config);
        assertThat(again).as("free again after unlock").isPresent();
        again.get().unlock();
    }
}
