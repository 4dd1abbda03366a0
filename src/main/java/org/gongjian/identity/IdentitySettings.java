package org.gongjian.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code gongjian.identity.*}: the API token lifetime. The login throttle and password rules: {@link LoginSettings}. */
@ConfigurationProperties("gongjian.identity")
public record IdentitySettings(@DefaultValue("8h") Duration tokenTtl) {
}
