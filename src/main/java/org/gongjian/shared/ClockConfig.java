package org.gongjian.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock. {@code gongjian.clock.fixed=2026-06-30T02:00:00Z} pins it for demos and tests. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock(@Value("${gongjian.clock.fixed:}") String fixed,
                @Value("${gongjian.clock.zone:Asia/Shanghai}") String zone) {
        ZoneId zoneId = ZoneId.of(zone);
        return fixed.isBlank() ? Clock.system(zoneId) : Clock.fixed(Instant.parse(fixed), zoneId);
    }
}
