package org.gongjian.briefing.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gongjian.shared.Decimals;
import org.jspecify.annotations.Nullable;

/**
 * The briefing's sections and tables as plain text cells, so the HTML page, the docx and the PDF say the same thing
 * in the same order.
 */
final class BriefingTables {

    static final String[] SECTIONS = {"一、总体情况", "二、各单位亮灯情况", "三、红灯任务及原因", "四、进度报送情况",
            "五、督查督办情况", "六、考核排名（红榜、黑榜）", "七、通报表扬", "八、下步工作要求"};

    private static final String[] UNIT_HEADER = {"序号", "牵头单位", "任务数", "绿灯", "黄灯", "红灯", "已完成"};
    private static final String[] SUMMED_UNIT_HEADER = {"序号", "单位", "任务数", "绿灯", "黄灯", "红灯", "已完成"};

    /** Section 二's header: 单位 over the summary by subordinate unit and the lead units, else 牵头单位 (as published). */
    static String[] unitHeader(BriefingData d) {
        return (summedByBranch(d) ? SUMMED_UNIT_HEADER : UNIT_HEADER).clone();
    }
    static final String[] RED_HEADER = {"序号", "任务", "牵头单位（包保领导）", "进度", "亮灯原因"};
    static final String[] REPORTING_HEADER = {"序号", "单位", "应报", "按时", "逾期", "未报"};
    static final String[] RANKING_HEADER = {"名次", "单位", "得分"};

    /** A section's unit table lists every unit up to this many: a county's townships and departments (the demo: 36). */
    static final int ALL_UNITS_UP_TO = 60;
    /** Beyond it, section 二 lists the units with the most red tasks … */
    static final int WORST_UNITS = 15;
    /** … and the best of the others … */
    static final int BEST_UNITS = 5;
    /** … and section 四 the units most behind with their reports: a table of about a page each. */
    static final int WORST_REPORTING = 20;

    private static final Comparator<BriefingData.UnitLights> WORST_FIRST = Comparator
            .comparingLong(BriefingData.UnitLights::red).reversed()
            .thenComparing(Comparator.comparingDouble((BriefingData.UnitLights u) -> share(u.red(), u.total())).reversed())
            .thenComparing(Comparator.comparingLong(BriefingData.UnitLights::yellow).reversed())
            .thenComparing(BriefingData.UnitLights::shown);
    private static final Comparator<BriefingData.UnitLights> BEST_FIRST = Comparator
            .comparingLong(BriefingData.UnitLights::red)
            .thenComparingLong(BriefingData.UnitLights::yellow)
            .thenComparing(Comparator.comparingDouble((BriefingData.UnitLights u) -> share(u.done(), u.total())).reversed())
            .thenComparing(Comparator.comparingLong(BriefingData.UnitLights::total).reversed())
            .thenComparing(BriefingData.UnitLights::shown);

    /**
     * A section's table as printed: an optional lead-in sentence, one or more blocks of rows (each with an optional
     * caption, each printed as a table under the section's header) and an optional closing line (其余…).
     */
    record Listing(@Nullable String lead, List<Block> blocks, @Nullable String rest) {}

    record Block(@Nullable String caption, List<String[]> rows) {}

    private static final java.util.regex.Pattern NUMERIC = java.util.regex.Pattern.compile("[\\d.%]+");

    private BriefingTables() {
    }

    /** Numbers and percentages are centred in the tables, words left-aligned (compiled once: a city has 20,000 cells). */
    static boolean numeric(String cell) {
        return NUMERIC.matcher(cell).matches();
    }

    /**
     * Section 二 as printed: first, where it tells more than the lead units do ({@link #summedByBranch}), the issuing
     * unit's own tasks and each unit directly under it with its whole subtree; then the lead units. Up to
     * {@link #ALL_UNITS_UP_TO} lead units: all of them, townships first, then departments,
     * each by most red (a county's campaign). More (a city has 1,330): the {@link #WORST_UNITS} with the most red
     * tasks and the {@link #BEST_UNITS} doing best of the others (fewest red, then fewest yellow, then the largest
     * share done), the counts of the lead-in over every unit, and a line naming how many are left out and where the
     * full list is. A briefing is read, not searched: the cockpit and the xlsx ledger have every unit.
     */
    static Listing units(BriefingData d) {
        if (!summedByBranch(d)) {
            return byLeadUnit(d.units(), d.units());
        }
        // a unit whose own tasks are its whole subtree's reads the same in both tables: printed once, in the first
        java.util.Map<Long, BriefingData.UnitLights> summed = new java.util.HashMap<>();
        d.branches().forEach(b -> summed.put(b.unitId(), b));
        List<BriefingData.UnitLights> rest = d.units().stream()
                .filter(u -> summed.get(u.unitId()) == null || !sameCounts(u, summed.get(u.unitId()))).toList();
        Listing byLeadUnit = byLeadUnit(d.units(), rest);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block("按下辖单位汇总（各单位含其所辖单位牵头的任务）：", unitRows(d.branches())));
        byLeadUnit.blocks().forEach(b -> blocks.add(b.caption() != null ? b
                : new Block("按牵头单位分列（与上表相同的单位不再列出）：", b.rows())));
        return new Listing(byLeadUnit.lead(), blocks, byLeadUnit.rest());
    }

    private static boolean sameCounts(BriefingData.UnitLights a, BriefingData.UnitLights b) {
        return a.total() == b.total() && a.green() == b.green() && a.yellow() == b.yellow() && a.red() == b.red()
                && a.done() == b.done();
    }

    /**
     * Whether section 二 opens with the summary by subordinate unit: when some lead unit sits below a unit directly
     * under the issuing one (a county's villages, a city's townships) — else the summary would repeat the lead units'
     * table — and the units directly under it are few enough to read ({@link #ALL_UNITS_UP_TO}).
     */
    static boolean summedByBranch(BriefingData d) {
        List<BriefingData.UnitLights> branches = d.branches();
        if (branches.isEmpty() || branches.size() > ALL_UNITS_UP_TO) {
            return false;
        }
        java.util.Set<Long> direct = new java.util.HashSet<>();
        branches.forEach(b -> direct.add(b.unitId()));
        return d.units().stream().anyMatch(u -> !direct.contains(u.unitId()));
    }

    /** The lead units' listing: {@code all} for the lead-in's counts, {@code candidates} (some or all) for the rows. */
    private static Listing byLeadUnit(List<BriefingData.UnitLights> all, List<BriefingData.UnitLights> candidates) {
        if (all.size() <= ALL_UNITS_UP_TO) {
            return new Listing(null, List.of(new Block(null, unitRows(candidates))), null);
        }
        // only units that have red tasks: a unit without one is never printed as among the worst
        List<BriefingData.UnitLights> worst = candidates.stream().filter(u -> u.red() > 0).sorted(WORST_FIRST)
                .limit(WORST_UNITS).toList();
        java.util.Set<Long> listed = new java.util.HashSet<>();
        worst.forEach(u -> listed.add(u.unitId()));
        List<BriefingData.UnitLights> best = candidates.stream().filter(u -> !listed.contains(u.unitId()))
                .sorted(BEST_FIRST).limit(BEST_UNITS).toList();
        long withRed = all.stream().filter(u -> u.red() > 0).count();
        long tasks = all.stream().mapToLong(BriefingData.UnitLights::total).sum();
        // the tasks the table counts: lit ones (a task not yet evaluated has no light), subtasks included
        String worstName = candidates.stream().filter(u -> u.red() > 0).count() > WORST_UNITS ? "红灯任务最多的" + worst.size() + "个单位" : "有红灯任务的" + worst.size() + "个单位";
        String lead = "共有" + all.size() + "个牵头单位的任务已亮灯（共" + tasks + "项，含分解到各单位的子任务），"
                + (withRed == 0 ? "没有单位有红灯任务" : "其中" + withRed + "个单位有红灯任务") + "。单位较多，以下列出"
                + (worst.isEmpty() ? "" : worstName + "和") + "进展最好的" + best.size() + "个单位。";
        List<Block> blocks = new ArrayList<>();
        if (!worst.isEmpty()) {
            blocks.add(new Block(worstName + "：", unitRows(worst)));
        }
        blocks.add(new Block("进展最好的" + best.size() + "个单位（红灯、黄灯最少，完成比例最高）：", unitRows(best)));
        return new Listing(lead, blocks, rest(candidates.size() - worst.size() - best.size(), "个单位未列出",
                "单位的亮灯情况"));
    }

    private static List<String[]> unitRows(List<BriefingData.UnitLights> units) {
        List<String[]> rows = new ArrayList<>();
        int n = 1;
        for (BriefingData.UnitLights u : units) {
            rows.add(new String[] {String.valueOf(n++), u.shown(), String.valueOf(u.total()), String.valueOf(u.green()),
                    String.valueOf(u.yellow()), String.valueOf(u.red()), String.valueOf(u.done())});
        }
        return rows;
    }

    /** 其余N个单位未列出，全部单位的…见领导驾驶舱（可逐级查看）和攻坚任务台账（xlsx导出）。 */
    private static String rest(int left, String what, String whose) {
        return "其余" + left + what + "，全部" + whose + "见领导驾驶舱（可逐级查看）和攻坚任务台账（xlsx导出）。";
    }

    private static double share(long part, long total) {
        return total == 0 ? 0 : (double) part / total;
    }

    static List<String[]> red(BriefingData d) {
        List<String[]> rows = new ArrayList<>();
        int n = 1;
        for (BriefingData.RedTask t : d.redTasks()) {
            rows.add(new String[] {String.valueOf(n++), t.title(),
                    t.leadUnit() + (t.leadLeader() == null ? "" : "（" + t.leadLeader() + "）"),
                    Decimals.plain(t.progress()) + "%", String.join("；", t.reasons())});
        }
        return rows;
    }

    /**
     * Section 四 as printed: the units that were late or missed a report (the others are counted in the sentence),
     * worst first (most missing, then most late); more than {@link #ALL_UNITS_UP_TO} of them: the
     * {@link #WORST_REPORTING} worst and a line naming how many are left out.
     */
    static Listing reporting(BriefingData d) {
        // MonthActivity.reporting sorts them so
        List<BriefingData.UnitPunctuality> behind = d.reporting().stream().filter(u -> u.late() + u.missing() > 0).toList();
        List<BriefingData.UnitPunctuality> listed = behind.size() <= ALL_UNITS_UP_TO ? behind
                : behind.subList(0, WORST_REPORTING);
        List<String[]> rows = new ArrayList<>();
        int n = 1;
        for (BriefingData.UnitPunctuality u : listed) {
            rows.add(new String[] {String.valueOf(n++), u.shown(), String.valueOf(u.expected()),
                    String.valueOf(u.onTime()), String.valueOf(u.late()), String.valueOf(u.missing())});
        }
        return new Listing(null, rows.isEmpty() ? List.of() : List.of(new Block(null, rows)),
                listed.size() == behind.size() ? null : rest(behind.size() - listed.size(), "个逾期或未报送的单位未列出", "单位的报送情况"));
    }

    static String reportingSentence(BriefingData d) {
        BriefingData.Figures f = d.figures();
        long clean = d.reporting().stream().filter(u -> u.late() + u.missing() == 0).count();
        long behind = d.reporting().size() - clean;
        String s = "本月到期应报送进度" + f.reportsExpected() + "份，按时报送" + f.onTime() + "份，逾期报送" + f.late()
                + "份，未报送" + f.missing() + "份；" + clean + "个单位全部按时报送。";
        if (behind == 0) {
            return s;
        }
        return behind <= ALL_UNITS_UP_TO ? s + "逾期或未报送的单位如下："
                : s + behind + "个单位逾期或未报送，以下列出未报送、逾期最多的" + WORST_REPORTING + "个：";
    }

    static String noticeSentence(BriefingData d) {
        long total = d.notices().stream().mapToLong(BriefingData.LevelCount::count).sum();
        if (total == 0) {
            return "本月未下发督办单。";
        }
        List<String> parts = d.notices().stream().filter(l -> l.count() > 0).map(l -> l.label() + l.count() + "件").toList();
        return "本月共下发督办单" + total + "件，其中" + String.join("、", parts) + "。";
    }

    static String redSentence(BriefingData d) {
        if (d.redTasks().isEmpty()) {
            return "本月无红灯任务。";
        }
        int all = d.redTasks().size() + d.redTasksLeftOut();
        return "本月共有" + all + "项任务（含分解到各单位的子任务）亮红灯，" + (d.redTasksLeftOut() == 0 ? "具体如下："
                : "以下列出进度最慢的" + d.redTasks().size() + "项，其余" + d.redTasksLeftOut() + "项未列出：");
    }

    static List<String[]> ranking(List<BriefingData.Ranked> ranked) {
        return ranked.stream().map(r -> new String[] {String.valueOf(r.rank()), r.shown(), Decimals.plain(r.score())})
                .toList();
    }
}
