package org.gongjian.report.workbook;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gongjian.shared.XlsxSheets.SheetRow;
import org.gongjian.shared.XlsxSheets;

/**
 * The bulk progress-report workbook (进度报送批量填报): one row per (task, indicator) of the unit's tasks for one
 * period. The import reads {@link #COLUMNS}; {@link #NOTE} after them only lists the task's open milestones for
 * reference. Written by {@link ReportWorkbookTemplate}, read by {@link ReportImporter}.
 */
final class ReportWorkbook {

    static final String SHEET = "进度报送";
    static final String NOTES_SHEET = "说明";
    /** A township reports a few dozen tasks; more rows than this is not a monthly report but a mistake. */
    static final int MAX_ROWS = 2_000;
    static final int MAX_TEXT = 4000;

    static final int TASK_ID = 0;
    static final int TASK_TITLE = 1;
    static final int INDICATOR = 2;
    static final int UNIT = 3;
    static final int TARGET = 4;
    static final int PREVIOUS = 5;
    static final int VALUE = 6;
    static final int PROGRESS = 7;
    static final int PROBLEMS = 8;
    static final int NEXT_STEPS = 9;
    static final int MILESTONES = 10;
    static final int NOTE = 11;

    /** The columns the import reads, in order. */
    static final List<String> COLUMNS = List.of("任务编号", "任务名称", "指标", "计量单位", "目标值", "上期实际值",
            "本期实际值", "进展情况", "存在问题", "下步打算", "本期完成节点");
    static final String NOTE_COLUMN = "待完成节点（参考）";
    /** The columns a liaison fills in (shaded in the template). */
    static final List<Integer> INPUTS = List.of(VALUE, PROGRESS, PROBLEMS, NEXT_STEPS, MILESTONES);

    static final List<String> COLUMN_HELP = List.of(
            "系统中的任务编号，请勿修改；同一任务有多个指标时占多行，编号相同",
            "仅供参考，导入时不读取",
            "任务的指标名称，请勿修改；任务没有指标时留空",
            "仅供参考",
            "仅供参考",
            "上一期报告中的累计实际值，仅供参考",
            "本期末的累计实际值（数字，最多4位小数）；已按上期填好，有变化请改写，留空表示本期不报该指标",
            "本期工作进展，不超过4000字；同一任务多行时只读第一行填写的内容；选择“导入后直接提交”时必填",
            "不超过4000字，写法同进展情况",
            "不超过4000字，写法同进展情况",
            "本期完成的时间节点名称，多个用分号“；”分隔，须与右侧“待完成节点”中的名称一致",
            "本任务尚未完成的时间节点及计划日期，仅供参考");

    private static final Pattern MILESTONE_SEPARATOR = Pattern.compile("[;；\\n]+");

    private ReportWorkbook() {
    }

    /** Reads the 进度报送 sheet; refuses a file without it, with too many rows, with another header, or without rows. */
    static List<SheetRow> read(InputStream in) {
        return XlsxSheets.readRows(in, SHEET, COLUMNS, MAX_ROWS, "填报表");
    }

    /** A task id as written: digits, possibly shown as "12.0" by a spreadsheet that took it for a number. */
    static Optional<Long> parseId(String text) {
        String t = text.trim();
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        if (!t.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(t));
    }

    /** Milestone titles as typed, split on Chinese or ASCII semicolons or line breaks. */
    static List<String> splitMilestones(String text) {
        return MILESTONE_SEPARATOR.splitAsStream(text).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A milestone title as the cell lists it: a semicolon inside a title would split it on import. */
    static String milestoneLabel(String title) {
        return title.replace('；', '，').replace(';', ',');
    }
}
