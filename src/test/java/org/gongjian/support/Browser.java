package org.gongjian.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, pointed at /usr/bin explicitly so nothing is downloaded.
 * Without Chromium the browser journeys skip with a message, except under CI where they must run.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("GONGJIAN_CHROMIUM", "/usr/bin/chromium");
    static final String DRIVER = System.getenv().getOrDefault("GONGJIAN_CHROMEDRIVER", "/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    public static Browser start(int port) throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!present) {
            String message = "Browser journeys need Debian chromium and chromium-driver (" + CHROMIUM + ", " + DRIVER
                    + "): apt-get install chromium chromium-driver fonts-noto-cjk";
            if (TestDatabase.onCi()) {
                throw new IllegalStateException("CI=true: " + message);
            }
            Assumptions.abort("Skipped: " + message);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1280,900", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        // The console (script errors, CSP violations, failed loads) readable through driver().manage().logs().
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** The element, scrolled to the middle of the window so a click is never intercepted by what lies above. */
    public WebElement find(String dataTest) {
        WebElement element = waitFor(By.cssSelector("[data-test='" + dataTest + "']"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
        return element;
    }

    /**
     * Clicks like a user would, but through the DOM: headless Chromium sometimes reports long forms' buttons as
     * covered after scrolling, which says nothing about the page.
     */
    public void click(String dataTest) {
        WebElement element = find(dataTest);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitForText(String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
                try {
                    return d.findElement(By.tagName("body")).getText().contains(text);
                } catch (WebDriverException e) {
                    if (replacedMeanwhile(e)) {
                        return false;
                    }
                    throw e;
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Timed out waiting for \"" + text + "\" on " + driver.getCurrentUrl()
                    + "; page text:\n" + bodyText(), e);
        }
    }

    public String bodyText() {
        for (int tries = 1; ; tries++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (WebDriverException e) {
                if (tries == 5 || !replacedMeanwhile(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * The page navigated between finding the body and reading it: Selenium says "stale element", or — when the new
     * document arrives mid-read — ChromeDriver passes on DevTools' "Node with given id does not belong to the
     * document" as an unknown error (seen in CI after a form post answered with a redirect).
     */
    private static boolean replacedMeanwhile(WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    public void login(String username, String password) {
        open("/login");
        find("username").sendKeys(username);
        find("password").sendKeys(password);
        find("login-submit").click();
        // Administrators owe a second factor: the fixtures' authenticator gives the code.
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                    !d.findElements(By.cssSelector("[data-test='navbar']")).isEmpty()
                            || !d.findElements(By.cssSelector("[data-test='code-form']")).isEmpty()
                            || !d.findElements(By.cssSelector("[data-test='login-error']")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("login as " + username + " ended on " + driver.getCurrentUrl() + "; page text:\n"
                    + bodyText(), e);
        }
        if (!driver.findElements(By.cssSelector("[data-test='code-form']")).isEmpty()) {
            find("code").sendKeys(OrgFixtures.totpCode());
            find("code-submit").click();
        }
        find("navbar");
    }

    public void logout() {
        driver.manage().deleteAllCookies();
    }

    /**
     * Saves the page at desktop and phone width to target/screenshots for a human to look at. The phone view is
     * emulated (DevTools device metrics), so the window itself never changes size under the test.
     */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        save(name + "-1280");
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
        try {
            save(name + "-375");
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
    }

    private void save(String name) throws IOException {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
