package org.fairrecruit.registry.support;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver. Screenshots land in
 * target/screenshots (kept as build artifacts).
 */
public final class Browser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser phone() {
        return open(412, 915);
    }

    /** A phone {@code width} CSS pixels wide, JavaScript on (for axe-core and performance figures). */
    public static Browser phone(int width) {
        return narrow(open(width, 800), width, 800);
    }

    public static Browser desktop() {
        return open(1280, 900);
    }

    /**
     * A small phone as migrants use them: {@code width} CSS pixels, JavaScript off (the page's own
     * scripts; WebDriver still reads the page), the browser's text size at {@code textPercent}
     * (Chromium's default font size, which rem-based pages follow) and Accept-Language.
     */
    public static Browser cheapPhone(int width, int textPercent, String acceptLanguage) {
        ChromeOptions options = options(width, 800);
        options.setExperimentalOption("prefs", Map.of(
                "profile.managed_default_content_settings.javascript", 2,
                "webkit.webprefs.default_font_size", 16 * textPercent / 100,
                "intl.accept_languages", acceptLanguage));
        return narrow(start(options), width, 800);
    }

    /** A phone whose browser runs no JavaScript at all, as many cheap phones and careful users do. */
    public static Browser phoneWithoutJavaScript() {
        return cheapPhone(412, 100, "en");
    }

    private static Browser open(int width, int height) {
        return start(options(width, height));
    }

    /** Chromium keeps windows at least 500 px wide, so a narrower phone's viewport is set directly. */
    private static Browser narrow(Browser browser, int width, int height) {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
        return browser;
    }

    private static ChromeOptions options(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        return options;
    }

    private static Browser start(ChromeOptions options) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page, not only the visible part (Chromium's own capture, so it works with JavaScript off). */
    @SuppressWarnings("unchecked")
    public Path fullPageScreenshot(String name) {
        Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs a staff member in through the sign-in form (password {@link StaffFixtures#PASSWORD}). */
    public void signIn(URI server, String username) {
        driver.get(server.resolve("/login").toString());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(StaffFixtures.PASSWORD);
        submit(By.cssSelector("form.stacked button[type=submit]"));
    }

    /** Clicks a submit button and waits until the page it was on has been replaced by the answer. */
    public void submit(By button) {
        WebElement element = driver.findElement(button);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(page -> detached(element));
    }

    /**
     * Whether the element left the document. ChromeDriver 156 reports a replaced page's element as
     * "Node with given id does not belong to the document" instead of a stale element reference.
     */
    private static boolean detached(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
