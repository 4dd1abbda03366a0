package org.gongjian.report.evidence;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/**
 * The display name of an uploaded file. The client's name is only ever shown (and offered on download), never used
 * as a path: directories, control characters, bidirectional overrides and characters Windows forbids are removed,
 * the length is bounded, and the extension is made to match the content that was actually detected.
 */
public final class EvidenceFileName {

    static final int MAX_LENGTH = 100;

    private EvidenceFileName() {
    }

    public static String of(@Nullable String original, EvidenceType type) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        // Only the last path segment, whichever separator the client's system uses.
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(cut + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x200B || cp == 0xFEFF || (cp >= 0x202A && cp <= 0x202E)
                    || (cp >= 0x2066 && cp <= 0x2069) || Character.getType(cp) == Character.FORMAT) {
                return;
            }
            clean.appendCodePoint("<>:\"|?*".indexOf(cp) >= 0 ? '_' : cp);
        });
        name = clean.toString().strip().replaceAll("\\s+", " ");
        name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");

        String base = name;
        String extension = "";
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            base = name.substring(0, dot);
            extension = name.substring(dot + 1);
        }
        if (!extension.isEmpty() && !type.fits(extension) && !EvidenceType.knownExtension(extension)) {
            // An unrelated extension stays part of the name: "notes.txt" holding a PDF becomes "notes.txt.pdf".
            base = name;
        }
        base = base.replaceAll("[.\\s]+$", "");
        if (base.isEmpty()) {
            base = "佐证材料";
        }
        // "IMG_1.JPEG" keeps its (lower-cased) spelling; anything else gets the detected type's extension.
        String suffix = "." + (type.fits(extension) ? extension.toLowerCase(java.util.Locale.ROOT) : type.extension());
        int room = MAX_LENGTH - suffix.length();
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room)).strip();
        }
        return base + suffix;
    }
}
