package org.gongjian.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The menu's rules without Spring: who sees what, which entry a page belongs to, where breadcrumbs come from. */
class NavigationTests {

    @Test
    void aLiaisonSeesHerWorkAndNotTheOfficesOrTheAdministrators() {
        Navigation.View view = Navigation.view(List.of("LIAISON"), "/");
        List<String> items = ids(view);
        assertThat(items).contains("home", "reports", "report-import", "evidence", "notices", "tasks", "my-tasks", "password");
        assertThat(items).doesNotContain("lights", "cockpit", "users", "audit", "records", "reporting", "briefings");
        assertThat(view.groups()).extracting(Navigation.Group::id).doesNotContain("admin");
    }

    @Test
    void theIntegrityPageIsInTheMenuOfThoseWhoMayOpenIt() {
        for (String role : List.of("ADMIN", "SEC_ADMIN", "AUDIT_ADMIN")) {
            Navigation.View view = Navigation.view(List.of(role), "/integrity");
            assertThat(ids(view)).as(role).contains("integrity");
            assertThat(view.active().id()).isEqualTo("integrity");
            assertThat(view.crumbs()).isTrue();
        }
        for (String role : List.of("SYS_ADMIN", "SUPERVISOR", "LEADER", "ORG_DEPT", "UNIT_HEAD", "LIAISON", "CADRE")) {
            assertThat(ids(Navigation.view(List.of(role), "/"))).as(role).doesNotContain("integrity");
        }
    }

    @Test
    void groupsKeepTheOrderTheWorkFlowsIn() {
        Navigation.View view = Navigation.view(List.of("ADMIN"), "/");
        assertThat(view.groups()).extracting(Navigation.Group::id)
                .containsExactly("home", "campaign", "pledge", "report", "supervision", "assessment", "cadre", "talent", "admin", "account");
    }

    @Test
    void aPageTheMenuOpensGetsTheMenusBreadcrumb() {
        Navigation.View view = Navigation.view(List.of("SUPERVISOR"), "/supervision/lights");
        assertThat(view.active().id()).isEqualTo("lights");
        assertThat(view.activeGroup().id()).isEqualTo("supervision");
        assertThat(view.crumbs()).isTrue();
        Navigation.View register = Navigation.view(List.of("SUPERVISOR"), "/campaigns/7/pledges");
        assertThat(register.active().id()).isEqualTo("pledges");
        assertThat(register.crumbs()).as("a campaign's page names the campaign in its own trail").isFalse();
    }

    @Test
    void aPageBelowAnEntryHighlightsTheMostSpecificEntryAndDrawsItsOwnTrail() {
        Navigation.View form = Navigation.view(List.of("LIAISON"), "/tasks/12/reports/new");
        assertThat(form.active().id()).as("a report form is below a task, but it is reporting work").isEqualTo("reports");
        assertThat(form.crumbs()).isFalse();
        assertThat(Navigation.view(List.of("LIAISON"), "/tasks/12").active().id()).isEqualTo("tasks");
        assertThat(Navigation.view(List.of("LIAISON"), "/nowhere").active()).isNull();
    }

    @Test
    void theHomePageHasNoBreadcrumb() {
        assertThat(Navigation.view(List.of("LIAISON"), "/").crumbs()).isFalse();
    }

    @Test
    void phonesGetTheThreeThingsEachRoleDoesMost() {
        assertThat(tabs("LIAISON")).containsExactly("home", "reports", "notices");
        assertThat(tabs("SUPERVISOR")).containsExactly("home", "lights", "notices");
        assertThat(tabs("LEADER")).containsExactly("home", "cockpit", "my-tasks");
        assertThat(tabs("ORG_DEPT")).containsExactly("home", "records", "cockpit");
        assertThat(Navigation.view(List.of("UNIT_HEAD", "LIAISON"), "/").tabs()).extracting(Navigation.Item::id)
                .as("the head's bar wins over the liaison's").containsExactly("home", "reports", "my-tasks");
    }

    @Test
    void everyTabIsAnEntryTheRoleMayOpen() {
        Navigation.TABS.forEach((role, tabs) -> assertThat(ids(Navigation.view(List.of(role), "/"))).as(role).containsAll(tabs));
    }

    private static List<String> tabs(String role) {
        return Navigation.view(List.of(role), "/").tabs().stream().map(Navigation.Item::id).toList();
    }

    private static List<String> ids(Navigation.View view) {
        return view.groups().stream().flatMap(g -> g.items().stream()).map(Navigation.Item::id).toList();
    }
}
