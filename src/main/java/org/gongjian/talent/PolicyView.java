package org.gongjian.talent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A talent policy: who qualifies, what it gives, which unit delivers it, what to bring, in how many working days. */
public record PolicyView(long id, String name, String category, long unitId, String unitName, List<String> tiers,
                         List<String> fields, @Nullable Degree minDegree, @Nullable Integer maxYears,
                         @Nullable BigDecimal amount, String content, List<String> documents, int promisedDays,
                         boolean active) {

    Eligibility.Criteria criteria() {
        return new Eligibility.Criteria(Set.copyOf(tiers), Set.copyOf(fields), minDegree, maxYears);
    }

    public String eligibilityText() {
        List<String> parts = new java.util.ArrayList<>();
        parts.add(tiers.isEmpty() ? "层次不限" : String.join("、", tiers) + "类");
        parts.add(fields.isEmpty() ? "领域不限" : String.join("、", fields));
        parts.add(minDegree == null ? "学历不限" : minDegree.label() + "及以上");
        parts.add(maxYears == null ? "年限不限" : "引进" + maxYears + "年内");
        return String.join("；", parts);
    }
}
