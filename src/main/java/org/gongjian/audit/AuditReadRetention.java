package org.gongjian.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the personal-data read trail for {@code gongjian.audit.read-retention} and no longer: on start the database's
 * retention policy (which its trigger enforces) is set to the configured one, and each night older lines go.
 */
@Component
public class AuditReadRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditReadRetention.class);

    private final JdbcClient jdbc;
    private final AuditSettings settings;
    private final Clock clock;

    AuditReadRetention(JdbcClient jdbc, AuditSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void applyPolicy() {
        try {
            jdbc.sql("UPDATE audit_read_policy SET retention_days = :days WHERE id = 1 AND retention_days <> :days")
                    .param("days", (int) settings.readRetention().toDays()).update();
        } catch (DataAccessException e) {
            // A runtime database user without rights on the policy keeps the owner's setting: that is the point.
            log.warn("audit_read_policy not updated to {} days: {}", settings.readRetention().toDays(), e.getMessage());
        }
    }

    /** Deletes read lines older than the retention; returns how many. (Public: a ShedLock proxy when scheduling is on.) */
    @Scheduled(cron = "0 20 3 * * *", zone = "${gongjian.clock.zone:Asia/Shanghai}")
    @SchedulerLock(name = "audit-read-retention", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public int run() {
        Instant cutoff = clock.instant().minus(settings.readRetention());
        try {
            int deleted = jdbc.sql("DELETE FROM audit_read WHERE occurred_at < :cutoff")
                    .param("cutoff", Timestamp.from(cutoff)).update();
            log.info("audit-read retention: {} lines older than {} deleted", deleted, cutoff);
            return deleted;
        } catch (DataAccessException e) {
            // The database keeps rows younger than its own retention (a clock set back, a longer policy): it wins.
            log.warn("audit-read retention refused by the database: {}", e.getMessage());
            return 0;
        }
    }
}
