package org.gongjian.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for API writes: the first request with a key claims it, its response is stored, and every
 * retry with the same key and the same request gets that response again instead of a second write. The same key on
 * a different request answers 422; a retry while the first is still running answers 409.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_HASHED_BODY = 11 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final Clock clock;

    public IdempotencyFilter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Stored(String method, String path, String requestHash, int status, String contentType, String body) {}

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null
                || !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (key.isEmpty() || key.length() > 100 || auth == null || !auth.isAuthenticated()) {
            problem(response, 400, "Idempotency-Key 须为1到100个字符，且请求须已认证");
            return;
        }
        // Bodies beyond the upload limit are refused later anyway; they are keyed by method and path alone.
        boolean large = request.getContentLengthLong() > MAX_HASHED_BODY;
        byte[] body = large ? new byte[0] : request.getInputStream().readAllBytes();
        String hash = sha256(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString(), body);
        String principal = auth.getName();
        if (!claim(principal, key, request, hash)) {
            replayOrRefuse(principal, key, request, hash, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(large ? request : new ReplayableRequest(request, body), wrapper);
        } catch (IOException | ServletException | RuntimeException e) {
            release(principal, key);
            throw e;
        }
        if (wrapper.getStatus() >= 500) {
            release(principal, key);
        } else {
            jdbc.sql("""
                    UPDATE idempotency_record SET status = :status, content_type = :type, body = :body
                    WHERE principal = :p AND idem_key = :k""")
                    .param("status", wrapper.getStatus()).param("type", wrapper.getContentType())
                    .param("body", new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8))
                    .param("p", principal).param("k", key).update();
        }
        wrapper.copyBodyToResponse();
    }

    /** Claims the key with a pending row (status 0); the unique constraint makes a concurrent twin lose. */
    private boolean claim(String principal, String key, HttpServletRequest request, String hash) {
        try {
            jdbc.sql("""
                    INSERT INTO idempotency_record (principal, idem_key, method, path, request_hash, status, created_at)
                    VALUES (:p, :k, :m, :path, :h, 0, :now)""")
                    .param("p", principal).param("k", key).param("m", request.getMethod())
                    .param("path", truncate(request.getRequestURI(), 400)).param("h", hash)
                    .param("now", Timestamp.from(clock.instant())).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void replayOrRefuse(String principal, String key, HttpServletRequest request, String hash,
                                HttpServletResponse response) throws IOException {
        Optional<Stored> stored = jdbc.sql("""
                SELECT method, path, request_hash, status, content_type, body FROM idempotency_record
                WHERE principal = :p AND idem_key = :k""").param("p", principal).param("k", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6))).optional();
        if (stored.isEmpty()) {
            problem(response, 409, "同一请求正在处理，请稍后重试");
            return;
        }
        Stored s = stored.get();
        if (!s.requestHash().equals(hash)) {
            problem(response, 422, "该 Idempotency-Key 已用于另一个请求");
            return;
        }
        if (s.status() == 0) {
            problem(response, 409, "同一请求正在处理，请稍后重试");
            return;
        }
        response.setStatus(s.status());
        response.setHeader("Idempotency-Replayed", "true");
        if (s.contentType() != null) {
            response.setContentType(s.contentType());
        }
        if (s.body() != null) {
            response.getOutputStream().write(s.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void release(String principal, String key) {
        jdbc.sql("DELETE FROM idempotency_record WHERE principal = :p AND idem_key = :k AND status = 0")
                .param("p", principal).param("k", key).update();
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"https://gongjian.org/problems/idempotency\",\"title\":\"重复请求\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}");
    }

    private static String sha256(String head, byte[] body) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
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
