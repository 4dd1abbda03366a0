package org.gongjian.briefing.document;

import java.util.ArrayList;
import java.util.List;

import org.gongjian.shared.Decimals;

/**
 * The briefing's sections and tables as plain text cells, so the HTML page, the docx and the PDF say the same thing
 * in the same order.
 */
final class BriefingTables {

    static final String[] SECTIONS = {"一、总体情况", "二、各单位亮灯情况", "三、红灯任务及原因", "四、进度报送情况",
            "五、督查督办情况", "六、考核排名（红榜、黑榜）", "七、通报表扬", "八、下步工作要求"};

    static final String[] UNIT_HEADER = {"序号", "牵头单位", "任务数", "绿灯", "黄灯", "红灯", "已完成"};
    static final String[] RED_HEADER = {"序号", "任务", "牵头单位（包保领导）", "进度", "亮灯原因"};
    static final String[] REPORTING_HEADER = {"序号", "单位", "应报", "按时", "逾期", "未报"};
    static final String[] RANKING_HEADER = {"名次", "单位", "得分"};

    private static final java.util.regex.Pattern NUMERIC = java.util.regex.Pattern.compile("[\\d.%]+");

    private BriefingTables() {
    }

    /** Numbers and percentages are centred in the tables, words left-aligned (compiled once: a city has 20,000 cells). */
    static boolean numeric(String cell) {
        return NUMERIC.matcher(cell).matches();
    }

    static List<String[]> units(BriefingData d) {
        List<String[]> rows = new ArrayList<>();
        int n = 1;
        for (BriefingData.UnitLights u : d.units()) {
            rows.add(new String[] {String.valueOf(n++), u.unitName(), String.valueOf(u.total()), String.valueOf(u.green()),
                    String.valueOf(u.yellow()), String.valueOf(u.red()), String.valueOf(u.done())});
        }
        return rows;
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

    /** Only units that were late or missed a report are listed; the rest are summed up in the sentence. */
    static List<String[]> reporting(BriefingData d) {
        List<String[]> rows = new ArrayList<>();
        int n = 1;
        for (BriefingData.UnitPunctuality u : d.reporting()) {
            if (u.late() + u.missing() > 0) {
                rows.add(new String[] {String.valueOf(n++), u.unitName(), String.valueOf(u.expected()),
                        String.valueOf(u.onTime()), String.valueOf(u.late()), String.valueOf(u.missing())});
            }
        }
        return rows;
    }

    static String reportingSentence(BriefingData d) {
        BriefingData.Figures f = d.figures();
        long clean = d.reporting().stream().filter(u -> u.late() + u.missing() == 0).count();
        String s = "本月到期应报送进度" + f.reportsExpected() + "份，按时报送" + f.onTime() + "份，逾期报送" + f.late()
                + "份，未报送" + f.missing() + "份；" + clean + "个单位全部按时报送。";
        return reporting(d).isEmpty() ? s : s + "逾期或未报送的单位如下：";
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
        return ranked.stream().map(r -> new String[] {String.valueOf(r.rank()), r.unitName(), Decimals.plain(r.score())})
                .toList();
    }
}
