package org.gongjian.campaign.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskService;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonView;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;

/**
 * The units and leaders a campaign's workbook may name, and the names it uses for them. Lead units come from the
 * campaign owner's subtree as far as the caller sees it (what {@link TaskService} accepts); cooperating units and
 * leaders from the whole campaign subtree. Units are named by name, or "名称（编码）" / the code when a name is
 * shared. Lookups are cached: one instance serves one request.
 */
public final class CampaignDirectory {

    /** A name the workbook resolved, or why it could not. */
    record Resolved(Optional<Long> id, String problem) {
        static Resolved of(long id) {
            return new Resolved(Optional.of(id), "");
        }

        static Resolved problem(String message) {
            return new Resolved(Optional.empty(), message);
        }
    }

    private final OrgService org;
    private final CampaignView campaign;
    private final DataScope campaignScope;
    private final DataScope leadScope;
    private final DataScope callerScope;
    private final Map<String, Resolved> leadUnits = new HashMap<>();
    private final Map<String, Resolved> cooperatingUnits = new HashMap<>();
    private final Map<String, Resolved> leaders = new HashMap<>();
    private final Map<Long, String> unitLabels = new HashMap<>();
    private final Map<Long, String> leaderLabels = new HashMap<>();

    CampaignDirectory(OrgService org, CampaignView campaign, DataScope callerScope) {
        this.org = org;
        this.campaign = campaign;
        this.callerScope = callerScope;
        this.campaignScope = org.scopeOf(campaign.ownerUnitId()).orElseThrow();
        // Campaigns are visible only to scopes nested with the owner's, so the narrower of the two is the overlap.
        this.leadScope = callerScope.isEverything() || campaignScope.path().startsWith(callerScope.path())
                ? campaignScope : callerScope;
    }

    CampaignView campaign() {
        return campaign;
    }

    Resolved leadUnit(String text) {
        return leadUnits.computeIfAbsent(text, t -> resolveUnit(t, leadScope, true));
    }

    Resolved cooperatingUnit(String text) {
        return cooperatingUnits.computeIfAbsent(text, t -> resolveUnit(t, campaignScope, false));
    }

    Resolved leader(String text) {
        return leaders.computeIfAbsent(text, this::resolveLeader);
    }

    /** Units a task may be led by, labelled as the workbook names them; empty when there are more than {@code max}. */
    List<String> leadUnitLabels(int max) {
        List<UnitView> units = new ArrayList<>();
        PageResult<UnitView> page;
        int n = 0;
        do {
            page = org.units(null, null, null, leadScope, new PageQuery(n++, PageQuery.MAX_SIZE));
            units.addAll(page.items());
            if (units.size() > max) {
                return List.of();
            }
        } while (page.hasNext());
        Map<String, Long> counts = new HashMap<>();
        units.forEach(u -> counts.merge(u.name(), 1L, Long::sum));
        return units.stream().map(u -> TaskWorkbook.unitLabel(u.name(), u.code(), counts.get(u.name()) > 1)).toList();
    }

    /** The owner unit's people (县长, 副县长 …) as "姓名（职务）", principals first. */
    List<String> leaderLabelsOfOwner() {
        Map<String, Boolean> labels = new LinkedHashMap<>();
        PageResult<PersonView> page;
        int n = 0;
        do {
            page = org.people(campaign.ownerUnitId(), false, null, campaignScope, new PageQuery(n++, PageQuery.MAX_SIZE));
            page.items().forEach(p -> labels.put(TaskWorkbook.leaderLabel(p.name(), p.position()), true));
        } while (page.hasNext() && n < 10);
        return List.copyOf(labels.keySet());
    }

    /** How the export names a unit: its name, or "名称（编码）" when another unit of the campaign shares the name. */
    String unitLabel(long unitId) {
        return unitLabels.computeIfAbsent(unitId, id -> {
            UnitView unit = org.unit(id, DataScope.everything());
            boolean shared = exactUnits(unit.name(), campaignScope).size() > 1;
            return TaskWorkbook.unitLabel(unit.name(), unit.code(), shared);
        });
    }

    /** In a list cell (配合单位) a name holding a separator would split; such a unit is named by its code. */
    String unitListLabel(long unitId) {
        String label = unitLabel(unitId);
        return TaskWorkbook.splitList(label).size() == 1 && TaskWorkbook.splitList(label).get(0).equals(label)
                ? label : org.unit(unitId, DataScope.everything()).code();
    }

    String leaderLabel(long personId) {
        return leaderLabels.computeIfAbsent(personId, id -> org.personUnscoped(id)
                .map(p -> TaskWorkbook.leaderLabel(p.name(), p.position())).orElse(""));
    }

    private Resolved resolveUnit(String text, DataScope within, boolean lead) {
        List<UnitView> named = exactUnits(text, within);
        if (named.size() == 1) {
            return Resolved.of(named.get(0).id());
        }
        if (named.size() > 1) {
            return Resolved.problem("有 " + named.size() + " 个单位名为“" + text + "”，请写成“名称（编码）”，如“"
                    + TaskWorkbook.unitLabel(text, named.get(0).code(), true) + "”");
        }
        Optional<String[]> bracketed = TaskWorkbook.bracketed(text);
        Optional<UnitView> byCode = bracketed.isPresent()
                ? org.unitByCode(bracketed.get()[1]).filter(u -> u.name().equals(bracketed.get()[0]))
                : org.unitByCode(text);
        if (byCode.isPresent() && within.covers(byCode.get().path())) {
            return Resolved.of(byCode.get().id());
        }
        return Resolved.problem(whyNotFound(text, byCode, lead));
    }

    private String whyNotFound(String text, Optional<UnitView> byCode, boolean lead) {
        boolean inCampaign = byCode.map(u -> campaignScope.covers(u.path())).orElse(false)
                || !exactUnits(text, campaignScope).isEmpty();
        if (lead && inCampaign) {
            return "单位“" + text + "”不在您的数据范围内";
        }
        boolean visible = byCode.map(u -> callerScope.covers(u.path())).orElse(false)
                || !exactUnits(text, callerScope).isEmpty();
        if (visible) {
            return "单位“" + text + "”不在本攻坚行动（" + campaign.ownerUnitName() + "）的范围内";
        }
        return "找不到单位“" + text + "”，请从下拉列表选择，或填写单位编码";
    }

    private List<UnitView> exactUnits(String name, DataScope within) {
        return all(page -> org.units(null, null, name, within, page), u -> u.name().equals(name));
    }

    private Resolved resolveLeader(String text) {
        Optional<String[]> bracketed = TaskWorkbook.bracketed(text);
        String name = bracketed.map(b -> b[0]).orElse(text);
        List<PersonView> named = all(page -> org.people(campaign.ownerUnitId(), true, name, campaignScope, page),
                p -> p.name().equals(name));
        List<PersonView> matching = bracketed.isEmpty() ? named
                : named.stream().filter(p -> p.position().equals(bracketed.get()[1])).toList();
        if (matching.size() > 1 && bracketed.isEmpty()) {
            List<PersonView> owners = matching.stream().filter(p -> p.unitId() == campaign.ownerUnitId()).toList();
            matching = owners.size() == 1 ? owners : matching;
        }
        if (matching.size() == 1) {
            return Resolved.of(matching.get(0).id());
        }
        if (matching.size() > 1) {
            return Resolved.problem("有多名干部名为“" + name + "”，请从下拉列表选择“姓名（职务）”");
        }
        return Resolved.problem(named.isEmpty()
                ? "本攻坚行动范围内找不到干部“" + name + "”，请从下拉列表选择"
                : "找不到“" + text + "”：" + name + "的职务与所填不符，请从下拉列表选择");
    }

    /** Every item of a paged search that passes the filter (searches match substrings; we want exact names). */
    private static <T> List<T> all(Function<PageQuery, PageResult<T>> search, java.util.function.Predicate<T> keep) {
        List<T> result = new ArrayList<>();
        PageResult<T> page;
        int n = 0;
        do {
            page = search.apply(new PageQuery(n++, PageQuery.MAX_SIZE));
            page.items().stream().filter(keep).forEach(result::add);
        } while (page.hasNext() && n < 50);
        return result;
    }
}
