package org.gongjian.campaign;

import java.util.List;

import org.gongjian.org.OrgService;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.NotFound;
import org.gongjian.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The units a task may be split to (分解) by whom: a county task to its townships, a township task to its villages,
 * a department's task to its county's townships (the department is the county's), else the lead unit's own children;
 * and of those only the ones in the caller's data scope, as {@link TaskService#decompose} refuses a share outside it.
 * A department's head sees only the department, so none of its county's townships: they may not split its task (the
 * county does), and the task page does not offer them to.
 */
@Component
class SplitUnits {

    private final OrgService org;

    SplitUnits(OrgService org) {
        this.org = org;
    }

    /** Whether the caller leads the task and has at least one unit to split it to (short reads, for the task page). */
    boolean mayDecompose(TaskView task, DataScope scope) {
        Base base = base(task);
        return base != null && scope.covers(base.lead.path()) && !inScope(base, scope, 1).isEmpty();
    }

    /**
     * The candidates, or why there are none: 403 when the caller's unit does not lead the task or the units to split
     * to lie outside the caller's scope (a rule of who splits, not a missing page), 409 when the task has no lower
     * unit to split to at all.
     */
    List<UnitView> candidatesOrRefuse(TaskView task, DataScope scope) {
        Base base = base(task);
        if (base == null) {
            throw new Conflict("no-lower-units", task.leadUnitName() + "没有可分解的下级单位");
        }
        if (!scope.covers(base.lead.path())) {
            throw new Forbidden("此任务由" + base.lead.name() + "牵头，只有牵头单位能分解，配合单位不能分解");
        }
        List<UnitView> units = inScope(base, scope, PageQuery.MAX_SIZE);
        if (!units.isEmpty()) {
            return units;
        }
        if (!inScope(base, DataScope.everything(), 1).isEmpty()) {
            String what = base.wanted == null ? "下级单位" : base.wanted.label();
            throw new Forbidden("此任务分解给" + base.unit.name() + "的" + what + "，这些单位不在您的管理范围内，"
                    + "您不能分解此任务，请由" + base.unit.name() + "分解");
        }
        throw new Conflict("no-lower-units", base.unit.name() + "没有可分解的下级单位");
    }

    /** The task's lead unit, the unit whose lower units the split goes to, and their kind (null: any child). */
    private record Base(UnitView lead, UnitView unit, @Nullable UnitKind wanted) {}

    /**
     * Where the split goes: a department's parent (its county), else the lead unit. Read whatever the scope, as
     * {@link TaskService#decompose} reads them: the task itself was read in scope, and the units offered are filtered.
     */
    private @Nullable Base base(TaskView task) {
        UnitView lead;
        UnitView base;
        try {
            lead = org.unit(task.leadUnitId(), DataScope.everything());
            base = lead.kind() == UnitKind.DEPARTMENT && lead.parentId() != null
                    ? org.unit(lead.parentId(), DataScope.everything()) : lead;
        } catch (NotFound e) {
            return null;
        }
        UnitKind wanted = base.kind() == UnitKind.COUNTY ? UnitKind.TOWNSHIP
                : base.kind() == UnitKind.TOWNSHIP ? UnitKind.VILLAGE : null;
        return new Base(lead, base, wanted);
    }

    /** The base's lower units of the wanted kind that the scope covers, read in the narrower of the two subtrees. */
    private List<UnitView> inScope(Base base, DataScope scope, int size) {
        DataScope under = DataScope.of(base.unit.id(), base.unit.path());
        boolean whole = scope.covers(base.unit.path());
        if (!whole && !under.covers(scope.path())) {
            return List.of();
        }
        if (base.wanted == null) {
            return whole ? org.children(base.unit.id(), under).stream().limit(size).toList() : List.of();
        }
        return org.units(null, base.wanted, null, whole ? under : scope, new PageQuery(0, size)).items();
    }
}
