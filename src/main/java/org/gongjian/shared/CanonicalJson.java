package org.gongjian.shared;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * One canonical JSON form for everything that is hashed (signed pledges, approved reports): keys sorted, numbers
 * without trailing zeros, so the same content always gives the same SHA-256 whatever the database returned.
 */
public final class CanonicalJson {

    /** The previous link of the first record of a chain. */
    public static final String GENESIS = "0".repeat(64);

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

    private CanonicalJson() {
    }

    public static String write(Object content) {
        return CANONICAL.writeValueAsString(content);
    }

    public static <T> T read(String json, Class<T> type) {
        return CANONICAL.readValue(json, type);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
