package org.gongjian.pledge;

/**
 * Published when a signature is added to a pledge's current version: by the unit head (立状人; the issuer's
 * countersignature is next) or by the issuing leader (发令方; the version is now SIGNED and binding).
 */
public record PledgeSigned(long pledgeId, long campaignId, long issuerUnitId, long unitId, String unitName, int version,
                           SignatureRole role, boolean binding) {

    public String link() {
        return "/pledges/" + pledgeId;
    }
}
