package org.gongjian.integrity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.shared.CanonicalJson;

/**
 * The append-only anchor file ({@code gongjian.integrity.anchor-file}, {@code GONGJIAN_ANCHOR_FILE}): one JSON line
 * per anchor, appended and forced to disk, never rewritten. It belongs outside the database (and, in production, on
 * storage the database administrator cannot write, or copied off daily — docs/security.md).
 */
final class AnchorLog {

    /** A line as read: the parsed anchor (null when it does not parse) and its raw text. */
    record Line(int number, String text, Anchor anchor) {}

    private final Path file;

    AnchorLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    synchronized List<String> rawLines() {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("锚定文件无法读取：" + file.toAbsolutePath(), e);
        }
    }

    static Anchor parse(String line) {
        return CanonicalJson.read(line, Anchor.class);
    }

    static String format(Anchor anchor) {
        return CanonicalJson.write(anchor);
    }

    synchronized void append(String line) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); var lock = channel.lock()) {
                channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new IllegalStateException("锚定文件无法写入：" + file.toAbsolutePath(), e);
        }
    }

    List<String> lines() {
        return new ArrayList<>(rawLines());
    }
}
