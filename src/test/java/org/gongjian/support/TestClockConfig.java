package org.gongjian.support;

import java.time.ZoneId;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The settable clock every integration test shares, and the statement counter on its data source (a top-level class, so it is never taken for default config). */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(ZoneId.of("Asia/Shanghai"));
    }

    /** Every test's data source counts statements when a test asks it to ({@link StatementCounter#count}). */
    @Bean
    static BeanPostProcessor statementCounting() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && !(bean instanceof StatementCounter) ? new StatementCounter(ds) : bean;
            }
        };
    }
}
