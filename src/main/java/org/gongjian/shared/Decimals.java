package org.gongjian.shared;

import java.math.BigDecimal;

/** Numbers as people write them: 1200 not 1.2E+3 or 1200.0000, 0.5 not 0.50. */
public final class Decimals {

    private Decimals() {
    }

    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
