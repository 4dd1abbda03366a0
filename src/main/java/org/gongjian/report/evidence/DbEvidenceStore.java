package org.gongjian.report.evidence;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.gongjian.report.EvidenceStore;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence in the application's own database, for a few nodes without object storage: the content is cut into
 * chunk rows ({@code evidence_chunk}, {@value #CHUNK_BYTES} bytes each) so neither a write nor a read ever holds a
 * whole file in memory, and a header row ({@code evidence_content}) written last in the same transaction says the
 * content is complete. Writes run in their own transaction: content stored for an upload that then fails is harmless
 * (content-addressed, reused by the next upload of the same bytes). A read fetches one chunk at a time, each in its
 * own short query, so a slow download holds no connection.
 */
public class DbEvidenceStore implements EvidenceStore {

    static final int CHUNK_BYTES = 256 * 1024;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public DbEvidenceStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void put(String sha256, InputStream content) throws IOException {
        String hash = EvidenceStore.checked(sha256);
        if (exists(hash)) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> {
                try {
                    long size = 0;
                    int seq = 0;
                    byte[] chunk;
                    while ((chunk = content.readNBytes(CHUNK_BYTES)).length > 0) {
                        jdbc.sql("INSERT INTO evidence_chunk (sha256, seq, data) VALUES (:sha, :seq, :data)")
                                .param("sha", hash).param("seq", seq).param("data", chunk).update();
                        size += chunk.length;
                        seq++;
                    }
                    jdbc.sql("INSERT INTO evidence_content (sha256, size_bytes, chunks) VALUES (:sha, :size, :chunks)")
                            .param("sha", hash).param("size", size).param("chunks", seq).update();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (DuplicateKeyException e) {
            // Another node stored the same content at the same moment: identical bytes, nothing to do.
            if (!exists(hash)) {
                throw e;
            }
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        String hash = EvidenceStore.checked(sha256);
        Optional<Integer> chunks = jdbc.sql("SELECT chunks FROM evidence_content WHERE sha256 = :sha")
                .param("sha", hash).query(Integer.class).optional();
        if (chunks.isEmpty()) {
            throw new FileNotFoundException("evidence content " + hash);
        }
        return new ChunkStream(hash, chunks.get());
    }

    @Override
    public boolean exists(String sha256) {
        String hash = EvidenceStore.checked(sha256);
        return jdbc.sql("SELECT COUNT(*) FROM evidence_content WHERE sha256 = :sha").param("sha", hash)
                .query(Long.class).single() > 0;
    }

    private final class ChunkStream extends InputStream {
        private final String sha256;
        private final int chunks;
        private int next;
        private byte @Nullable [] current;
        private int position;

        ChunkStream(String sha256, int chunks) {
            this.sha256 = sha256;
            this.chunks = chunks;
        }

        private boolean fill() throws IOException {
            while (current == null || position >= current.length) {
                if (next >= chunks) {
                    return false;
                }
                int seq = next++;
                current = jdbc.sql("SELECT data FROM evidence_chunk WHERE sha256 = :sha AND seq = :seq")
                        .param("sha", sha256).param("seq", seq)
                        .query((rs, n) -> rs.getBytes(1)).optional()
                        .orElseThrow(() -> new IOException("evidence content " + sha256 + " lacks chunk " + seq));
                position = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return current[position++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
