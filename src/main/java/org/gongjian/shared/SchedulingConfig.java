package org.gongjian.shared;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs, each run once per cluster: a job method carries {@code @Scheduled} and
 * {@code @SchedulerLock(name = "...")}, and only the node holding the job's row in the {@code shedlock} table runs it.
 * Lock times come from the database clock, so nodes with skewed clocks still agree.
 * {@code gongjian.scheduling.enabled=false} switches every job off (the tests call the jobs themselves).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gongjian.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return lockProvider(new JdbcTemplate(dataSource));
    }

    /** The provider on the {@code shedlock} table (migration V2026_11_29_0800), with the database's time. */
    static LockProvider lockProvider(JdbcTemplate jdbc) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .usingDbTime()
                .build());
    }
}
