package org.gongjian.notify;

import java.time.Duration;
import java.util.List;

import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A liaison sees the unread badge in the header, opens the inbox, marks everything read (screenshots at 1280 and 375 px). */
class InboxBrowserIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired OrgFixtures fixtures;
    @Autowired Notifications notifications;
    @Autowired JdbcClient jdbc;

    @Test
    void theBadgeLeadsToTheInbox() throws Exception {
        County c = fixtures.county();
        long liaison = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", c.liaisonAUser())
                .query(Long.class).single();
        notifications.toUsers(List.of(liaison), NotificationKind.APPROVED, "5月月报已通过：农村生活污水治理",
                "审核人：督查室。", "/my/tasks");
        clock.advance(Duration.ofHours(3));
        notifications.toUsers(List.of(liaison), NotificationKind.RETURNED, "5月月报被退回：农村生活污水治理",
                "佐证材料不全，请补充施工现场照片和验收单后重新提交。", "/my/tasks");
        clock.advance(Duration.ofHours(20));
        notifications.toUsers(List.of(liaison), NotificationKind.NOTICE, "督办单：城关镇人居环境整治进度滞后（黄灯）",
                "截至6月15日完成率42%，低于计划进度。请于3个工作日内书面反馈整改措施。", "/my/tasks");
        notifications.toUsers(List.of(liaison), NotificationKind.DEADLINE, "6月月报将于6月30日截止", "共3项任务待报送。", "/my/tasks");

        try (Browser browser = Browser.start(port)) {
            browser.login(c.liaisonAUser(), OrgFixtures.PASSWORD);
            browser.find("inbox-count");
            browser.waitForText("4");
            browser.click("nav-inbox");
            browser.find("inbox-list");
            long approved = jdbc.sql("SELECT id FROM notification WHERE user_id = :u AND kind = 'APPROVED'")
                    .param("u", liaison).query(Long.class).single();
            browser.click("inbox-read-" + approved);
            browser.find("inbox-list");
            browser.waitForText("未读 3");
            browser.screenshot("inbox");
            browser.click("inbox-read-all");
            browser.waitForText("未读 0");
        }
    }

    /**
     * The badge polls every minute, and each poll refreshes the session: on an open tab the idle timeout would never
     * come. The page carries the session's idle timeout (30 min as configured), and the poll stops once the page has
     * been idle that long less 90 s, so the session can run out.
     */
    @Test
    void theBadgeStopsPollingWhenThePageHasBeenIdleForTheSessionTimeout() throws Exception {
        County c = fixtures.county();
        try (Browser browser = Browser.start(port)) {
            browser.login(c.liaisonAUser(), OrgFixtures.PASSWORD);
            browser.find("nav-inbox");
            var badge = browser.driver().findElement(org.openqa.selenium.By.cssSelector("[data-badge-src]"));
            org.assertj.core.api.Assertions.assertThat(badge.getAttribute("data-idle-seconds")).isEqualTo("1800");
            var js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
            org.assertj.core.api.Assertions.assertThat(js.executeScript("return gjBadgePoll();")).isEqualTo(true);
            // Idle for 28 min: still polls. Idle for 28.5 min and more: no longer.
            org.assertj.core.api.Assertions.assertThat(js.executeScript(
                    "gjLastActivity = Date.now() - 1680 * 1000; return gjBadgePoll();")).isEqualTo(true);
            org.assertj.core.api.Assertions.assertThat(js.executeScript(
                    "gjLastActivity = Date.now() - 1711 * 1000; return gjBadgePoll();")).isEqualTo(false);
            // An htmx request counts as activity.
            org.assertj.core.api.Assertions.assertThat(js.executeScript(
                    "document.dispatchEvent(new Event('htmx:afterRequest')); return gjBadgePoll();")).isEqualTo(true);
        }
    }
}
