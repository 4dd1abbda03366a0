package org.gongjian.report.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes the bytes as they pass and, at the end of the stream, compares the SHA-256 with the one the content is
 * stored under: a reader that reaches the end has either had exactly the stored content or gets an
 * {@link EvidenceCorrupted}. Nothing is buffered.
 */
public final class HashCheckedStream extends FilterInputStream {

    /** The bytes read do not hash to the address they were stored under. */
    public static final class EvidenceCorrupted extends IOException {
        EvidenceCorrupted(String expected, String actual) {
            super("evidence content " + expected + " is corrupted: its bytes hash to " + actual);
        }
    }

    private final String expected;
    private final MessageDigest digest;
    private boolean checked;

    public HashCheckedStream(InputStream in, String expectedSha256) {
        super(in);
        this.expected = expectedSha256;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b == -1) {
            check();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n == -1) {
            check();
        } else {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be hashed too, so skipping reads them.
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r == -1) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: a reset would hash bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** Reads the rest and checks the hash; returns the number of bytes read. */
    public long drain() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = read(buffer, 0, buffer.length)) != -1) {
            total += n;
        }
        return total;
    }

    private void check() throws IOException {
        if (checked) {
            return;
        }
        checked = true;
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected)) {
            throw new EvidenceCorrupted(expected, actual);
        }
    }
}
