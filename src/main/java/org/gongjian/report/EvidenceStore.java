package org.gongjian.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where evidence bytes live, addressed by their SHA-256 (lower-case hex). The same content is kept once, however
 * many units or reports use it. {@link org.gongjian.report.evidence.FileEvidenceStore} keeps it on disk; an S3-compatible store (object key =
 * the hash) can implement the same interface later.
 */
public interface EvidenceStore {

    /** Stores the stream's bytes under {@code sha256} unless that content is already there. The caller vouches for the hash. */
    void put(String sha256, InputStream content) throws IOException;

    default void put(String sha256, byte[] content) throws IOException {
        put(sha256, new java.io.ByteArrayInputStream(content));
    }

    /** Stores a local file's bytes (a spooled upload) unless that content is already there. */
    default void put(String sha256, Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            put(sha256, in);
        }
    }

    /** The content; the caller closes the stream. Throws {@link java.io.FileNotFoundException} when absent. */
    InputStream open(String sha256) throws IOException;

    boolean exists(String sha256);

    /** Accepts only 64 lower-case hex digits, so a hash can never become a path or key outside the store. */
    static String checked(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return sha256;
    }
}
