package org.gongjian.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gongjian.audit.*}: how long the personal-data read trail is kept (default 180 days, never less: 网络安全法
 * §21 asks for six months of logs; the database's own check agrees).
 */
@ConfigurationProperties("gongjian.audit")
public record AuditSettings(@DefaultValue("180d") Duration readRetention) {

    static final Duration FLOOR = Duration.ofDays(180);

    public AuditSettings {
        if (readRetention.compareTo(FLOOR) < 0) {
            throw new IllegalArgumentException("gongjian.audit.read-retention must be at least 180 days (网络安全法 §21), was "
                    + readRetention.toDays() + " days");
        }
    }
}
