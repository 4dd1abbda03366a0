package org.gongjian.briefing.document;

import java.time.LocalDate;
import java.util.List;

import org.gongjian.shared.Decimals;

/** The fixed wording of a 通报: title, 文号, the figures sentence and the default narrative the office starts from. */
final class BriefingText {

    static final String NO_RANKINGS = "本期考核排名尚未发布，红榜、黑榜待考核结果公布后另行通报。";

    private BriefingText() {
    }

    static String title(BriefingPeriod period) {
        return "关于" + period.chinese() + "重点工作攻坚推进情况的通报";
    }

    /** 示攻坚办〔2026〕11号 */
    static String number(String prefix, int year, int seq) {
        return prefix + "〔" + year + "〕" + seq + "号";
    }

    static String date(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    static String intro(BriefingData d) {
        return "现将" + BriefingPeriod.parse(d.period()).chinese() + "重点工作攻坚推进情况通报如下。";
    }

    /** The figures, never edited by hand: the editable overview follows them. */
    static String figures(BriefingData d) {
        BriefingData.Figures f = d.figures();
        return "截至" + date(d.head().issuedOn()) + "，" + d.campaignName() + "共有攻坚任务" + f.tasks() + "项，其中绿灯"
                + f.green() + "项、黄灯" + f.yellow() + "项、红灯" + f.red() + "项、已完成" + f.done() + "项"
                + (f.unevaluated() > 0 ? "、未评估" + f.unevaluated() + "项" : "") + "，平均进度"
                + Decimals.plain(f.averageProgress()) + "%。本月到期应报送进度" + f.reportsExpected() + "份，按时报送"
                + f.onTime() + "份、逾期报送" + f.late() + "份、未报送" + f.missing() + "份；本月下发督办单" + f.notices()
                + "件。";
    }

    static String defaultOverview(BriefingData.Figures f) {
        if (f.tasks() == 0) {
            return "本月尚无攻坚任务。";
        }
        String trend = f.red() == 0 ? "各项任务总体按计划推进" : "大部分任务按计划推进，但仍有" + f.red() + "项任务亮红灯，需加压推进";
        return "总体来看，" + trend + "。各牵头单位要对照攻坚清单，逐项盘点进度，确保按期完成年度目标。";
    }

    /** Units with tasks, none red or yellow, and every report of the month in on time. */
    static String defaultCommendations(List<BriefingData.UnitLights> units, List<BriefingData.UnitPunctuality> reporting) {
        // a set, not a scan of the reporting rows per unit: a city has 3,800 of each; by id, as names repeat
        java.util.Set<Long> behind = reporting.stream().filter(r -> r.late() != 0 || r.missing() != 0)
                .map(BriefingData.UnitPunctuality::unitId).collect(java.util.stream.Collectors.toSet());
        List<String> names = units.stream().filter(u -> u.total() > 0 && u.red() == 0 && u.yellow() == 0)
                .filter(u -> !behind.contains(u.unitId()))
                .map(BriefingData.UnitLights::shown).toList();
        if (names.isEmpty()) {
            return "本月暂无任务全部绿灯且按时报送的单位。";
        }
        return "对" + named(names) + "任务全部绿灯或已完成、进度按时报送的单位予以通报表扬。";
    }

    /** 甲镇、乙镇等2个单位 — at most five names, the rest counted. */
    static String named(List<String> units) {
        if (units.size() == 1) {
            return units.get(0);
        }
        return String.join("、", units.subList(0, Math.min(5, units.size()))) + "等" + units.size() + "个单位";
    }

    /** {@code redUnits}: the lead units of all {@code red} red tasks, each once, as the briefing names them. */
    static String defaultNextSteps(BriefingData.Figures f, int red, List<String> redUnits) {
        return "一是对" + (red == 0 ? "黄灯任务" : named(redUnits) + "的" + red + "项红灯任务") + "逐项分析原因，"
                + "明确整改措施和完成时限，县攻坚办跟踪督办。二是逾期和未报送进度的单位要于5个工作日内补报并说明情况。"
                + "三是各包保领导要深入一线调度，协调解决堵点难点问题，确保年度目标如期完成。";
    }
}
