package org.gongjian.report.evidence;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.gongjian.report.EvidenceStore;

/**
 * Evidence on the local disk: {@code <directory>/ab/cd/<sha256>}. A new file is written to a temporary file in the
 * same directory and moved into place atomically, so a reader never sees half a file and two uploads of the same
 * content race harmlessly. Names come from the hash only, never from what the client sent. The single-node default
 * ({@code gongjian.evidence.store=local}); made by {@link EvidenceStoreFactory}.
 */
public class FileEvidenceStore implements EvidenceStore {

    private final Path root;

    public FileEvidenceStore(String directory) {
        this.root = Path.of(directory).toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path pathOf(String sha256) {
        String hash = EvidenceStore.checked(sha256);
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    @Override
    public void put(String sha256, InputStream content) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void put(String sha256, Path file) throws IOException {
        if (Files.exists(pathOf(sha256))) {
            return;
        }
        try (InputStream content = Files.newInputStream(file)) {
            put(sha256, content);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another upload of the same content won the race: identical bytes, nothing to do.
        } catch (AtomicMoveNotSupportedException e) {
            try {
                Files.move(temp, target);
            } catch (FileAlreadyExistsException again) {
                // as above
            }
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Path path = pathOf(sha256);
        if (!Files.isRegularFile(path)) {
            throw new FileNotFoundException("evidence content " + sha256);
        }
        return Files.newInputStream(path);
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }
}
