package org.gongjian.workbench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.AntPathMatcher;

/**
 * The menu people know: groups in the order the work flows (攻坚清单 → 军令状 → 进度报送 → 督查督办 → 考核 → 干部 →
 * 系统管理), each item shown only to the roles that may open it, and for phones the three things a role does most.
 * Links to a page of "the campaign" go through {@code /campaign/…}, which lands on the user's current one.
 */
public final class Navigation {

    /**
     * One menu entry. {@code landing} patterns are the pages the entry opens (the layout gives them a breadcrumb);
     * {@code within} patterns are pages below it (they carry their own breadcrumbs, the menu only highlights).
     * Empty {@code roles} = every signed-in user.
     */
    public record Item(String id, String labelKey, String href, Set<String> roles, List<String> landing, List<String> within) {

        public boolean visibleTo(Collection<String> userRoles) {
            return roles.isEmpty() || userRoles.stream().anyMatch(roles::contains);
        }
    }

    public record Group(String id, String labelKey, List<Item> items) {}

    private static final Set<String> ALL = Set.of();
    /** Not a role: the shell adds it for ADMIN in the demo, the only place ADMIN reads the audit trail (三员分立). */
    static final String DEMO_ADMIN = "ADMIN(demo)";
    private static final Set<String> OFFICE = Set.of("ADMIN", "SUPERVISOR");
    private static final Set<String> UNIT = Set.of("ADMIN", "SUPERVISOR", "UNIT_HEAD", "LIAISON");

    static final Item HOME = item("home", "nav.home", "/", ALL, List.of("/"), List.of());

    static final List<Group> MENU = List.of(
            new Group("home", "nav.group.home", List.of(HOME,
                    item("inbox", "nav.inbox", "/inbox", ALL, List.of("/inbox"), List.of()))),
            new Group("campaign", "nav.group.campaign", List.of(
                    item("campaigns", "nav.campaigns", "/campaigns", ALL, List.of("/campaigns"),
                            List.of("/campaigns/new", "/campaigns/*", "/campaigns/*/tasks/new", "/campaigns/*/tasks/import")),
                    item("tasks", "nav.tasks", "/campaign/tasks", ALL, List.of(),
                            List.of("/campaigns/*/tasks", "/tasks/**")),
                    item("my-tasks", "nav.myTasks", "/my/tasks", Set.of("SUPERVISOR", "LEADER", "UNIT_HEAD", "LIAISON", "CADRE"),
                            List.of("/my/tasks"), List.of()))),
            new Group("pledge", "nav.group.pledge", List.of(
                    item("pledges", "nav.pledges", "/campaign/pledges", Set.of("ADMIN", "SUPERVISOR", "LEADER", "UNIT_HEAD", "ORG_DEPT"),
                            List.of(), List.of("/campaigns/*/pledges", "/pledges/**")))),
            new Group("report", "nav.group.report", List.of(
                    item("reports", "nav.reportTodo", "/reports", UNIT, List.of("/reports"),
                            List.of("/reports/**", "/tasks/*/reports/**")),
                    item("reporting", "nav.reporting", "/campaign/reporting", Set.of("ADMIN", "SUPERVISOR", "LEADER", "UNIT_HEAD"),
                            List.of(), List.of("/campaigns/*/reporting")),
                    item("report-import", "nav.reportImport", "/campaign/reports/import", Set.of("ADMIN", "UNIT_HEAD", "LIAISON"),
                            List.of(), List.of("/campaigns/*/reports/import")),
                    item("evidence", "nav.evidence", "/evidence", UNIT, List.of(), List.of("/evidence", "/evidence/**")))),
            new Group("supervision", "nav.group.supervision", List.of(
                    item("problems", "nav.problems", "/problems", Set.of("ADMIN", "SUPERVISOR", "LEADER", "ORG_DEPT", "UNIT_HEAD", "LIAISON"),
                            List.of("/problems"), List.of("/problems/**")),
                    item("lights", "nav.lights", "/supervision/lights", Set.of("ADMIN", "SUPERVISOR", "LEADER"),
                            List.of("/supervision/lights"), List.of()),
                    item("notices", "nav.notices", "/supervision/notices", Set.of("ADMIN", "SUPERVISOR", "LEADER", "UNIT_HEAD", "LIAISON"),
                            List.of("/supervision/notices"), List.of("/supervision/notices/**")),
                    item("cockpit", "nav.cockpit", "/cockpit", Set.of("ADMIN", "SUPERVISOR", "ORG_DEPT", "LEADER"),
                            List.of("/campaigns/*/cockpit"), List.of()),
                    item("briefings", "nav.briefings", "/campaign/briefings", Set.of("ADMIN", "SUPERVISOR", "LEADER"),
                            List.of(), List.of("/campaigns/*/briefings", "/campaigns/*/briefings/**")))),
            new Group("assessment", "nav.group.assessment", List.of(
                    item("rankings", "nav.rankings", "/campaign/rankings", ALL,
                            List.of(), List.of("/campaigns/*/rankings")),
                    item("appeals", "nav.appeals", "/campaign/appeals", Set.of("ADMIN", "SUPERVISOR", "ORG_DEPT", "UNIT_HEAD"),
                            List.of(), List.of("/campaigns/*/appeals")),
                    item("scheme", "nav.scheme", "/campaign/assessment/scheme", Set.of("ADMIN", "SUPERVISOR", "ORG_DEPT"),
                            List.of(), List.of("/campaigns/*/assessment/scheme", "/campaigns/*/assessment/ratings")))),
            new Group("cadre", "nav.group.cadre", List.of(
                    item("records", "nav.records", "/cadres", Set.of("ADMIN", "ORG_DEPT", "LEADER"), List.of("/cadres"),
                            List.of("/cadres/**")),
                    item("deployments", "nav.deployments", "/deployments", Set.of("ADMIN", "ORG_DEPT", "LEADER", "UNIT_HEAD"),
                            List.of("/deployments"), List.of("/deployments/**")),
                    item("presence", "nav.presence", "/deployments/presence", Set.of("ADMIN", "ORG_DEPT", "LEADER", "UNIT_HEAD"),
                            List.of(), List.of("/deployments/presence")),
                    item("work-logs", "nav.workLogs", "/work-logs", Set.of("CADRE"), List.of("/work-logs"), List.of("/work-logs/**")),
                    item("rotations", "nav.rotations", "/rotations", Set.of("ADMIN", "ORG_DEPT", "LEADER"), List.of("/rotations"),
                            List.of("/rotations/**")),
                    item("study-tours", "nav.studyTours", "/study-tours", ALL, List.of("/study-tours"), List.of("/study-tours/**")),
                    item("people", "nav.people", "/people", ALL, List.of("/people"), List.of()),
                    item("units", "nav.units", "/units", ALL, List.of("/units"), List.of("/units/**")),
                    item("org-import", "nav.import", "/org/import", Set.of("ADMIN", "ORG_DEPT", "SYS_ADMIN"), List.of("/org/import"), List.of()))),
            new Group("talent", "nav.group.talent", List.of(
                    item("talent", "nav.talent", "/talent", ALL, List.of("/talent"), List.of("/talent/*")),
                    item("talent-requests", "nav.talent-requests", "/talent/requests", ALL, List.of("/talent/requests"),
                            List.of("/talent/requests/**")),
                    item("talent-policies", "nav.talentPolicies", "/talent/policies", ALL, List.of("/talent/policies"), List.of()),
                    item("talent-dashboard", "nav.talentDashboard", "/talent/dashboard", Set.of("ADMIN", "SUPERVISOR", "LEADER", "ORG_DEPT", "TALENT_OFFICE"),
                            List.of("/talent/dashboard"), List.of()),
                    item("holidays", "nav.holidays", "/talent/holidays", Set.of("ADMIN", "TALENT_OFFICE"), List.of("/talent/holidays"), List.of()))),
            new Group("admin", "nav.group.admin", List.of(
                    item("users", "nav.users", "/users", Set.of("ADMIN", "SYS_ADMIN", "SEC_ADMIN"), List.of("/users"), List.of("/users/**")),
                    item("security-policy", "nav.securityPolicy", "/security/policy", Set.of("ADMIN", "SEC_ADMIN"),
                            List.of("/security/policy"), List.of()),
                    item("audit", "nav.audit", "/audit", Set.of(DEMO_ADMIN, "AUDIT_ADMIN"), List.of("/audit"), List.of()),
                    item("audit-reads", "nav.auditReads", "/audit/reads", Set.of(DEMO_ADMIN, "AUDIT_ADMIN"), List.of("/audit/reads"), List.of()),
                    // the integrity controller's readers: anchoring is for ADMIN and SEC_ADMIN, the check for all three
                    item("integrity", "nav.integrity", "/integrity", Set.of("ADMIN", "SEC_ADMIN", "AUDIT_ADMIN"),
                            List.of("/integrity"), List.of()),
                    item("deliveries", "nav.deliveries", "/admin/deliveries", Set.of("ADMIN"), List.of("/admin/deliveries"), List.of()),
                    item("events", "nav.events", "/admin/events", Set.of("ADMIN"), List.of("/admin/events"), List.of()))),
            new Group("account", "nav.group.account", List.of(
                    item("account", "nav.account", "/account", ALL, List.of("/account"), List.of()),
                    item("password", "nav.password", "/account/password", ALL, List.of("/account/password"), List.of()))));

    /**
     * The phone's bottom bar: the three things each role does most (the first role that has a bar wins, in this
     * order, so a unit head who is also a liaison gets the head's).
     */
    static final Map<String, List<String>> TABS = Map.ofEntries(
            Map.entry("SYS_ADMIN", List.of("home", "users", "units")),
            Map.entry("SEC_ADMIN", List.of("home", "users", "security-policy")),
            Map.entry("AUDIT_ADMIN", List.of("home", "audit", "audit-reads")),
            Map.entry("LIAISON", List.of("home", "reports", "notices")),
            Map.entry("UNIT_HEAD", List.of("home", "reports", "my-tasks")),
            Map.entry("SUPERVISOR", List.of("home", "lights", "notices")),
            Map.entry("LEADER", List.of("home", "cockpit", "my-tasks")),
            Map.entry("ORG_DEPT", List.of("home", "records", "cockpit")),
            Map.entry("CADRE", List.of("home", "work-logs", "inbox")),
            Map.entry("ADMIN", List.of("home", "users", "units")),
            Map.entry("TALENT_OFFICE", List.of("home", "talent-requests", "talent")));

    private static final List<String> TAB_ORDER = List.of("SUPERVISOR", "LEADER", "ORG_DEPT", "TALENT_OFFICE", "UNIT_HEAD",
            "LIAISON", "CADRE", "ADMIN", "SYS_ADMIN", "SEC_ADMIN", "AUDIT_ADMIN");

    /**
     * 三员分立: the separated administrators see none of the campaign, so of the entries open to everyone they get
     * only these (the system administrator also the unit tree and people, for accounts).
     */
    private static final Set<String> SEPARATED = Set.of("SYS_ADMIN", "SEC_ADMIN", "AUDIT_ADMIN");
    private static final Set<String> ADMINISTRATORS_COMMON = Set.of("home", "inbox", "account", "password");
    private static final Set<String> SYSTEM_ADMINISTRATOR_ORG = Set.of("people", "units");

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private Navigation() {
    }

    private static Item item(String id, String labelKey, String href, Set<String> roles, List<String> landing,
                             List<String> within) {
        return new Item(id, labelKey, href, roles, landing, within);
    }

    /** What the shell shows one user on one page. */
    public record View(List<Group> groups, @Nullable Group activeGroup, @Nullable Item active, boolean landing, List<Item> tabs) {

        /** A breadcrumb from the menu: only on pages the menu opens; deeper pages draw their own with names in them. */
        public boolean crumbs() {
            return landing && active != null && !"home".equals(active.id());
        }
    }

    static View view(Collection<String> roles, String path) {
        List<Group> groups = new ArrayList<>();
        for (Group group : MENU) {
            List<Item> items = group.items().stream().filter(i -> i.visibleTo(roles) && shownToAdministrators(i, roles)).toList();
            if (!items.isEmpty()) {
                groups.add(new Group(group.id(), group.labelKey(), items));
            }
        }
        Group activeGroup = null;
        Item active = null;
        String bestWithin = "";
        for (Group group : groups) {
            for (Item item : group.items()) {
                if (item.landing().stream().anyMatch(p -> PATHS.match(p, path))) {
                    return new View(groups, group, item, true, tabs(roles, groups));
                }
                // below several entries (a report form is below a task too): the most specific pattern wins
                for (String pattern : item.within()) {
                    if (pattern.length() > bestWithin.length() && PATHS.match(pattern, path)) {
                        bestWithin = pattern;
                        activeGroup = group;
                        active = item;
                    }
                }
            }
        }
        return new View(groups, activeGroup, active, false, tabs(roles, groups));
    }

    private static boolean shownToAdministrators(Item item, Collection<String> roles) {
        if (roles.isEmpty() || !SEPARATED.containsAll(roles) || !item.roles().isEmpty()) {
            return true;
        }
        return ADMINISTRATORS_COMMON.contains(item.id())
                || roles.contains("SYS_ADMIN") && SYSTEM_ADMINISTRATOR_ORG.contains(item.id());
    }

    private static List<Item> tabs(Collection<String> roles, List<Group> visible) {
        List<String> ids = TAB_ORDER.stream().filter(roles::contains).findFirst().map(TABS::get).orElse(List.of("home"));
        List<Item> items = visible.stream().flatMap(g -> g.items().stream()).toList();
        return ids.stream().flatMap(id -> items.stream().filter(i -> i.id().equals(id))).toList();
    }
}
