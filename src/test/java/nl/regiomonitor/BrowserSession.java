package nl.regiomonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the application as in {@link IntegrationTest}, driven by one real
 * headless Chromium per test class, with the helpers every browser test needs (log in, wait, axe-core).
 */
public abstract class BrowserSession extends IntegrationTest {

    protected static WebDriver browser;

    /**
     * Screenshots to look at are kept only when asked for ({@code mvn verify -Dscreenshots}): a whole page takes
     * up to half a second, about a minute of every run, for pictures nobody looks at in CI.
     */
    protected static final boolean SCREENSHOTS = Boolean.getBoolean("screenshots");

    private static final String AXE_SOURCE = axeSource();

    /** The pages axe found clean in this JVM, by size and document. */
    private static final Set<String> CLEAN_PAGES = new HashSet<>();

    @LocalServerPort
    protected int port;

    @TempDir
    protected Path folder;

    /**
     * One Chromium for every browser test class of the JVM (a start costs about two CPU-seconds); each class
     * begins as in a new browser: no cookies, so nobody logged in, at the usual window size, on a blank page.
     */
    @BeforeAll
    static void startBrowser() {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/chromium"))
                && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
        assumeTrue(installed || System.getenv("CI") != null, "Chromium is not installed");
        if (browser == null) {
            browser = startChromium();
            WebDriver started = browser;
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit));
        }
        ChromeDriver chromium = (ChromeDriver) browser;
        chromium.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chromium.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.get("about:blank");
    }

    private static WebDriver startChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1024");
        ChromeDriver chromium = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                        .build(),
                options);
        // axe-core (the copy in axe-core-maven-html, as its AxeBuilder would inject) in every page as it opens:
        // AxeBuilder sent its 550 kB to the page again for every check, which cost about half a second each time
        chromium.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", AXE_SOURCE));
        return chromium;
    }

    /**
     * Checks the page with axe-core against WCAG 2.1 AA, and keeps a screenshot in target/screenshots to look at
     * (when asked for). axe is already in the page ({@link #startChromium()}); only the violations come back, as
     * "rule: help [elements]".
     */
    protected void assertAccessible() {
        keepScreenshot(browser.getTitle().replaceAll("[^A-Za-z0-9]+", "-"));
        // axe gives the same answer for the same document at the same size: a page the tests of this JVM already
        // found clean is not checked again (the CSRF token, random per session, does not count). The page hashes
        // itself: sending a long page to the test took as long as checking a short one
        String page = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const text = innerWidth + 'x' + innerHeight + document.documentElement.outerHTML
                    .replace(/(content|value)="[A-Za-z0-9_-]{40,}"/g, '');
                crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
                    .then(hash => done(btoa(String.fromCharCode(...new Uint8Array(hash)))));
                """);
        if (CLEAN_PAGES.contains(page)) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                   resultTypes: ['violations']})
                    .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' '
                                                        + JSON.stringify(v.nodes.map(n => n.target)))),
                          e => done(['axe failed: ' + e]));
                """);
        assertThat(violations).as(violations::toString).isEmpty();
        CLEAN_PAGES.add(page);
    }

    private static String axeSource() {
        try (InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for an element the next page brings: a click that submits a form returns before the page is there. */
    protected WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    protected void waitForHeading(String heading) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
    }

    /**
     * Puts text at the end of a field as pasting does, with the input event a page listens for. Key by key, as
     * {@link WebElement#sendKeys} types, costs Chromium about 4 ms a character: seconds per test class. Typing
     * itself is tested where it matters (a wrong password, a month typed wrongly).
     */
    protected static void type(WebElement field, String text) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "const f = arguments[0]; f.focus();"
                                + " try { f.setSelectionRange(f.value.length, f.value.length); } catch (e) {}",
                        field);
        ((ChromeDriver) browser).executeCdpCommand("Input.insertText", Map.of("text", text));
    }

    /** Logs in through the login page, after logging out whoever was logged in. */
    protected void logIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        type(browser.findElement(By.id("username")), username);
        type(browser.findElement(By.id("password")), "demo-wachtwoord");
        browser.findElement(By.cssSelector("main form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Keeps a screenshot of the whole page, however long, in target/screenshots to look at (when asked for). */
    protected void screenshotWholePage(String name) throws Exception {
        screenshotWholePage(name, 1280);
    }

    /**
     * The same at a given width, as a phone (390) or laptop (1280) shows it: the viewport is emulated, as
     * a desktop window cannot be made as narrow as a phone. The viewport is put back to 1280 after.
     */
    protected void screenshotWholePage(String name, int width) throws Exception {
        if (!SCREENSHOTS) {
            return;
        }
        setViewport(width, 900);
        Number height =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        setViewport(width, Math.min(12000, height.intValue()));
        Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png"), screenshot());
        setViewport(1280, 1024);
    }

    /** Keeps what the browser shows now as target/screenshots/{name}.png, when screenshots are asked for. */
    protected static void keepScreenshot(String name) {
        if (!SCREENSHOTS) {
            return;
        }
        try {
            Files.write(
                    Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png"), screenshot());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The viewport as PNG, compressed for speed rather than size: a whole page is up to 12,000 px high, and a
     * whole-page screenshot took half a second with the usual compression.
     */
    protected static byte[] screenshot() {
        Map<String, Object> png = ((ChromeDriver) browser)
                .executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "optimizeForSpeed", true));
        return Base64.getDecoder().decode((String) png.get("data"));
    }

    /** Makes the page as wide and high as a device of that size shows it (a phone below 500 px, too). */
    protected void setViewport(int width, int height) {
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    protected void waitForText(By locator, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Sets a date field as a date picker does: its typed format follows the browser's locale. */
    protected void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), isoDate);
    }
}
