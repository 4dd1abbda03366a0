package org.gongjian.campaign.workbook;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongjian.shared.XlsxSheets.SheetRow;
import org.gongjian.shared.XlsxSheets;
import org.gongjian.shared.XlsxStyles;

/**
 * The task-list workbook (攻坚清单): its columns, and turning cell text into values. One row is one task; a row
 * that fills only the indicator columns adds another indicator to the task above it. The rules that need the
 * database live in {@link TaskImportCheck}; the template is written by {@link TaskTemplate}, the export by {@link TaskExporter}.
 */
public final class TaskWorkbook {

    public static final String SHEET = "攻坚清单";
    static final String NOTES_SHEET = "说明";
    static final String LISTS_SHEET = "lists";
    static final int MAX_ROWS = 20_000;

    static final int KEY = 0;
    static final int PARENT_KEY = 1;
    static final int TITLE = 2;
    static final int CATEGORY = 3;
    static final int LEAD_UNIT = 4;
    static final int COOPERATING_UNITS = 5;
    static final int LEAD_LEADER = 6;
    static final int WEIGHT = 7;
    static final int START_DATE = 8;
    static final int DUE_DATE = 9;
    static final int INDICATOR = 10;
    static final int INDICATOR_UNIT = 11;
    static final int BASELINE = 12;
    static final int TARGET = 13;
    static final int DIRECTION = 14;
    static final int MILESTONES = 15;
    static final int DESCRIPTION = 16;

    /** The columns the import reads, in order; the export appends {@link #EXPORT_ONLY} after them. */
    public static final List<String> COLUMNS = List.of("序号", "上级序号", "任务名称", "领域", "牵头单位", "配合单位", "包保领导",
            "权重", "开始日期", "完成时限", "指标名称", "计量单位", "基期值", "目标值", "指标方向", "时间节点", "任务描述");
    static final List<String> EXPORT_ONLY = List.of("亮灯", "进度(%)");

    /** What each column takes, for the template's 说明 sheet and the cells' input prompts. */
    static final List<String> COLUMN_HELP = List.of(
            "本表内的行号，可写 1、2、2.1 等；被其他行的“上级序号”引用时必填，不能重复",
            "分解任务填写其上级任务所在行的序号（上级任务须在本行之前）；顶层任务留空",
            "必填，不超过200字；同一上级下不能重名（也不能与清单中已有的任务重名）",
            "必填，从下拉列表选择本攻坚行动的领域；分解任务留空则沿用上级任务的领域",
            "必填，从下拉列表选择；单位重名时写成“名称（编码）”，也可直接填单位编码",
            "可多个，用顿号“、”或逗号分隔，写法同牵头单位",
            "可选，从下拉列表选择“姓名（职务）”，也可只写姓名（不重名时）",
            "可选，大于0、不超过1000，留空为1；上级任务的进度按子任务权重加权",
            "可选，日期如 2026-03-01；留空为攻坚行动开始日期（分解任务沿用上级任务）",
            "可选，日期如 2026-12-31，不能早于开始日期、不能晚于攻坚行动结束日期；留空为攻坚行动结束日期（分解任务沿用上级任务）",
            "可选；填写时须同时填计量单位和目标值。一个任务有多个指标时，在下一行只填指标各列",
            "填写指标时必填，如 个、万元、%",
            "可选数字，留空为0",
            "填写指标时必填，数字",
            "越大越好 或 越小越好，留空为越大越好",
            "可多个，写成“2026-03-31 完成项目签约；2026-06-30 开工建设”，用分号分隔，日期不能晚于完成时限",
            "可选，不超过4000字");

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})(?:\\s*[-/.月]\\s*(\\d{1,2})\\s*日?|\\s*月)?");
    private static final Pattern MILESTONE = Pattern.compile("^(" + DATE.pattern() + ")[\\s:：,，、]*(.*)$", Pattern.DOTALL);
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[、，,;；\\n]+");
    private static final Pattern MILESTONE_SEPARATOR = Pattern.compile("[;；\\n]+");
    private static final Pattern BRACKETED = Pattern.compile("^(.+?)\\s*[（(]([^（）()]+)[）)]$");

    private TaskWorkbook() {
    }

    /** Reads the 攻坚清单 sheet; refuses a file without it, with too many rows, with another header, or without rows. */
    static List<SheetRow> read(InputStream in) {
        return XlsxSheets.readRows(in, SHEET, COLUMNS, MAX_ROWS, "模板");
    }

    /** A row that only adds an indicator to the task above: every non-indicator column is blank. */
    static boolean isIndicatorContinuation(SheetRow row) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            boolean indicatorColumn = i >= INDICATOR && i <= DIRECTION;
            if (!indicatorColumn && !row.cell(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Dates as people type them: 2026-03-31, 2026/3/31, 2026.3.31, 2026年3月31日; a month alone (2026-06, 2026年6月)
     * means its first day when {@code endOfMonth} is false, else its last day (a deadline "in June").
     */
    static Optional<LocalDate> parseDate(String text, boolean endOfMonth) {
        Matcher m = DATE.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return date(m.group(1), m.group(2), m.group(3), endOfMonth);
    }

    private static Optional<LocalDate> date(String year, String month, @org.jspecify.annotations.Nullable String day,
                                            boolean endOfMonth) {
        try {
            YearMonth ym = YearMonth.of(Integer.parseInt(year), Integer.parseInt(month));
            if (day == null) {
                return Optional.of(endOfMonth ? ym.atEndOfMonth() : ym.atDay(1));
            }
            return Optional.of(ym.atDay(Integer.parseInt(day)));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A number as a cell shows it: see {@link XlsxSheets#parseNumber}. */
    static Optional<BigDecimal> parseNumber(String text) {
        return XlsxSheets.parseNumber(text);
    }

    /** Unit and leader names in a list cell, split on 、 ， , ; and blanks-only pieces dropped. */
    static List<String> splitList(String text) {
        return LIST_SEPARATOR.splitAsStream(text).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** One milestone as written in the cell, or the reason it can't be read. */
    record MilestoneText(String text, Optional<LocalDate> dueDate, String title) {}

    /** "2026-03-31 完成项目签约；2026-06-30 开工建设": pieces split on Chinese or ASCII semicolons (or line breaks). */
    static List<MilestoneText> parseMilestones(String text) {
        List<MilestoneText> result = new ArrayList<>();
        for (String piece : MILESTONE_SEPARATOR.split(text)) {
            String p = piece.trim();
            if (p.isEmpty()) {
                continue;
            }
            Matcher m = MILESTONE.matcher(p);
            if (m.matches()) {
                result.add(new MilestoneText(p, date(m.group(2), m.group(3), m.group(4), true), m.group(5).trim()));
            } else {
                result.add(new MilestoneText(p, Optional.empty(), p));
            }
        }
        return result;
    }

    /** A unit as the workbook names it: its name, or "名称（编码）" when the name alone is ambiguous. */
    static String unitLabel(String name, String code, boolean ambiguous) {
        return ambiguous ? name + "（" + code + "）" : name;
    }

    /** A leader as the workbook names them: "姓名（职务）". */
    static String leaderLabel(String name, String position) {
        return position.isBlank() ? name : name + "（" + position + "）";
    }

    /** Splits "名称（编码）" / "名称(编码)" into its two parts; empty when the text has no trailing bracket. */
    static Optional<String[]> bracketed(String text) {
        Matcher m = BRACKETED.matcher(text.trim());
        return m.matches() ? Optional.of(new String[] {m.group(1).trim(), m.group(2).trim()}) : Optional.empty();
    }

    /** Excel would run text starting with these as a formula (CSV/formula injection). */
    static boolean looksLikeFormula(String text) {
        return XlsxStyles.looksLikeFormula(text);
    }
}
