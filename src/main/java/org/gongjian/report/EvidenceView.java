package org.gongjian.report;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One file in a unit's evidence library (佐证材料). {@code fileName} is the sanitised display name, {@code contentType}
 * the type detected from the bytes; capture time and position come from a photo's EXIF when it has them.
 */
public record EvidenceView(long id, long unitId, String fileName, String contentType, long size, String sha256,
                           boolean photo, @Nullable Instant capturedAt, @Nullable BigDecimal latitude,
                           @Nullable BigDecimal longitude, String uploadedBy, Instant uploadedAt) {

    /** Whether the photo carries a position (both coordinates). */
    public boolean located() {
        return latitude != null && longitude != null;
    }
}
