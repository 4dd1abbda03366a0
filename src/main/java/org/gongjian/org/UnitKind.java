package org.gongjian.org;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Kinds of unit in the one organisation tree, with the parent each may hang under. */
public enum UnitKind {
    PROVINCE("省"),
    CITY("市"),
    COUNTY("县(市、区)"),
    TOWNSHIP("乡镇(街道)"),
    DISTRICT("管区"),
    VILLAGE("村(社区)"),
    DEPARTMENT("部门");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A null parent means a root: only a province (or a county piloting alone) starts a tree. */
    public boolean mayHangUnder(UnitKind parent) {
        return allowedParents().contains(parent);
    }

    public boolean mayBeRoot() {
        return this == PROVINCE || this == CITY || this == COUNTY;
    }

    private Set<UnitKind> allowedParents() {
        return switch (this) {
            case PROVINCE -> EnumSet.noneOf(UnitKind.class);
            case CITY -> EnumSet.of(PROVINCE);
            case COUNTY -> EnumSet.of(CITY);
            case TOWNSHIP -> EnumSet.of(COUNTY);
            case DISTRICT -> EnumSet.of(TOWNSHIP);
            case VILLAGE -> EnumSet.of(TOWNSHIP, DISTRICT);
            case DEPARTMENT -> EnumSet.of(PROVINCE, CITY, COUNTY);
        };
    }

    /** Reads a kind as typed in an import sheet: the Chinese label, a short form, or the English constant. */
    public static Optional<UnitKind> parse(String text) {
        // A Chinese input method types full-width brackets: 村（社区） means 村(社区).
        String t = text.trim().replace('（', '(').replace('）', ')');
        for (UnitKind kind : values()) {
            if (kind.name().equalsIgnoreCase(t) || kind.label.equals(t)) {
                return Optional.of(kind);
            }
        }
        return switch (t) {
            case "县", "区", "县级市", "县区" -> Optional.of(COUNTY);
            case "乡", "镇", "乡镇", "街道" -> Optional.of(TOWNSHIP);
            case "村", "社区" -> Optional.of(VILLAGE);
            case "地级市" -> Optional.of(CITY);
            case "自治区", "直辖市" -> Optional.of(PROVINCE);
            default -> Optional.empty();
        };
    }
}
