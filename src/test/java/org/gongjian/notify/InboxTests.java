package org.gongjian.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonCommand;
import org.gongjian.org.PersonView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox: notifications land for the named users only, newest first; the API and the page show a user their
 * own and nobody else's (404); unread counts, marking read; a unit's role holders are found by scope or position;
 * a rolled-back business change notifies nobody.
 */
class InboxTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired Notifications notifications;
    @Autowired UserService users;
    @Autowired OrgService org;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    County c;
    long liaisonA;
    long liaisonB;

    @BeforeEach
    void county() {
        c = fixtures.county();
        liaisonA = id(c.liaisonAUser());
        liaisonB = id(c.liaisonBUser());
    }

    @Test
    void apiListsOnlyTheCurrentUsersNotificationsNewestFirst() throws Exception {
        notifications.toUsers(List.of(liaisonA), NotificationKind.DEADLINE, "六月月报明天截止", "请于6月30日前报送", "/my/tasks");
        clock.advance(Duration.ofMinutes(5));
        notifications.toUsers(List.of(liaisonA, liaisonB), NotificationKind.NOTICE, "督办单：污水治理滞后", "请3日内反馈", null);
        String token = Logins.token(mvc, c.liaisonAUser());

        mvc.perform(get("/api/v1/notifications").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.items[0].title").value("督办单：污水治理滞后"))
                .andExpect(jsonPath("$.items[0].kind").value("NOTICE"))
                .andExpect(jsonPath("$.items[0].kindLabel").value("督办单"))
                .andExpect(jsonPath("$.items[0].read").value(false))
                .andExpect(jsonPath("$.items[1].link").value("/my/tasks"));

        long othersId = notificationOf(liaisonB, "督办单：污水治理滞后");
        mvc.perform(post("/api/v1/notifications/{id}/read", othersId).header("Authorization", token))
                .andExpect(status().isNotFound());
        assertThat(isRead(othersId)).isFalse();

        long mine = notificationOf(liaisonA, "六月月报明天截止");
        mvc.perform(post("/api/v1/notifications/{id}/read", mine).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.read").value(true));
        mvc.perform(get("/api/v1/notifications").param("unread", "true").header("Authorization", token))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].title").value("督办单：污水治理滞后"));
        mvc.perform(get("/api/v1/notifications/unread-count").header("Authorization", token))
                .andExpect(jsonPath("$.unread").value(1));

        mvc.perform(post("/api/v1/notifications/read-all").header("Authorization", token))
                .andExpect(jsonPath("$.updated").value(1));
        mvc.perform(get("/api/v1/notifications/unread-count").header("Authorization", token))
                .andExpect(jsonPath("$.unread").value(0));
        // B's copy is untouched by A reading theirs.
        mvc.perform(get("/api/v1/notifications/unread-count").header("Authorization", Logins.token(mvc, c.liaisonBUser())))
                .andExpect(jsonPath("$.unread").value(1));
    }

    @Test
    void theBadgeCountsUnreadAndThePageMarksRead() throws Exception {
        notifications.toUsers(List.of(liaisonA), NotificationKind.RETURNED, "月报被退回" + c.tag(), "佐证材料不全", "/my/tasks");
        notifications.toUsers(List.of(liaisonA), NotificationKind.APPROVED, "月报已通过" + c.tag(), "", null);
        MockHttpSession session = Logins.session(mvc, c.liaisonAUser());

        mvc.perform(get("/inbox/count").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"inbox-count\"")))
                .andExpect(content().string(containsString(">2<")));
        mvc.perform(get("/inbox").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("月报被退回" + c.tag())))
                .andExpect(content().string(containsString("gj-unread")))
                .andExpect(content().string(containsString("报送退回")));

        long returned = notificationOf(liaisonA, "月报被退回" + c.tag());
        mvc.perform(post("/inbox/{id}/open", returned).session(session).with(csrf()))
                .andExpect(redirectedUrl("/my/tasks"));
        long approved = notificationOf(liaisonA, "月报已通过" + c.tag());
        mvc.perform(post("/inbox/{id}/read", approved).session(session).with(csrf()))
                .andExpect(redirectedUrl("/inbox"));
        mvc.perform(get("/inbox/count").session(session))
                .andExpect(content().string(not(containsString("inbox-count"))));

        // Someone else's notification is not found from the page either.
        notifications.toUsers(List.of(liaisonB), NotificationKind.NOTICE, "乙镇督办" + c.tag(), "", null);
        mvc.perform(post("/inbox/{id}/read", notificationOf(liaisonB, "乙镇督办" + c.tag())).session(session).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theBadgeIsEmptyWithoutASession() throws Exception {
        mvc.perform(get("/inbox/count"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("badge"))));
        mvc.perform(get("/inbox")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aUnitsRoleHoldersAreFoundByScopeOrPositionAndDisabledOnesAreSkipped() throws Exception {
        String head = fixtures.user("head" + c.tag(), c.townshipA(), Role.UNIT_HEAD);
        // A unit head whose login is scoped to the county but whose cadre serves in township A.
        PersonView person = org.createPerson(new PersonCommand("王五" + c.tag(), "男", c.townshipA().id(), "党委书记",
                false, LocalDate.of(2025, 1, 1)), DataScope.everything());
        long viaPosition = users.createPrehashed("sec" + c.tag(), encoder.encode(OrgFixtures.PASSWORD), person.id(),
                c.county().id(), EnumSet.of(Role.UNIT_HEAD));
        String disabled = fixtures.user("off" + c.tag(), c.townshipA(), Role.UNIT_HEAD);
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = :u").param("u", disabled).update();

        notifications.toUnit(c.townshipA().id(), Set.of(Role.UNIT_HEAD, Role.LIAISON), NotificationKind.NOTICE,
                "督办单" + c.tag(), "请反馈", "/tasks/1");

        List<Long> recipients = jdbc.sql("SELECT user_id FROM notification WHERE title = :t ORDER BY user_id")
                .param("t", "督办单" + c.tag()).query(Long.class).list();
        assertThat(recipients).containsExactlyInAnyOrder(id(head), viaPosition, liaisonA);
    }

    @Test
    void aRolledBackChangeNotifiesNobodyAndForeignLinksAreDropped() {
        tx.executeWithoutResult(status -> {
            notifications.toUsers(List.of(liaisonA), NotificationKind.INSTRUCTION, "批示" + c.tag(), "请落实", null);
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE title = :t").param("t", "批示" + c.tag())
                .query(Long.class).single()).isZero();

        notifications.toUsers(List.of(liaisonA, -1L), NotificationKind.INSTRUCTION, "外链" + c.tag(), "", "https://evil.example/x");
        notifications.toUsers(List.of(liaisonA), NotificationKind.INSTRUCTION, "外链" + c.tag(), "", "//evil.example/x");
        notifications.toUsers(List.of(liaisonA), NotificationKind.INSTRUCTION, "外链" + c.tag(), "", "javascript:alert(1)");
        assertThat(jdbc.sql("SELECT link FROM notification WHERE title = :t").param("t", "外链" + c.tag())
                .query(String.class).list()).hasSize(3).containsOnlyNulls();
    }

    private long id(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    private long notificationOf(long userId, String title) {
        return jdbc.sql("SELECT id FROM notification WHERE user_id = :u AND title = :t")
                .param("u", userId).param("t", title).query(Long.class).single();
    }

    private boolean isRead(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE id = :id AND read_at IS NOT NULL").param("id", id)
                .query(Long.class).single() > 0;
    }
}
