package org.gongjian.briefing.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Hand-built briefing content for the renderers' tests (no Spring, no database). */
final class BriefingSamples {

    private BriefingSamples() {
    }

    static BriefingData november(boolean withRankings) {
        BriefingData.Figures figures = new BriefingData.Figures(48, 30, 9, 6, 3, 0, new BigDecimal("67.4"), 120, 101, 12, 7, 5);
        List<BriefingData.UnitLights> units = List.of(
                new BriefingData.UnitLights(1, "城关镇", "TOWNSHIP", 9, 5, 1, 3, 0),
                new BriefingData.UnitLights(2, "青山镇", "TOWNSHIP", 7, 4, 2, 1, 0),
                new BriefingData.UnitLights(3, "河西乡", "TOWNSHIP", 6, 6, 0, 0, 0),
                new BriefingData.UnitLights(4, "县发展和改革局", "DEPARTMENT", 8, 6, 1, 0, 1));
        List<BriefingData.RedTask> red = List.of(
                new BriefingData.RedTask(11, "城关镇老旧小区改造（第二批）", "民生改善", "城关镇", "王建国", new BigDecimal("35"),
                        List.of("节点“完成招标”已逾期12天（应于2026-11-18完成）", "指标“改造户数”落后计划轨迹24%")),
                new BriefingData.RedTask(12, "青山镇污水管网延伸工程", "生态环保", "青山镇", null, new BigDecimal("20.5"),
                        List.of("连续两期未报送进度")));
        List<BriefingData.LevelCount> notices = List.of(new BriefingData.LevelCount("REMIND", "提醒", 0),
                new BriefingData.LevelCount("URGE", "催办", 3), new BriefingData.LevelCount("SUPERVISE", "督办", 2),
                new BriefingData.LevelCount("INTERVIEW", "约谈", 0), new BriefingData.LevelCount("ACCOUNTABILITY", "问责", 0));
        List<BriefingData.UnitPunctuality> reporting = List.of(new BriefingData.UnitPunctuality(2, "青山镇", 7, 3, 1, 3, null),
                new BriefingData.UnitPunctuality(1, "城关镇", 9, 7, 2, 0, null),
                new BriefingData.UnitPunctuality(3, "河西乡", 6, 6, 0, 0, null));
        BriefingData.Rankings rankings = withRankings ? new BriefingData.Rankings(List.of(new BriefingData.RankingGroup("乡镇",
                List.of(new BriefingData.Ranked(1, "河西乡", new BigDecimal("96.5"))),
                List.of(new BriefingData.Ranked(12, "青山镇", new BigDecimal("71.25")))))) : null;
        BriefingData.Narrative narrative = new BriefingData.Narrative("总体来看，全县攻坚任务推进有力。",
                "对河西乡等1个任务全部绿灯的单位予以通报表扬。", "一是对红灯任务逐项分析原因。二是补报进度。");
        BriefingData.Head head = new BriefingData.Head("示范县重点工作攻坚年领导小组办公室", "示攻坚办〔2026〕11号",
                LocalDate.of(2026, 12, 3), "关于2026年11月重点工作攻坚推进情况的通报", "各乡镇（街道）、县直有关部门：");
        return new BriefingData(7, "2026年重点工作攻坚年", "2026-11", head, figures, units, red, notices, reporting,
                rankings, narrative);
    }

    /**
     * A city-sized briefing: {@code units} lead units (every tenth a township, the others villages; unit i has 20
     * tasks, i % 7 of them red), every unit behind with its reports (worst first, as {@code MonthActivity} sorts
     * them), and {@code RED_LISTED} red tasks listed.
     */
    /** Two 金山镇 in two counties and two 新村 in the two 金山镇: a city's briefing, as assembled (labelled). */
    static BriefingData sameNames() {
        BriefingData base = november(true);
        List<BriefingData.UnitLights> units = List.of(
                new BriefingData.UnitLights(1, "金山镇", "TOWNSHIP", 9, 5, 1, 3, 0, "金山镇（青山县）"),
                new BriefingData.UnitLights(2, "金山镇", "TOWNSHIP", 7, 4, 2, 1, 0, "金山镇（河西县）"),
                new BriefingData.UnitLights(3, "城关镇", "TOWNSHIP", 6, 6, 0, 0, 0, "城关镇"),
                new BriefingData.UnitLights(4, "新村", "VILLAGE", 5, 4, 0, 1, 0, "新村（青山县金山镇）"),
                new BriefingData.UnitLights(5, "新村", "VILLAGE", 3, 3, 0, 0, 0, "新村（河西县金山镇）"));
        List<BriefingData.UnitPunctuality> reporting = List.of(
                new BriefingData.UnitPunctuality(1, "金山镇", 9, 6, 1, 2, "金山镇（青山县）"),
                new BriefingData.UnitPunctuality(4, "新村", 5, 4, 0, 1, "新村（青山县金山镇）"),
                new BriefingData.UnitPunctuality(2, "金山镇", 7, 6, 1, 0, "金山镇（河西县）"),
                new BriefingData.UnitPunctuality(5, "新村", 3, 3, 0, 0, "新村（河西县金山镇）"));
        List<BriefingData.RedTask> red = List.of(new BriefingData.RedTask(11, "老旧小区改造（第二批）", "民生改善",
                "金山镇（青山县）", "王建国", new BigDecimal("35"), List.of("节点“完成招标”已逾期12天")));
        return new BriefingData(9, base.campaignName(), base.period(), base.head(), base.figures(), units, red,
                base.notices(), reporting, base.rankings(), base.narrative());
    }

    static BriefingData city(int units) {
        List<BriefingData.UnitLights> lights = new java.util.ArrayList<>();
        List<BriefingData.UnitPunctuality> reporting = new java.util.ArrayList<>();
        int red = 0;
        int late = 0;
        int missing = 0;
        for (int i = 0; i < units; i++) {
            String name = (i % 10 == 0 ? "镇" : "村") + i;
            red += i % 7;
            lights.add(new BriefingData.UnitLights(1000 + i, name, i % 10 == 0 ? "TOWNSHIP" : "VILLAGE", 20,
                    18 - i % 7, 1, i % 7, 1));
            // 4 reports: i % 2 late, i % 3 + 1 - i % 2 not in
            reporting.add(new BriefingData.UnitPunctuality(1000 + i, name, 4, 3 - i % 3, i % 2, i % 3 + 1 - i % 2, null));
            late += i % 2;
            missing += i % 3 + 1 - i % 2;
        }
        reporting.sort(java.util.Comparator.comparingInt(BriefingData.UnitPunctuality::missing).reversed()
                .thenComparing(java.util.Comparator.comparingInt(BriefingData.UnitPunctuality::late).reversed())
                .thenComparing(BriefingData.UnitPunctuality::unitName));
        List<BriefingData.RedTask> redTasks = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(red, BriefingAssembler.RED_LISTED); i++) {
            redTasks.add(new BriefingData.RedTask(i, "道路硬化工程" + i, "基础设施", "村" + i, null, new BigDecimal(i),
                    List.of("连续两期未报送进度")));
        }
        BriefingData base = november(false);
        int tasks = units * 20;
        BriefingData.Figures figures = new BriefingData.Figures(tasks, tasks - red - 2 * units, units, red, units, 0,
                new BigDecimal("51.0"), units * 4, units * 4 - late - missing, late, missing, 0);
        return new BriefingData(8, "2026年全市重点工作攻坚年", "2026-11", base.head(), figures, lights, redTasks,
                base.notices(), reporting, null, base.narrative(), red - redTasks.size());
    }
}
