package org.gongjian.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code gongjian.identity.*}: token lifetime and the lockout rule (5 failures lock the account for 15 minutes). */
@ConfigurationProperties("gongjian.identity")
public record IdentitySettings(@DefaultValue("8h") Duration tokenTtl,
                               @DefaultValue("5") int maxFailedAttempts,
                               @DefaultValue("15m") Duration lockDuration) {
}
