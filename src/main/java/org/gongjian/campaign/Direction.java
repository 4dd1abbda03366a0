package org.gongjian.campaign;

import java.util.Optional;

/** Whether more of an indicator is better (新增就业) or less (PM2.5 浓度). */
public enum Direction {
    HIGHER_IS_BETTER("越大越好"),
    LOWER_IS_BETTER("越小越好");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Direction> parse(String text) {
        String t = text.trim();
        for (Direction d : values()) {
            if (d.name().equalsIgnoreCase(t) || d.label.equals(t)) {
                return Optional.of(d);
            }
        }
        return switch (t) {
            case "正向", "越高越好", "增长" -> Optional.of(HIGHER_IS_BETTER);
            case "逆向", "反向", "越低越好", "下降" -> Optional.of(LOWER_IS_BETTER);
            default -> Optional.empty();
        };
    }
}
