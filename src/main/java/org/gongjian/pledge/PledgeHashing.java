package org.gongjian.pledge;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;

/**
 * Canonical form and hashes of pledge versions. The content hash covers the canonical JSON; the chain hash of a
 * signed version covers the previous version's chain hash, its own content hash and both signatures, so editing
 * any signed row in the database breaks verification from that version on.
 */
final class PledgeHashing {

    static final String GENESIS = "0".repeat(64);

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // Records' properties are all creator properties, which Jackson otherwise keeps first in declaration
            // order, ignoring the alphabetical sort: the keys would follow the record, not the alphabet.
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // Numbers as plain strings without trailing zeros: 1200 and 1200.00 must hash alike.
            .addModule(new SimpleModule().addSerializer(BigDecimal.class, new StdSerializer<BigDecimal>(BigDecimal.class) {
                @Override
                public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext context) {
                    BigDecimal stripped = value.stripTrailingZeros();
                    gen.writeNumber((stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString());
                }
            }))
            .build();

    private PledgeHashing() {
    }

    static String canonical(PledgeContent content) {
        return CANONICAL.writeValueAsString(content);
    }

    static PledgeContent read(String json) {
        return CANONICAL.readValue(json, PledgeContent.class);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One link of the chain: previous link, this version's content hash, who signed it and when. */
    static String link(@Nullable String previous, String contentHash, String signatures) {
        return sha256((previous == null ? GENESIS : previous) + "|" + contentHash + "|" + signatures);
    }
}
