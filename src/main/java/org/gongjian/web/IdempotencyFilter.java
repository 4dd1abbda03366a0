package org.gongjian.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for API writes, crash-safe (issue #16):
 * <ol>
 * <li>The key is claimed with a pending row committed on its own: a lease held by this request (a random claim
 * token) until {@code gongjian.idempotency.lease} seconds from now. A retry during the lease answers 409 with
 * {@code Retry-After}; a retry after it takes the claim over, so a request whose node died is never stuck.</li>
 * <li>The work and the stored answer commit in one transaction (the services' own transactions join it). The
 * answer is written only while this request still holds the claim, so of two holders at most one commits.</li>
 * <li>A 4xx answer rolls the work back and is stored in its own transaction (the retry gets the same refusal);
 * a 5xx or an exception rolls back and releases the claim, so a retry runs the work afresh.</li>
 * </ol>
 * After any crash a retry therefore either replays the committed answer or runs the work for the first time.
 * The fingerprint (method, path, query and body) is hashed while the body streams in; for multipart each part's
 * SHA-256 (the uploaded file's bytes, from its temporary file) is part of it, so the same key with another file
 * is a 422. Anonymous requests pass through untouched (they are refused or are the token endpoint).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    /** Response headers kept with the stored answer and replayed with it. */
    private static final List<String> KEPT_HEADERS = List.of("Location", "ETag", "Content-Disposition");
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PlatformTransactionManager transactions;
    private final Duration lease;
    private final long maxBodyBytes;

    public IdempotencyFilter(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions, Duration lease,
                             long maxBodyBytes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
        this.lease = lease;
        this.maxBodyBytes = maxBodyBytes;
    }

    record Stored(String requestHash, int status, @Nullable String contentType, @Nullable String body,
                  @Nullable String headers, @Nullable Instant leaseUntil, @Nullable String claimToken) {}

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null
                || !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 100) {
            ProblemWriter.write(response, 400, "idempotency", "重复请求", "Idempotency-Key 须为1到100个字符");
            return;
        }
        Fingerprinted fingerprinted = fingerprint(request);
        String principal = auth.getName();
        String token = UUID.randomUUID().toString();
        if (!claim(principal, key, request, fingerprinted.hash(), token, response)) {
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setName("idempotent " + request.getMethod() + " " + request.getRequestURI());
        TransactionStatus tx = transactions.getTransaction(definition);
        try {
            chain.doFilter(fingerprinted.request(), wrapper);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            rollbackQuietly(tx);
            release(principal, key, token);
            throw e;
        }
        int status = wrapper.getStatus();
        if (status < 400 && !tx.isRollbackOnly()) {
            int stored;
            try {
                stored = store(principal, key, token, wrapper);
            } catch (RuntimeException e) {
                rollbackQuietly(tx);
                release(principal, key, token);
                throw e;
            }
            if (stored != 1) {
                // The lease ran out and another try took the claim: its outcome is the one that counts.
                rollbackQuietly(tx);
                log.warn("Idempotency-Key {} of {}: the lease expired before the work finished; rolled back", key, principal);
                retryLater(response, "请求处理超时，已由另一次重试接手，请稍后重试");
                return;
            }
            try {
                transactions.commit(tx); // the work and its answer, together
            } catch (RuntimeException e) {
                release(principal, key, token);
                throw e;
            }
        } else {
            rollbackQuietly(tx);
            if (status >= 500 || status < 400) { // 5xx, or a success that a service had marked for rollback
                release(principal, key, token);
                if (status < 400) {
                    wrapper.reset();
                    ProblemWriter.write(wrapper, 500, "server", "服务器错误", "操作未完成，请重试");
                }
            } else {
                store(principal, key, token, wrapper); // a refusal changed nothing; it is the answer to retries
            }
        }
        wrapper.copyBodyToResponse();
    }

    private record Fingerprinted(String hash, HttpServletRequest request) {}

    /** Method, path, query and body, hashed as the body streams in; multipart bodies part by part. */
    private Fingerprinted fingerprint(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest digest = sha256();
        digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            for (Part part : request.getParts()) { // already parsed into temporary files by RequestBodyLimitFilter
                digest.update(("part " + part.getName() + " " + part.getSubmittedFileName() + " " + part.getSize() + " ")
                        .getBytes(StandardCharsets.UTF_8));
                MessageDigest file = sha256();
                try (InputStream in = part.getInputStream()) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        file.update(buffer, 0, n);
                    }
                }
                digest.update(HexFormat.of().formatHex(file.digest()).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) '\n');
            }
            return new Fingerprinted(HexFormat.of().formatHex(digest.digest()), request);
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            // The container parses these into parameters; hash those, sorted, and leave the stream alone.
            Map<String, String[]> sorted = new TreeMap<>(request.getParameterMap());
            sorted.forEach((name, values) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                for (String v : values) {
                    digest.update((byte) 0);
                    digest.update(v.getBytes(StandardCharsets.UTF_8));
                }
                digest.update((byte) '\n');
            });
            return new Fingerprinted(HexFormat.of().formatHex(digest.digest()), request);
        }
        // Any other body is capped by RequestBodyLimitFilter (1 MB by default): read once, hashed on the way.
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (copy.size() + n > maxBodyBytes) {
                    throw new RequestBodyLimitFilter.BodyTooLargeException();
                }
                digest.update(buffer, 0, n);
                copy.write(buffer, 0, n);
            }
        }
        return new Fingerprinted(HexFormat.of().formatHex(digest.digest()),
                new ReplayableRequest(request, copy.toByteArray()));
    }

    /**
     * Takes the key for this request, or answers for it: replays a stored answer, refuses another request under
     * the same key (422) or a twin still within its lease (409). An expired lease is taken over.
     */
    private boolean claim(String principal, String key, HttpServletRequest request, String hash, String token,
                          HttpServletResponse response) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            try {
                jdbc.sql("""
                        INSERT INTO idempotency_record
                            (principal, idem_key, method, path, request_hash, status, created_at, lease_until, claim_token)
                        VALUES (:p, :k, :m, :path, :h, 0, :now, :until, :token)""")
                        .param("p", principal).param("k", key).param("m", request.getMethod())
                        .param("path", truncate(request.getRequestURI(), 400)).param("h", hash)
                        .param("now", Timestamp.from(now)).param("until", Timestamp.from(now.plus(lease)))
                        .param("token", token).update();
                return true;
            } catch (DuplicateKeyException e) {
                // someone holds or held the key: look at what they left
            }
            Optional<Stored> found = load(principal, key);
            if (found.isEmpty()) {
                continue; // released in between: claim again
            }
            Stored s = found.get();
            if (!s.requestHash().equals(hash)) {
                ProblemWriter.write(response, 422, "idempotency", "重复请求", "该 Idempotency-Key 已用于另一个请求");
                return false;
            }
            if (s.status() != 0) {
                replay(s, response);
                return false;
            }
            if (s.leaseUntil() != null && s.leaseUntil().isAfter(now)) {
                long seconds = Math.max(1, Duration.between(now, s.leaseUntil()).toSeconds() + 1);
                response.setHeader("Retry-After", Long.toString(seconds));
                ProblemWriter.write(response, 409, "idempotency", "重复请求", "同一请求正在处理，请稍后重试");
                return false;
            }
            // The holder's lease ran out (its node died, or it is stuck): take the claim over.
            String previous = s.claimToken();
            var takeOver = jdbc.sql("""
                    UPDATE idempotency_record SET claim_token = :token, lease_until = :until, created_at = :now
                    WHERE principal = :p AND idem_key = :k AND status = 0 """
                    + (previous == null ? " AND claim_token IS NULL" : " AND claim_token = :old"))
                    .param("token", token).param("until", Timestamp.from(now.plus(lease)))
                    .param("now", Timestamp.from(now)).param("p", principal).param("k", key);
            int taken = (previous == null ? takeOver : takeOver.param("old", previous)).update();
            if (taken == 1) {
                log.info("Idempotency-Key {} of {}: expired lease taken over", key, principal);
                return true;
            }
        }
        retryLater(response, "同一请求正在处理，请稍后重试");
        return false;
    }

    private void retryLater(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("Retry-After", "1");
        ProblemWriter.write(response, 409, "idempotency", "重复请求", detail);
    }

    private Optional<Stored> load(String principal, String key) {
        return jdbc.sql("""
                SELECT request_hash, status, content_type, body, headers, lease_until, claim_token FROM idempotency_record
                WHERE principal = :p AND idem_key = :k""").param("p", principal).param("k", key)
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp(6);
                    return new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            until == null ? null : until.toInstant(), rs.getString(7));
                }).optional();
    }

    /** Writes the answer over this request's claim; 0 when the claim is no longer this request's. */
    private int store(String principal, String key, String token, ContentCachingResponseWrapper wrapper) {
        StringBuilder headers = new StringBuilder();
        for (String name : KEPT_HEADERS) {
            String value = wrapper.getHeader(name);
            if (value != null) {
                headers.append(name).append(": ").append(value).append('\n');
            }
        }
        return jdbc.sql("""
                UPDATE idempotency_record SET status = :status, content_type = :type, body = :body, headers = :headers,
                    lease_until = NULL
                WHERE principal = :p AND idem_key = :k AND claim_token = :token AND status = 0""")
                .param("status", wrapper.getStatus()).param("type", wrapper.getContentType())
                .param("body", new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8))
                .param("headers", headers.isEmpty() ? null : truncate(headers.toString(), 2000))
                .param("p", principal).param("k", key).param("token", token).update();
    }

    private static void replay(Stored s, HttpServletResponse response) throws IOException {
        response.setStatus(s.status());
        response.setHeader("Idempotency-Replayed", "true");
        if (s.headers() != null) {
            for (String line : s.headers().split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    response.setHeader(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        if (s.contentType() != null) {
            response.setContentType(s.contentType());
        }
        if (s.body() != null) {
            response.getOutputStream().write(s.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void release(String principal, String key, String token) {
        try {
            jdbc.sql("DELETE FROM idempotency_record WHERE principal = :p AND idem_key = :k AND claim_token = :token AND status = 0")
                    .param("p", principal).param("k", key).param("token", token).update();
        } catch (RuntimeException e) {
            // The lease still expires on its own.
            log.warn("Idempotency-Key {} of {}: could not release the claim ({})", key, principal, e.toString());
        }
    }

    private void rollbackQuietly(TransactionStatus tx) {
        if (!tx.isCompleted()) {
            try {
                transactions.rollback(tx);
            } catch (RuntimeException e) {
                log.warn("rollback failed: {}", e.toString());
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Lets the controller read the body the filter already read to hash it. */
    private static final class ReplayableRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The body is already in memory, so all of it is available at once. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }
    }
}
