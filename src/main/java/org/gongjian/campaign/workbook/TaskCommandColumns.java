package org.gongjian.campaign.workbook;

import java.util.List;

import org.gongjian.campaign.TaskCommand;

import static org.gongjian.campaign.workbook.TaskWorkbook.*;

/**
 * Where a {@link TaskCommand} property lives in the task-list workbook, so the command's own validation rules
 * (lengths, counts, ranges) are reported against the column and row the user typed them in.
 */
final class TaskCommandColumns {

    private TaskCommandColumns() {
    }

    /** The column of a property path such as {@code title} or {@code indicators[1].target}. */
    static int columnOf(String path) {
        String leaf = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        if (path.startsWith("milestones")) {
            return MILESTONES;
        }
        if (path.startsWith("indicators")) {
            return switch (leaf) {
                case "unit" -> INDICATOR_UNIT;
                case "baseline" -> BASELINE;
                case "target" -> TARGET;
                case "direction" -> DIRECTION;
                default -> INDICATOR;
            };
        }
        return switch (leaf) {
            case "description" -> DESCRIPTION;
            case "category" -> CATEGORY;
            case "leadUnitId" -> LEAD_UNIT;
            case "cooperatingUnitIds" -> COOPERATING_UNITS;
            case "leadLeaderId" -> LEAD_LEADER;
            case "weight" -> WEIGHT;
            case "startDate" -> START_DATE;
            case "dueDate" -> DUE_DATE;
            default -> TITLE;
        };
    }

    /** The Excel row: an indicator's own row (a task's second indicator sits on the row below it), else the task's. */
    static int rowOf(String path, int taskRow, List<Integer> indicatorRows) {
        if (path.startsWith("indicators[")) {
            int index = Integer.parseInt(path.substring("indicators[".length(), path.indexOf(']')));
            if (index < indicatorRows.size()) {
                return indicatorRows.get(index);
            }
        }
        return taskRow;
    }
}
