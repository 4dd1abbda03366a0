package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Field speed, measured in headless Chromium on the slow-3G profile (DevTools throttling: 400 ms latency,
 * 400 kbit/s down and up): the report form's bytes on the wire cold (empty cache) and warm (immutable assets cached),
 * the time until it is usable, and what a 4 MB phone photo costs to upload once the form has scaled it — with its
 * capture time and position still readable by the server. The figures are printed for the note; the budgets asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFieldSpeedBrowserIT extends IntegrationTest {

    static final long COLD_BUDGET = 120 * 1024;
    static final long WARM_BUDGET = 15 * 1024;
    static final long USABLE_BUDGET_MS = 3_000;
    static final int BYTES_PER_SECOND = 400_000 / 8;

    @LocalServerPort int port;
    @Autowired ReportFixtures fixtures;
    @Autowired ReportService reports;
    @Autowired EvidenceService evidence;

    Browser browser;
    ReportFixtures.Setup s;

    @BeforeAll
    void setUp() throws Exception {
        browser = Browser.start(port);
        s = fixtures.county(ReportingFrequency.MONTHLY, false);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theReportFormFitsTheSlow3gBudgetColdAndWarm() {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        // 甲镇's liaison on a fresh task: no photos in the unit's library yet (each one adds a lazy ~5 KB thumbnail).
        browser.logout();
        browser.login(s.liaison(), OrgFixtures.PASSWORD);
        String form = "/tasks/" + s.task().id() + "/reports/new?period=2026-06";
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 400,
                "downloadThroughput", BYTES_PER_SECOND, "uploadThroughput", BYTES_PER_SECOND));
        try {
            chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
            chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            Load cold = load(form);
            chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
            load(form); // fills the cache
            browser.open("/reports");
            Load warm = load(form);
            System.out.printf("FIELD SPEED report form on 400 ms / 400 kbit/s: cold %.1f KB in %d requests, DOMContentLoaded %d ms,"
                            + " load %d ms; warm %.1f KB in %d requests, DOMContentLoaded %d ms, load %d ms%n",
                    cold.bytes / 1024.0, cold.requests, cold.domContentLoaded, cold.load, warm.bytes / 1024.0,
                    warm.requests, warm.domContentLoaded, warm.load);
            System.out.println("FIELD SPEED cold, bytes per request: " + cold.parts);
            System.out.println("FIELD SPEED warm, bytes per request: " + warm.parts);
            assertThat(cold.bytes).as("cold bytes on the wire").isLessThanOrEqualTo(COLD_BUDGET);
            assertThat(warm.bytes).as("warm bytes on the wire").isLessThanOrEqualTo(WARM_BUDGET);
            assertThat(cold.domContentLoaded).as("cold: usable (DOMContentLoaded) in ms").isLessThanOrEqualTo(USABLE_BUDGET_MS);
            assertThat(warm.load).as("warm: loaded in ms").isLessThanOrEqualTo(USABLE_BUDGET_MS);
        } finally {
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        }
    }

    @Test
    void aFourMegabytePhonePhotoGoesUpScaledWithItsCaptureTimeAndPosition() throws Exception {
        byte[] original = phonePhoto();
        Path file = Files.createTempFile("IMG_", ".jpg");
        Files.write(file, original);
        // 乙镇's liaison, so the photo lands in 乙镇's library, not on the form the other test weighs.
        TaskView task = fixtures.task(s.campaign(), s.county().townshipB(), "稳产业" + s.county().tag());
        browser.logout();
        browser.login(s.otherLiaison(), OrgFixtures.PASSWORD);
        browser.open("/tasks/" + task.id() + "/reports/new?period=2026-05");
        browser.driver().findElement(By.id("progressText")).sendKeys("现场照片");
        browser.driver().findElement(By.cssSelector("[data-test=report-files]")).sendKeys(file.toAbsolutePath().toString());
        var tile = new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("[data-test=report-photo][data-bytes]")).stream().findFirst().orElse(null));
        long scaled = Long.parseLong(tile.getDomAttribute("data-bytes"));
        System.out.printf("FIELD SPEED 4 MB phone photo: %d bytes before scaling (≈ %d s at 400 kbit/s), %d bytes after"
                        + " (≈ %.1f s; %s)%n", original.length, original.length / BYTES_PER_SECOND, scaled,
                scaled / (double) BYTES_PER_SECOND, tile.getDomAttribute("data-scale-note"));
        assertThat(Long.parseLong(tile.getDomAttribute("data-original-bytes"))).isEqualTo(original.length);
        assertThat(scaled).isLessThan(original.length / 5);

        browser.click("report-save");
        browser.waitForText("草稿已保存");
        ReportView draft = reports.ofTask(task.id(), DataScope.everything()).stream()
                .filter(r -> r.period().equals("2026-05")).findFirst().orElseThrow();
        assertThat(draft.evidence()).singleElement().satisfies(photo -> {
            assertThat(photo.size()).isEqualTo(scaled);
            assertThat(photo.capturedAt()).as("EXIF capture time kept").isNotNull();
            assertThat(photo.latitude()).as("EXIF GPS kept").isNotNull();
            assertThat(photo.latitude().doubleValue()).isCloseTo(26.58, org.assertj.core.api.Assertions.within(0.01));
        });
        // Drawn upright at 1600 px on the long side, so the copied EXIF says orientation 1 (normal).
        byte[] stored;
        try (var in = evidence.open(draft.evidence().get(0).id(), DataScope.everything()).content()) {
            stored = in.readAllBytes();
        }
        BufferedImage upright = ImageIO.read(new java.io.ByteArrayInputStream(stored));
        assertThat(upright.getWidth()).isEqualTo(1200);
        assertThat(upright.getHeight()).isEqualTo(1600);
        assertThat(com.drew.imaging.ImageMetadataReader.readMetadata(new java.io.ByteArrayInputStream(stored))
                .getFirstDirectoryOfType(com.drew.metadata.exif.ExifIFD0Directory.class)
                .getInt(com.drew.metadata.exif.ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(1);
    }

    /** What a phone writes: 4000×3000 pixels turned by EXIF orientation 6, about 4 MB, taken time and GPS in EXIF. */
    private static byte[] phonePhoto() throws Exception {
        BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = Math.max(0, Math.min(255, (x * 255 / 4000 + y * 255 / 3000) / 2 + random.nextInt(80) - 40));
                image.setRGB(x, y, (v << 16) | ((255 - v) << 8) | (v / 2));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam quality = writer.getDefaultWriteParam();
        quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        quality.setCompressionQuality(0.9f);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(jpeg)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), quality);
        }
        TiffOutputSet exif = new TiffOutputSet();
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION,
                (short) TiffTagConstants.ORIENTATION_VALUE_ROTATE_90_CW); // held upright: 3000 wide, 4000 high
        exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, "2026:06:10 09:30:00");
        exif.setGpsInDegrees(106.71, 26.58);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(jpeg.toByteArray(), withExif, exif);
        return withExif.toByteArray();
    }

    record Load(long bytes, int requests, long domContentLoaded, long load, String parts) {}

    /** Opens the page and reads the Navigation and Resource Timing entries (transferSize: bytes on the wire). */
    private Load load(String path) {
        browser.open(path);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(js.executeScript(
                "var n = performance.getEntriesByType('navigation')[0]; return !!n && n.loadEventEnd > 0"
                        + " && performance.getEntriesByType('resource').every(function (r) { return r.responseEnd > 0; });")));
        // The unread badge asks once on load: its answer is part of what the page costs.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js.executeScript(
                "return performance.getEntriesByType('resource').some(function (r) { return r.name.indexOf('/inbox/count') >= 0; });")));
        @SuppressWarnings("unchecked")
        List<Object> figures = (List<Object>) js.executeScript("""
                var n = performance.getEntriesByType('navigation')[0];
                var resources = performance.getEntriesByType('resource');
                var bytes = n.transferSize + resources.reduce(function (sum, r) { return sum + r.transferSize; }, 0);
                var fetched = resources.filter(function (r) { return r.transferSize > 0; }).length + 1;
                var parts = [n.name.replace(location.origin, '') + ' ' + n.transferSize].concat(resources.map(function (r) {
                    return r.name.replace(location.origin, '').replace(/-[0-9a-f]{32}[.]/, '.') + ' ' + r.transferSize; }));
                return [bytes, fetched, Math.round(n.domContentLoadedEventEnd - n.startTime), Math.round(n.loadEventEnd - n.startTime),
                        parts.join(', ')];""");
        return new Load(((Number) figures.get(0)).longValue(), ((Number) figures.get(1)).intValue(),
                ((Number) figures.get(2)).longValue(), ((Number) figures.get(3)).longValue(), (String) figures.get(4));
    }
}
