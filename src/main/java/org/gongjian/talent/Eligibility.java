package org.gongjian.talent;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Whether a talent may claim a policy, with one explained line per criterion (层次, 领域, 学历, 引进年限); a criterion the
 * policy leaves open passes and says so. Pure: no database, no clock.
 */
public final class Eligibility {

    /** What a policy asks; empty sets and nulls mean "any". */
    public record Criteria(Set<String> tiers, Set<String> fields, @Nullable Degree minDegree, @Nullable Integer maxYears) {}

    /** The talent's facts the criteria look at. */
    public record Facts(String tier, String field, Degree degree, LocalDate introducedOn) {}

    public record Line(boolean met, String text) {}

    public record Result(boolean eligible, List<Line> lines) {

        /** One text for storing and showing: "✓ …；✗ …". */
        public String summary() {
            return String.join("；", lines.stream().map(l -> (l.met() ? "✓ " : "✗ ") + l.text()).toList());
        }
    }

    private Eligibility() {
    }

    public static Result check(Criteria criteria, Facts facts, LocalDate today) {
        List<Line> lines = new ArrayList<>();
        lines.add(oneOf("人才层次", facts.tier(), criteria.tiers()));
        lines.add(oneOf("产业领域", facts.field(), criteria.fields()));
        Degree min = criteria.minDegree();
        if (min == null) {
            lines.add(new Line(true, "学历不限（" + facts.degree().label() + "）"));
        } else {
            boolean ok = facts.degree().compareTo(min) >= 0;
            lines.add(new Line(ok, "学历" + facts.degree().label() + (ok ? "，达到" : "，低于") + "要求的" + min.label()));
        }
        Integer maxYears = criteria.maxYears();
        int years = Period.between(facts.introducedOn(), today).getYears();
        if (facts.introducedOn().isAfter(today)) {
            lines.add(new Line(false, "引进时间" + facts.introducedOn() + "晚于今天"));
        } else if (maxYears == null) {
            lines.add(new Line(true, "引进年限不限（已引进" + years + "年）"));
        } else {
            boolean ok = years < maxYears;
            lines.add(new Line(ok, "引进于" + facts.introducedOn() + "，满" + years + "年" + (ok ? "，在" : "，超出")
                    + "政策规定的" + maxYears + "年内"));
        }
        return new Result(lines.stream().allMatch(Line::met), List.copyOf(lines));
    }

    private static Line oneOf(String name, String value, Set<String> allowed) {
        if (allowed.isEmpty()) {
            return new Line(true, name + "不限（" + value + "）");
        }
        boolean ok = allowed.contains(value);
        return new Line(ok, name + "“" + value + "”" + (ok ? "属于" : "不属于") + "政策范围（" + String.join("、", allowed.stream().sorted().toList()) + "）");
    }
}
