package org.gongjian.support;

import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The settable clock every integration test shares (a top-level class, so it is never taken for default config). */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(ZoneId.of("Asia/Shanghai"));
    }
}
