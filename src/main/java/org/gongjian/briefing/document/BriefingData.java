package org.gongjian.briefing.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;

/**
 * Everything a briefing (工作通报) says, assembled once from the modules' data and rendered alike as HTML, docx
 * and PDF. Published, it is stored as canonical JSON and hashed, so the downloads always show what was frozen.
 * {@code rankings} is null until the assessment module supplies a {@link RankingSource}; the section then says so.
 * {@code redTasksLeftOut} counts the red tasks not listed in {@code redTasks} (a list is capped at what a leader
 * reads); a briefing frozen before the cap has no such field and reads as 0. {@code branches}: the issuing unit's own
 * tasks (本级) and each unit directly under it with every task of its subtree (a city's counties, a county's townships
 * and departments with their villages), as the cockpit sums them; empty in a briefing frozen before it.
 */
public record BriefingData(long campaignId, String campaignName, String period, Head head, Figures figures,
                           List<UnitLights> units, List<RedTask> redTasks, List<LevelCount> notices,
                           List<UnitPunctuality> reporting, @Nullable Rankings rankings, Narrative narrative,
                           @JsonSetter(nulls = Nulls.AS_EMPTY) int redTasksLeftOut,
                           @JsonSetter(nulls = Nulls.AS_EMPTY) List<UnitLights> branches) {

    /** Every red task listed. */
    public BriefingData(long campaignId, String campaignName, String period, Head head, Figures figures,
                        List<UnitLights> units, List<RedTask> redTasks, List<LevelCount> notices,
                        List<UnitPunctuality> reporting, @Nullable Rankings rankings, Narrative narrative) {
        this(campaignId, campaignName, period, head, figures, units, redTasks, notices, reporting, rankings, narrative, 0);
    }

    /** Without the summary by subordinate unit (a briefing frozen before it reads so). */
    public BriefingData(long campaignId, String campaignName, String period, Head head, Figures figures,
                        List<UnitLights> units, List<RedTask> redTasks, List<LevelCount> notices,
                        List<UnitPunctuality> reporting, @Nullable Rankings rankings, Narrative narrative,
                        int redTasksLeftOut) {
        this(campaignId, campaignName, period, head, figures, units, redTasks, notices, reporting, rankings, narrative,
                redTasksLeftOut, List.of());
    }

    /** 文头, 文号 (null until published: the number is taken when the briefing is issued), date, title. */
    public record Head(String issuingUnit, @Nullable String number, LocalDate issuedOn, String title,
                       String addressee) {}

    /** Campaign-level figures: top-level tasks by light, their average progress, reports and notices of the month. */
    public record Figures(int tasks, int green, int yellow, int red, int done, int unevaluated,
                          BigDecimal averageProgress, int reportsExpected, int onTime, int late, int missing,
                          int notices) {}

    /**
     * One lead unit's tasks by light (each task once, under the unit that leads it). {@code label}: the name as
     * printed, see {@link UnitLabels}; null in a briefing frozen before labels, which then prints the name.
     */
    public record UnitLights(long unitId, String unitName, String kind, long total, long green, long yellow, long red,
                             long done, @Nullable String label) {

        /** How the issuing unit's own row is labelled in the summary by subordinate unit. */
        static final String OWN = "（本级）";

        public UnitLights(long unitId, String unitName, String kind, long total, long green, long yellow, long red,
                          long done) {
            this(unitId, unitName, kind, total, green, yellow, red, done, null);
        }

        public String shown() {
            return label != null ? label : unitName;
        }

        /** The issuing unit's own tasks among {@link BriefingData#branches} (labelled so when assembled). */
        public boolean own() {
            return label != null && label.endsWith(OWN);
        }

        UnitLights labelled(String newLabel) {
            return new UnitLights(unitId, unitName, kind, total, green, yellow, red, done, newLabel);
        }
    }

    /** A red task where the work is done (no subtasks), with the light's reasons. */
    public record RedTask(long taskId, String title, String category, String leadUnit, @Nullable String leadLeader,
                          BigDecimal progress, List<String> reasons) {}

    /** Notices issued in the month at one level (提醒 … 问责). */
    public record LevelCount(String level, String label, long count) {}

    /**
     * A lead unit's reports of the month: expected, on time, late, not in. A briefing frozen before units were told
     * apart by id (same-named units were summed into one row) reads with {@code unitId} 0 and no label.
     */
    public record UnitPunctuality(@JsonSetter(nulls = Nulls.AS_EMPTY) long unitId, String unitName, int expected,
                                  int onTime, int late, int missing, @Nullable String label) {

        public String shown() {
            return label != null ? label : unitName;
        }

        UnitPunctuality labelled(String newLabel) {
            return new UnitPunctuality(unitId, unitName, expected, onTime, late, missing, newLabel);
        }
    }

    /** 红榜 (top) and 黑榜 (bottom) per peer group. */
    public record Rankings(List<RankingGroup> groups) {}

    public record RankingGroup(String name, List<Ranked> top, List<Ranked> bottom) {}

    /** A ranked unit; {@code unitId} 0 and no label in a briefing frozen before units were told apart by id. */
    public record Ranked(int rank, @JsonSetter(nulls = Nulls.AS_EMPTY) long unitId, String unitName, BigDecimal score,
                         @Nullable String label) {

        public Ranked(int rank, String unitName, BigDecimal score) {
            this(rank, 0, unitName, score, null);
        }

        public String shown() {
            return label != null ? label : unitName;
        }
    }

    /** The paragraphs the office may edit before publishing. */
    public record Narrative(String overview, String commendations, String nextSteps) {}

    BriefingData withHead(Head newHead) {
        return new BriefingData(campaignId, campaignName, period, newHead, figures, units, redTasks, notices, reporting,
                rankings, narrative, redTasksLeftOut);
    }
}
