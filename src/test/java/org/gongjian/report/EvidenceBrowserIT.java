package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gongjian.org.OrgService;
import org.gongjian.shared.DataScope;
import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A liaison opens the unit's evidence library on a phone, uploads a site photo from the camera roll and sees it. */
class EvidenceBrowserIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired OrgFixtures fixtures;
    @Autowired EvidenceService evidence;
    @Autowired OrgService org;

    @Test
    void uploadAPhotoAndSeeItInTheLibrary(@TempDir Path dir) throws Exception {
        County c = fixtures.county();
        DataScope scope = org.scopeOf(c.townshipA().id()).orElseThrow();
        evidence.upload(c.townshipA().id(), "整改方案.pdf", new ByteArrayInputStream(EvidenceFiles.pdf("整改方案")), scope);
        evidence.upload(c.townshipA().id(), "工作台账.xlsx", new ByteArrayInputStream(EvidenceFiles.xlsx("台账")), scope);
        evidence.upload(c.townshipA().id(), "整改前.png", new ByteArrayInputStream(EvidenceFiles.png(800, 600, 4)), scope);
        Path photo = dir.resolve("IMG_20260501_103000.jpg");
        Files.write(photo, EvidenceFiles.photo(1600, 1200, "2026:05:01 10:30:00", 30.2741234, 120.1551234));

        try (Browser browser = Browser.start(port)) {
            browser.login(c.liaisonAUser(), OrgFixtures.PASSWORD);
            browser.open("/evidence?unitId=" + c.townshipA().id());
            browser.find("evidence-file").sendKeys(photo.toAbsolutePath().toString());
            browser.click("evidence-submit");
            browser.waitForText("已上传 1 个新文件");
            assertThat(browser.bodyText()).contains("IMG_20260501_103000.jpg", "拍摄于 2026-05-01 10:30",
                    "位置 30.27412，120.15512", "整改方案.pdf", "工作台账.xlsx", "无定位信息");
            browser.screenshot("evidence-library");
        }
    }
}
