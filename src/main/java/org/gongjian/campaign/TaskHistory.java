package org.gongjian.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/** Turns two versions of a task into the field-level changes the history shows: 字段、原值、新值. */
final class TaskHistory {

    record Change(String field, @Nullable String before, @Nullable String after) {}

    private TaskHistory() {
    }

    static List<Change> diff(TaskView a, TaskView b) {
        List<Change> changes = new ArrayList<>();
        field(changes, "任务名称", a, b, TaskView::title);
        field(changes, "任务描述", a, b, TaskView::description);
        field(changes, "领域", a, b, TaskView::category);
        field(changes, "牵头单位", a, b, TaskView::leadUnitName);
        field(changes, "包保领导", a, b, TaskView::leadLeaderName);
        field(changes, "配合单位", a, b, t -> t.cooperatingUnitIds().toString());
        field(changes, "权重", a, b, t -> Progress.plain(t.weight()));
        field(changes, "开始日期", a, b, t -> t.startDate().toString());
        field(changes, "完成时限", a, b, t -> t.dueDate().toString());
        keyed(changes, "指标", indicators(a), indicators(b));
        keyed(changes, "节点", milestones(a), milestones(b));
        return changes;
    }

    private static void field(List<Change> changes, String name, TaskView a, TaskView b,
                              Function<TaskView, @Nullable Object> get) {
        Object before = get.apply(a);
        Object after = get.apply(b);
        if (!Objects.equals(before, after)) {
            changes.add(new Change(name, before == null ? null : before.toString(), after == null ? null : after.toString()));
        }
    }

    private static void keyed(List<Change> changes, String label, Map<String, String> before, Map<String, String> after) {
        before.forEach((key, value) -> {
            if (!after.containsKey(key)) {
                changes.add(new Change(label + "“" + key + "”", value, null));
            } else if (!after.get(key).equals(value)) {
                changes.add(new Change(label + "“" + key + "”", value, after.get(key)));
            }
        });
        after.forEach((key, value) -> {
            if (!before.containsKey(key)) {
                changes.add(new Change(label + "“" + key + "”", null, value));
            }
        });
    }

    private static Map<String, String> indicators(TaskView t) {
        Map<String, String> map = new LinkedHashMap<>();
        t.indicators().forEach(i -> map.put(i.name(), "基期 " + Progress.plain(i.baseline()) + i.unit() + "，目标 "
                + Progress.plain(i.target()) + i.unit() + "，" + i.direction().label()));
        return map;
    }

    private static Map<String, String> milestones(TaskView t) {
        Map<String, String> map = new LinkedHashMap<>();
        t.milestones().forEach(m -> map.put(m.title(), m.dueDate() + (m.doneDate() == null ? "" : "，已于 " + m.doneDate() + " 完成")));
        return map;
    }
}
