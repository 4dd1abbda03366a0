package org.gongjian.shared;

import org.springframework.core.env.Environment;

/**
 * Whether this instance runs as the demo: {@code gongjian.demo.enabled} when set, otherwise on only for the
 * embedded H2 default. So a production deployment on PostgreSQL never loads demo logins by accident.
 */
public final class DemoMode {

    private DemoMode() {
    }

    public static boolean isOn(Environment env) {
        String explicit = env.getProperty("gongjian.demo.enabled", "").trim();
        if (!explicit.isEmpty()) {
            return Boolean.parseBoolean(explicit);
        }
        return env.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
    }
}
