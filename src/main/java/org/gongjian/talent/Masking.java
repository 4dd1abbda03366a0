package org.gongjian.talent;

import org.jspecify.annotations.Nullable;

/** How personal data shows outside the talent office: 138****5678, 110***********1234, 示范县城关镇****. */
final class Masking {

    private Masking() {
    }

    static @Nullable String phone(@Nullable String phone) {
        return keep(phone, 3, 4);
    }

    static @Nullable String idNumber(@Nullable String id) {
        return keep(id, 3, 4);
    }

    /** The first six characters (roughly the county and township), the rest hidden. */
    static @Nullable String address(@Nullable String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        int shown = Math.min(6, address.length() / 2);
        return address.substring(0, shown) + "****";
    }

    private static @Nullable String keep(@Nullable String value, int head, int tail) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
