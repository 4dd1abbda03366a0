package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.gongjian.report.EvidenceFiles;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * API bodies over the real HTTP connector: JSON over 1 MB is a 413 before it is buffered, multipart is parsed only
 * after authentication, and an upload is part of the Idempotency-Key fingerprint (another file under the same key
 * is a 422).
 */
class RequestBodyLimitTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    final HttpClient http = HttpClient.newHttpClient();
    County c;
    String admin;

    @BeforeEach
    void county() throws Exception {
        c = fixtures.county();
        admin = Logins.token(mvc, c.adminUser());
    }

    @Test
    void jsonOverTheCapIsA413WhateverItsFraming() throws Exception {
        byte[] big = ("{\"name\":\"" + "大".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8); // ~1.2 MB
        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(uri("/api/v1/units"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(declared.body()).contains("\"status\":413");

        for (String key : new String[] {null, "big-" + c.tag()}) { // chunked, so only the stream can tell
            HttpRequest.Builder chunked = HttpRequest.newBuilder(uri("/api/v1/units"))
                    .header("Authorization", admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)));
            if (key != null) {
                chunked.header("Idempotency-Key", key);
            }
            HttpResponse<String> answer = http.send(chunked.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("key %s", key).isEqualTo(413);
            assertThat(answer.body()).contains("\"status\":413");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_record WHERE idem_key = :k").param("k", "big-" + c.tag())
                .query(Long.class).single()).isZero();
    }

    /** The filter never reads past the cap: at most cap + 1 bytes of a 50 MB stream, and none when the length says so. */
    @Test
    void theCapStopsReadingAtTheLimit() throws Exception {
        RequestBodyLimitFilter filter = new RequestBodyLimitFilter(1024 * 1024);
        AtomicLong read = new AtomicLong();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/units") {
            @Override
            public ServletInputStream getInputStream() {
                return endless(read, 50L * 1024 * 1024);
            }
        };
        request.setContentType("application/json");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> req.getInputStream().readAllBytes());
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(read.get()).isLessThanOrEqualTo(1024 * 1024 + 1);

        AtomicLong untouched = new AtomicLong();
        MockHttpServletRequest declared = new MockHttpServletRequest("POST", "/api/v1/units") {
            @Override
            public ServletInputStream getInputStream() {
                return endless(untouched, 50L * 1024 * 1024);
            }

            @Override
            public long getContentLengthLong() {
                return 50L * 1024 * 1024;
            }
        };
        declared.setContentType("application/json");
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(declared, refused, (req, res) -> req.getInputStream().readAllBytes());
        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(untouched.get()).isZero();
    }

    /** Parsed before authentication, a 30 MB upload would be a 413 (over the 21 MB part limit); unparsed it is a 401. */
    @Test
    void anAnonymousUploadIsRefusedBeforeItIsParsed() throws Exception {
        Path big = Files.createTempFile("anon", ".bin");
        try {
            byte[] chunk = new byte[1024 * 1024];
            try (var out = Files.newOutputStream(big)) {
                for (int i = 0; i < 30; i++) {
                    out.write(chunk);
                }
            }
            HttpResponse<String> anonymous = http.send(multipart("/api/v1/units/" + c.townshipA().id() + "/evidence",
                    null, null, "a.pdf", Files.readAllBytes(big)), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            HttpResponse<String> signedIn = http.send(multipart("/api/v1/units/" + c.townshipA().id() + "/evidence",
                    admin, null, "a.pdf", Files.readAllBytes(big)), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(413);
            assertThat(signedIn.body()).contains("\"status\":413");
        } finally {
            Files.deleteIfExists(big);
        }
    }

    @Test
    void anotherFileUnderTheSameKeyIsA422() throws Exception {
        String path = "/api/v1/units/" + c.townshipA().id() + "/evidence";
        String key = "file-" + c.tag();
        byte[] a = EvidenceFiles.png(41, 31, 7);
        byte[] b = EvidenceFiles.png(42, 32, 8);
        HttpResponse<String> first = http.send(multipart(path, admin, key, "a.png", a), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> other = http.send(multipart(path, admin, key, "a.png", b), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        HttpResponse<String> again = http.send(multipart(path, admin, key, "a.png", a), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence WHERE sha256 = :h")
                .param("h", org.gongjian.report.EvidenceService.sha256(b)).query(Long.class).single()).isZero();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest multipart(String path, String auth, String key, String filename, byte[] content) throws IOException {
        String boundary = "gjBoundary" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.build();
    }

    private static ServletInputStream endless(AtomicLong read, long size) {
        InputStream zeros = new InputStream() {
            @Override
            public int read() {
                if (read.get() >= size) {
                    return -1;
                }
                read.incrementAndGet();
                return '1';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long left = size - read.get();
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) '1');
                read.addAndGet(n);
                return n;
            }
        };
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return zeros.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return zeros.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return read.get() >= size;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
    }
}
