package org.gongjian.campaign.workbook;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongjian.shared.InvalidInput.FieldProblem;
import org.gongjian.shared.XlsxSheets.SheetRow;
import org.jspecify.annotations.Nullable;

/**
 * The 序号 / 上级序号 columns of a task-list workbook: where each 序号 is, and whether a row's 上级序号 names a usable
 * parent. Parents must come first, so tasks are created in file order; a reference to a later row is refused,
 * and called a cycle when following it leads back to the row.
 */
final class TaskRowReferences {

    /** A row's parent: its Excel row, none (a top-level task), or why the reference can't be used. */
    record Reference(@Nullable Integer parentRow, @Nullable String problem) {}

    private final Map<String, Integer> rowOfKey = new HashMap<>();
    private final Map<Integer, String> parentKeyOfRow = new HashMap<>();

    /** Indexes every 序号; a repeated one is added to {@code problems}. */
    TaskRowReferences(List<SheetRow> rows, List<FieldProblem> problems) {
        for (SheetRow row : rows) {
            String key = row.cell(TaskWorkbook.KEY);
            if (key.isEmpty()) {
                continue;
            }
            Integer first = rowOfKey.putIfAbsent(key, row.number());
            if (first != null) {
                problems.add(new FieldProblem(TaskWorkbook.COLUMNS.get(TaskWorkbook.KEY), row.number(),
                        "序号“" + key + "”与第" + first + "行重复"));
            } else if (!row.cell(TaskWorkbook.PARENT_KEY).isEmpty()) {
                parentKeyOfRow.put(row.number(), row.cell(TaskWorkbook.PARENT_KEY));
            }
        }
    }

    Reference parentOf(SheetRow row) {
        String parentKey = row.cell(TaskWorkbook.PARENT_KEY);
        if (parentKey.isEmpty()) {
            return new Reference(null, null);
        }
        Integer parentRow = rowOfKey.get(parentKey);
        int here = row.number();
        if (parentRow == null) {
            return new Reference(null, "找不到序号为“" + parentKey + "”的行");
        }
        if (parentRow == here) {
            return new Reference(null, "上级序号不能是本行自己的序号");
        }
        if (parentRow > here) {
            return new Reference(null, cycles(here) ? "上级序号形成循环（第" + here + "行经第" + parentRow + "行又回到本行）"
                    : "上级任务（第" + parentRow + "行）须排在本行之前");
        }
        return new Reference(parentRow, null);
    }

    private boolean cycles(int start) {
        Set<Integer> seen = new HashSet<>();
        Integer current = start;
        while (current != null && seen.add(current)) {
            String parentKey = parentKeyOfRow.get(current);
            current = parentKey == null ? null : rowOfKey.get(parentKey);
            if (current != null && current == start) {
                return true;
            }
        }
        return false;
    }
}
