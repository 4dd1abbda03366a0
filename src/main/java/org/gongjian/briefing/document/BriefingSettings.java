package org.gongjian.briefing.document;

/** A campaign's 文头 (issuing unit) and 文号 prefix, e.g. 示范县重点工作攻坚年领导小组办公室 and 示攻坚办. */
public record BriefingSettings(String issuingUnit, String numberPrefix) {

    /** The owner unit's name + 攻坚办; the prefix takes the name's first character (示范县 → 示攻坚办). */
    static BriefingSettings defaults(String ownerUnitName) {
        return new BriefingSettings(ownerUnitName + "攻坚办", ownerUnitName.substring(0, 1) + "攻坚办");
    }
}
