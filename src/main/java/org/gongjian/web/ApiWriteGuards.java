package org.gongjian.web;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

/**
 * Makes the two filters the API security chain runs after authorisation: {@link RequestBodyLimitFilter} (first),
 * then {@link IdempotencyFilter}. They are not beans themselves, so Boot does not also register them for every URL.
 * {@code gongjian.idempotency.lease} (seconds) is how long a pending claim is held before a retry may take it over;
 * {@code gongjian.api.max-body-size} caps JSON (any non-multipart) API bodies.
 */
@Component
public class ApiWriteGuards {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PlatformTransactionManager transactions;
    private final Duration lease;
    private final long maxBodyBytes;

    ApiWriteGuards(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions,
                   @Value("${gongjian.idempotency.lease:30}") long leaseSeconds,
                   @Value("${gongjian.api.max-body-size:1MB}") DataSize maxBody) {
        if (leaseSeconds < 1) {
            throw new IllegalArgumentException("gongjian.idempotency.lease must be at least 1 second");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
        this.lease = Duration.ofSeconds(leaseSeconds);
        this.maxBodyBytes = maxBody.toBytes();
    }

    public RequestBodyLimitFilter bodyLimit() {
        return new RequestBodyLimitFilter(maxBodyBytes);
    }

    public IdempotencyFilter idempotency() {
        return new IdempotencyFilter(jdbc, clock, transactions, lease, maxBodyBytes);
    }
}
