package org.gongjian.shared;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code GONGJIAN_LOG_FORMAT} ({@code gongjian.log.format}): {@code text} (default, Boot's console lines) or
 * {@code json} — one JSON object per line on the console through Boot's structured logging, in the Elastic Common
 * Schema (ECS; a log shipper reads it without a parser). {@code ecs}, {@code logstash} and {@code gelf} name a
 * schema directly. Anything else stops the start with a clear message rather than logging in a format nobody reads.
 * Runs before the logging system starts (registered in META-INF/spring.factories).
 */
class LogFormatEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "gongjian.log.format";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "text").trim().toLowerCase(Locale.ROOT);
        String structured = switch (format) {
            case "", "text", "plain" -> null;
            case "json", "ecs" -> "ecs";
            case "logstash", "gelf" -> format;
            default -> throw new IllegalStateException("GONGJIAN_LOG_FORMAT (" + PROPERTY + ") must be text or json "
                    + "(or ecs, logstash, gelf), not '" + format + "'");
        };
        if (structured != null && !environment.containsProperty("logging.structured.format.console")) {
            environment.getPropertySources().addFirst(new MapPropertySource("gongjianLogFormat",
                    Map.of("logging.structured.format.console", structured)));
        }
    }

    @Override
    public int getOrder() {
        // after the config files are read (ConfigDataEnvironmentPostProcessor), before logging starts
        return Ordered.LOWEST_PRECEDENCE;
    }
}
