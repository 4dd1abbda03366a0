package org.gongjian.talent;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A talent profile. {@code phone}, {@code idNumber} and {@code address} are masked ({@code masked = true}) unless this
 * view came from {@link TalentService#personalData}, which only the talent office may call, with a reason, audited.
 */
public record TalentView(long id, long unitId, String unitName, String name, String field, String tier, Degree degree,
                         @Nullable String title, String employer, LocalDate introducedOn, TalentSource source,
                         @Nullable String phone, @Nullable String idNumber, @Nullable String address, boolean masked) {

    public String degreeLabel() {
        return degree.label();
    }

    public String sourceLabel() {
        return source.label();
    }

    TalentView hidden() {
        return masked ? this : new TalentView(id, unitId, unitName, name, field, tier, degree, title, employer, introducedOn,
                source, Masking.phone(phone), Masking.idNumber(idNumber), Masking.address(address), true);
    }
}
