package org.gongjian.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every sentence a light reason can be, written once: {@link LightRules} fills a template to get the stored Chinese
 * text (the record of truth, unchanged by the reader's language), and {@link #parse} reads a stored sentence back
 * into its template and arguments so a page can render it in another language ({@code reason.<NAME>} in the
 * messages). A sentence that matches no template (older wording) is shown as stored.
 */
public enum LightReason {
    DONE("节点全部完成（{0}个），指标均已达标（{1}项），最近一期报送已审核通过"),
    ON_TRACK("各项节点和指标均按计划推进"),
    ON_TRACK_WITH_SUBTASKS("各项节点和指标均按计划推进，{0}项子任务均无红黄灯"),
    MILESTONE_OVERDUE("节点“{0}”已逾期{1}天"),
    MILESTONE_DUE_TODAY("节点“{0}”今天到期"),
    MILESTONE_DUE_SOON("节点“{0}”将于{1}天后到期"),
    TWO_PERIODS_MISSING("最近两期（{0}、{1}）均未报送"),
    LAST_PERIOD_MISSING("上期（{0}）未报送"),
    LAST_PERIOD_LATE("上期（{0}）报送迟报"),
    /** Actual and planned in the indicator's unit, then both as the share of baseline → target reached, and the gap. */
    INDICATOR_BEHIND("指标“{0}”实际{1}，计划{2}（基期{3}，目标{4}）；已完成目标进度的{5}%，计划应完成{6}%，落后{7}个百分点"),
    INDICATOR_NOT_REPORTED("指标“{0}”尚未报送实际值（按基期{1}计），计划{2}（目标{3}）；计划应完成目标进度的{4}%，落后{4}个百分点"),
    SUBTASK_RED("子任务“{0}”红灯"),
    SUBTASK_YELLOW("子任务“{0}”黄灯"),
    SUBTASKS_DONE("{0}项子任务均已完成"),
    SUBTASKS_OPEN("本任务自身已完成，子任务“{0}”尚未完成");

    private final String template;
    private final Pattern pattern;
    private final List<Integer> order = new ArrayList<>();

    LightReason(String template) {
        this.template = template;
        StringBuilder regex = new StringBuilder("^");
        Matcher m = Pattern.compile("\\{(\\d)}").matcher(template);
        int last = 0;
        List<Integer> seen = new ArrayList<>();
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            int index = Integer.parseInt(m.group(1));
            regex.append(seen.contains(index) ? "\\" + (seen.indexOf(index) + 1) : "(.+?)");
            if (!seen.contains(index)) {
                seen.add(index);
            }
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append('$');
        this.pattern = Pattern.compile(regex.toString());
        this.order.addAll(seen);
    }

    /** The Chinese sentence with the arguments filled in. */
    public String text(Object... args) {
        String text = template;
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** A stored sentence read back: its template and the arguments in template order. */
    public record Parsed(LightReason reason, List<String> args) {}

    public static Optional<Parsed> parse(String stored) {
        for (LightReason reason : values()) {
            Matcher m = reason.pattern.matcher(stored);
            if (m.matches()) {
                String[] args = new String[reason.order.size()];
                for (int g = 0; g < reason.order.size(); g++) {
                    args[reason.order.get(g)] = m.group(g + 1);
                }
                return Optional.of(new Parsed(reason, List.of(args)));
            }
        }
        return Optional.empty();
    }
}
