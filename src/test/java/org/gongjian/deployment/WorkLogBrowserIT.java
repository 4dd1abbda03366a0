package org.gongjian.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;

import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.report.EvidenceFiles;
import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A 驻村 cadre on a 375 px phone opens 写日志 (pre-filled: the site, today), types what was done, attaches a photo taken
 * yesterday far from the village, saves: the log is kept and the photo flagged, not refused.
 */
class WorkLogBrowserIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired OrgFixtures fixtures;
    @Autowired UserService users;
    @Autowired PasswordEncoder encoder;
    @Autowired DeploymentService deployments;
    @Autowired JdbcClient jdbc;

    @Test
    void aCadreLogsADayWithAPhotoOnAPhone() throws Exception {
        clock.set(Instant.parse("2026-04-15T02:00:00Z"));
        OrgFixtures.County c = fixtures.county();
        String cadre = "wl" + c.tag();
        users.createPrehashed(cadre, encoder.encode(OrgFixtures.PASSWORD), c.cadreA().id(), c.townshipA().id(),
                EnumSet.of(Role.CADRE));
        CurrentUser office = users.asCurrentUser(c.orgDeptUser()).orElseThrow();
        var scope = org.gongjian.shared.DataScope.of(c.county().id(), c.county().path());
        BatchView batch = deployments.createBatch(new BatchCommand("2026年第一批驻村干部", DeploymentKind.CADRE_TO_VILLAGE,
                c.county().id(), java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31), 15), office, scope);
        DeploymentView d = deployments.create(batch.id(), new DeploymentCommand(c.cadreA().id(), null, c.villageA().id(), null,
                null, "驻村帮扶", null, java.util.List.of(), new java.math.BigDecimal("34.746600"),
                new java.math.BigDecimal("113.625400")), office, scope);
        Path photo = Files.createTempFile("village", ".jpg");
        Files.write(photo, EvidenceFiles.photo(64, 48, "2026:04:14 16:00:00", 34.90, 113.6254));

        try (Browser browser = Browser.start(port)) {
            ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
            browser.login(cadre, OrgFixtures.PASSWORD);
            browser.open("/work-logs/new");
            assertThat(browser.find("log-date").getAttribute("value")).isEqualTo("2026-04-15");
            assertThat(browser.find("log-deployment").getText()).contains(c.villageA().name());
            browser.find("log-text").sendKeys("走访脱贫户5户，核实产业奖补发放");
            browser.find("log-met").sendKeys("村支书");
            browser.find("log-photos").sendKeys(photo.toAbsolutePath().toString());
            browser.click("log-submit");
            browser.waitForText("日志已保存");
            browser.waitForText("拍摄日期与日志日期不符");
            browser.waitForText("拍摄地点距驻点超过3公里");
            Object width = ((ChromeDriver) browser.driver()).executeScript("return document.documentElement.scrollWidth");
            assertThat(((Number) width).intValue()).isLessThanOrEqualTo(375);
            browser.screenshot("work-log");
        } finally {
            Files.deleteIfExists(photo);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_log WHERE deployment_id = :d").param("d", d.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT flags FROM work_log_photo p JOIN work_log l ON l.id = p.work_log_id WHERE l.deployment_id = :d")
                .param("d", d.id()).query(String.class).single()).contains("OTHER_DAY").contains("FAR");
    }
}
