package org.gongjian.report.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.gongjian.shared.InvalidInput;

/**
 * The file types evidence may have, recognised by the bytes alone: neither the client's file name nor its
 * Content-Type is believed. Office files are zip packages told apart by their entry names, read from the central
 * directory without inflating anything (a zip bomb costs nothing here).
 */
public enum EvidenceType {
    JPEG("image/jpeg", "jpg", List.of("jpg", "jpeg"), true),
    PNG("image/png", "png", List.of("png"), true),
    PDF("application/pdf", "pdf", List.of("pdf"), false),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", List.of("docx"), false),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", List.of("xlsx"), false);

    static final String ALLOWED = "仅支持 JPG、PNG 照片及 PDF、Word（.docx）、Excel（.xlsx）文件";
    private static final int MAX_ZIP_ENTRIES = 10_000;

    private final String contentType;
    private final String extension;
    private final List<String> extensions;
    private final boolean photo;

    EvidenceType(String contentType, String extension, List<String> extensions, boolean photo) {
        this.contentType = contentType;
        this.extension = extension;
        this.extensions = extensions;
        this.photo = photo;
    }

    public String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    public boolean photo() {
        return photo;
    }

    boolean fits(String extension) {
        return extensions.contains(extension.toLowerCase(Locale.ROOT));
    }

    static boolean knownExtension(String extension) {
        String e = extension.toLowerCase(Locale.ROOT);
        for (EvidenceType t : values()) {
            if (t.extensions.contains(e)) {
                return true;
            }
        }
        return false;
    }

    /** The type of a spooled upload, or {@link InvalidInput} (field {@code file}) saying why it is refused. */
    public static EvidenceType detect(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (starts(head, n, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(head, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(head, n, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        if (starts(head, n, 'P', 'K', 0x03, 0x04)) {
            return office(file);
        }
        if (starts(head, n, 'M', 'Z') || starts(head, n, 0x7F, 'E', 'L', 'F') || starts(head, n, '#', '!')) {
            throw refused("该文件实际是可执行程序（与文件名无关），不能作为佐证材料上传；" + ALLOWED);
        }
        if (starts(head, n, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw refused("不支持旧版 Word/Excel（.doc/.xls）文件，请另存为 .docx 或 .xlsx 后上传");
        }
        throw refused("文件内容不是允许的类型；" + ALLOWED);
    }

    private static EvidenceType office(Path file) {
        boolean contentTypes = false;
        boolean word = false;
        boolean excel = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            int count = 0;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (++count > MAX_ZIP_ENTRIES) {
                    throw refused("压缩包内文件过多，不是正常的 Word/Excel 文件");
                }
                if (name.equals("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (name.startsWith("word/")) {
                    word = true;
                } else if (name.startsWith("xl/")) {
                    excel = true;
                }
                if (name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
                    throw refused("含宏的文档不能作为佐证材料上传，请另存为不含宏的 .docx 或 .xlsx");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw refused("压缩文件已损坏，无法识别；" + ALLOWED);
        }
        if (contentTypes && word && !excel) {
            return DOCX;
        }
        if (contentTypes && excel && !word) {
            return XLSX;
        }
        throw refused("压缩包不是 Word（.docx）或 Excel（.xlsx）文件；" + ALLOWED);
    }

    private static boolean starts(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static InvalidInput refused(String message) {
        return InvalidInput.of("file", message);
    }
}
