package org.gongjian.campaign;

import java.util.ArrayList;
import java.util.List;

import org.gongjian.org.OrgService;
import org.gongjian.org.PersonView;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.InvalidInput.FieldProblem;
import org.gongjian.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The rules a task must meet before it is stored: units inside the campaign, a known category, dates within the
 * campaign and the task tree, indicators pointing the way their direction says. All problems are reported at once.
 */
@Component
class TaskChecks {

    private final TaskStore tasks;
    private final OrgService org;
    private final java.time.Clock clock;

    TaskChecks(TaskStore tasks, OrgService org, java.time.Clock clock) {
        this.tasks = tasks;
        this.org = org;
        this.clock = clock;
    }

    void check(CampaignView campaign, TaskCommand command, DataScope scope) {
        check(campaign, command, scope, new Lookups(false));
    }

    /**
     * {@link #check} with the org reads of {@code lookups}: a batch of commands (the workbook import) shares one
     * {@link #remembering} instance, so the few units and leaders it names are read once, not once per task.
     */
    void check(CampaignView campaign, TaskCommand command, DataScope scope, Lookups lookups) {
        List<FieldProblem> problems = new ArrayList<>();
        UnitView lead = lookups.unit(command.leadUnitId(), scope);
        String campaignPath = lookups.path(campaign.ownerUnitId());
        if (!lead.path().startsWith(campaignPath)) {
            problems.add(new FieldProblem("leadUnitId", null, "牵头单位不在本攻坚行动的范围内"));
        }
        DataScope campaignScope = DataScope.of(campaign.ownerUnitId(), campaignPath);
        for (Long unitId : command.cooperatingUnitList()) {
            if (unitId.equals(command.leadUnitId())) {
                problems.add(new FieldProblem("cooperatingUnitIds", null, "配合单位不能是牵头单位本身"));
            } else if (!exists(() -> lookups.unit(unitId, campaignScope))) {
                problems.add(new FieldProblem("cooperatingUnitIds", null, "配合单位不存在或不在本攻坚行动的范围内"));
            }
        }
        if (command.leadLeaderId() != null && !lookups.personExists(command.leadLeaderId(), campaignScope)) {
            problems.add(new FieldProblem("leadLeaderId", null, "包保领导不存在或不在本攻坚行动的范围内"));
        }
        if (command.startDate().isBefore(campaign.startDate())) {
            problems.add(new FieldProblem("startDate", null, "开始日期不能早于攻坚行动开始日期 " + campaign.startDate()));
        }
        checkIndicators(command, problems);
        if (!campaign.categories().contains(command.category())) {
            problems.add(new FieldProblem("category", null, "领域“" + command.category() + "”不在本攻坚行动的领域中"));
        }
        if (command.dueDate().isBefore(command.startDate())) {
            problems.add(new FieldProblem("dueDate", null, "完成时限不能早于开始日期"));
        }
        if (command.dueDate().isAfter(campaign.endDate())) {
            problems.add(new FieldProblem("dueDate", null, "完成时限不能晚于攻坚行动结束日期 " + campaign.endDate()));
        }
        for (int i = 0; i < command.milestoneList().size(); i++) {
            TaskCommand.MilestoneInput m = command.milestoneList().get(i);
            if (m.dueDate().isAfter(command.dueDate())) {
                problems.add(new FieldProblem("milestones[" + i + "].dueDate", null, "节点“" + m.title() + "”晚于任务完成时限"));
            }
            if (m.doneDate() != null && m.doneDate().isAfter(java.time.LocalDate.now(clock))) {
                problems.add(new FieldProblem("milestones[" + i + "].doneDate", null, "完成日期不能晚于今天"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput("任务信息有误", problems);
        }
    }

    /**
     * The names a task created from {@code command} shows — its lead unit's and its lead leader's — from the reads its
     * {@link #check} made with the same remembering {@code lookups} (none again).
     */
    Names names(CampaignView campaign, TaskCommand command, DataScope scope, Lookups lookups) {
        return new Names(lookups.unit(command.leadUnitId(), scope).name(), command.leadLeaderId() == null ? null
                : lookups.person(command.leadLeaderId(), campaignScope(campaign, lookups)).name());
    }

    record Names(String leadUnit, @Nullable String leadLeader) {}

    /** Cooperating units and the lead leader must lie within the campaign's owner unit. */
    private static DataScope campaignScope(CampaignView campaign, Lookups lookups) {
        return DataScope.of(campaign.ownerUnitId(), lookups.path(campaign.ownerUnitId()));
    }

    /** Lookups that keep every answer (and every NotFound) for the commands checked with them. */
    Lookups remembering() {
        return new Lookups(true);
    }

    /** The org reads a check makes: straight through, or remembered for a batch (same answers within a transaction). */
    final class Lookups {

        private final java.util.@Nullable Map<String, Object> memo;

        private Lookups(boolean remember) {
            this.memo = remember ? new java.util.HashMap<>() : null;
        }

        UnitView unit(long id, DataScope scope) {
            return (UnitView) remembered("unit " + id + " in " + scope, () -> org.unit(id, scope));
        }

        String path(long unitId) {
            return (String) remembered("path " + unitId, () -> org.scopeOf(unitId).orElseThrow().path());
        }

        boolean personExists(long id, DataScope scope) {
            return exists(() -> person(id, scope));
        }

        PersonView person(long id, DataScope scope) {
            return (PersonView) remembered("person " + id + " in " + scope, () -> org.person(id, scope));
        }

        private Object remembered(String key, java.util.function.Supplier<Object> read) {
            if (memo == null) {
                return read.get();
            }
            Object answer = memo.computeIfAbsent(key, k -> {
                try {
                    return read.get();
                } catch (NotFound e) {
                    return e;
                }
            });
            if (answer instanceof NotFound notFound) {
                throw notFound;
            }
            return answer;
        }
    }

    /** A subtask may not outlast its parent, nor a parent end before its subtasks. */
    void checkTreeDates(TaskView task, TaskCommand command) {
        if (task.parentTaskId() != null) {
            tasks.findUnscoped(task.parentTaskId()).ifPresent(parent -> {
                if (command.dueDate().isAfter(parent.row().dueDate())) {
                    throw InvalidInput.of("dueDate", "完成时限不能晚于上级任务的 " + parent.row().dueDate());
                }
            });
        }
        tasks.allChildren(task.id()).stream().map(TaskRow::dueDate).max(java.time.LocalDate::compareTo).ifPresent(latest -> {
            if (command.dueDate().isBefore(latest)) {
                throw InvalidInput.of("dueDate", "完成时限不能早于子任务的最晚时限 " + latest);
            }
        });
    }

    /** Targets must point the way the indicator's direction says, and names must be unique within a task. */
    private static void checkIndicators(TaskCommand command, List<FieldProblem> problems) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < command.indicatorList().size(); i++) {
            TaskCommand.IndicatorInput in = command.indicatorList().get(i);
            if (!names.add(in.name().trim())) {
                problems.add(new FieldProblem("indicators[" + i + "].name", null, "指标“" + in.name().trim() + "”重复"));
            }
            int cmp = in.target().compareTo(in.baseline());
            if (in.direction() == Direction.HIGHER_IS_BETTER && cmp < 0) {
                problems.add(new FieldProblem("indicators[" + i + "].target", null,
                        "指标“" + in.name().trim() + "”越大越好，目标值不能低于基期值"));
            } else if (in.direction() == Direction.LOWER_IS_BETTER && cmp > 0) {
                problems.add(new FieldProblem("indicators[" + i + "].target", null,
                        "指标“" + in.name().trim() + "”越小越好，目标值不能高于基期值"));
            }
        }
    }
    private static boolean exists(java.util.function.Supplier<?> lookup) {
        try {
            lookup.get();
            return true;
        } catch (NotFound e) {
            return false;
        }
    }
}
