package org.gongjian.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Throttles password guessing on the {@code login_failure} table, so it holds across nodes. Three counts over a
 * sliding window: per login name and client address a progressive wait after a few free attempts (counted over a
 * day, so the wait keeps growing to its ceiling); per address a
 * ceiling whatever names it tries (spraying); per login name from all addresses only a slow-down, never a
 * refusal, so an attacker cannot keep {@code admin} out. Unknown and real names are counted alike.
 */
@Component
class LoginThrottle {

    /** Whether an attempt may go ahead now, and how long to hold it first when the account is under attack. */
    record Verdict(Optional<Duration> retryAfter, Duration slowDown) {

        boolean refused() {
            return retryAfter.isPresent();
        }
    }

    private final JdbcClient jdbc;
    private final LoginSettings settings;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, LoginSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Verdict check(String username, String address) {
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(settings.window()));
        String name = key(username);
        Optional<Duration> pairWait = pairWait(name, address, Timestamp.from(now.minus(settings.pairWindow())), now);
        Optional<Duration> addressWait = addressWait(address, since, now);
        Optional<Duration> wait = pairWait.isPresent() && addressWait.isPresent()
                ? Optional.of(max(pairWait.get(), addressWait.get()))
                : pairWait.or(() -> addressWait);
        long onAccount = jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE username = :name AND failed_at > :since")
                .param("name", name).param("since", since).query(Long.class).single();
        Duration slowDown = onAccount >= settings.accountSlowDownAfter() ? settings.accountSlowDown() : Duration.ZERO;
        return new Verdict(wait, slowDown);
    }

    /** Counted in its own transaction, so a refusal that rolls the caller back still counts. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username, String address) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO login_failure (username, address, failed_at) VALUES (:name, :address, :now)")
                .param("name", key(username)).param("address", address).param("now", Timestamp.from(now)).update();
        jdbc.sql("DELETE FROM login_failure WHERE failed_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(max(settings.pairWindow(), settings.window())))).update();
    }

    /** A right password from an address clears that name's failures from there; the address's own count stays. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username, String address) {
        jdbc.sql("DELETE FROM login_failure WHERE username = :name AND address = :address")
                .param("name", key(username)).param("address", address).update();
    }

    /** The security administrator lifts the waits on a login name (the user called the office). */
    @Transactional
    public void clear(String username) {
        jdbc.sql("DELETE FROM login_failure WHERE username = :name").param("name", key(username)).update();
    }

    /** Failed logins on the name in the window, from any address (shown to administrators). */
    @Transactional(readOnly = true)
    public long recentFailures(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE username = :name AND failed_at > :since")
                .param("name", key(username)).param("since", Timestamp.from(clock.instant().minus(settings.window())))
                .query(Long.class).single();
    }

    /** The client address of the request being served (behind a proxy, as GONGJIAN_FORWARD_HEADERS resolves it). */
    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String address = request.getRemoteAddr();
            if (address != null && !address.isBlank()) {
                return address.length() > 64 ? address.substring(0, 64) : address;
            }
        }
        return "-";
    }

    private Optional<Duration> pairWait(String name, String address, Timestamp since, Instant now) {
        var row = jdbc.sql("""
                SELECT COUNT(*) AS n, MAX(failed_at) AS latest FROM login_failure
                WHERE username = :name AND address = :address AND failed_at > :since""")
                .param("name", name).param("address", address).param("since", since)
                .query((rs, i) -> new Object[] {rs.getLong("n"), rs.getTimestamp("latest")}).single();
        long failures = (Long) row[0];
        if (failures < settings.freeAttempts()) {
            return Optional.empty();
        }
        int doublings = (int) Math.min(20, failures - settings.freeAttempts());
        Duration wait = settings.firstWait().multipliedBy(1L << doublings);
        if (wait.compareTo(settings.maxWait()) > 0) {
            wait = settings.maxWait();
        }
        return remaining(((Timestamp) row[1]).toInstant().plus(wait), now);
    }

    private Optional<Duration> addressWait(String address, Timestamp since, Instant now) {
        var row = jdbc.sql("""
                SELECT COUNT(*) AS n, MIN(failed_at) AS oldest FROM login_failure
                WHERE address = :address AND failed_at > :since""")
                .param("address", address).param("since", since)
                .query((rs, i) -> new Object[] {rs.getLong("n"), rs.getTimestamp("oldest")}).single();
        if ((Long) row[0] < settings.addressLimit()) {
            return Optional.empty();
        }
        return remaining(((Timestamp) row[1]).toInstant().plus(settings.window()), now);
    }

    private static Optional<Duration> remaining(Instant until, Instant now) {
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String key(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
