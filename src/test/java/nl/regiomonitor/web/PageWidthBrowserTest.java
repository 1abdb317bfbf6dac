package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import nl.regiomonitor.BrowserSession;

/**
 * Every page fits a laptop screen (1280 px) without scrolling sideways, for each kind of visitor, and the
 * register of a region fits a phone (390 px). A wide table scrolls in its own box, never the page. Which
 * pages scroll sideways on a phone is written to target/screenshots/breed-op-telefoon.txt; with
 * {@code -Dscreenshots}, each page is kept there as a whole-page screenshot at both widths too.
 */
class PageWidthBrowserTest extends BrowserSession {

    private static final int LAPTOP = 1280;
    private static final int PHONE = 390;

    /**
     * What makes the page wider than the window (the width is its argument): the outermost elements that stick
     * out and are not inside a box that scrolls or clips by itself.
     */
    private static final String WIDEST = """
            const limit = arguments[0];
            const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
            const over = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > limit + 1 && !clipped(e));
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)';
            const outer = over.filter(e => !over.includes(e.parentElement));
            // else text sticks out of a box that is itself narrow enough, such as one long word in a heading
            const text = [...document.body.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1
                && e.children.length === 0 && !clipped(e) && getComputedStyle(e).overflowX === 'visible');
            return (outer.length ? outer : text).slice(0, 4).map(name).join(', ');
            """;

    private final List<String> tooWide = new ArrayList<>();
    private final Map<String, String> wideOnPhone = new LinkedHashMap<>();

    @Test
    void everyPageFitsALaptopAndTheRegisterFitsAPhone() throws Exception {
        browser.manage().deleteAllCookies();
        for (String page : List.of(
                "/",
                "/instroom",
                "/instroom?region=ZK10&period=quarter",
                "/regions/ZK10",
                "/regioperspectief",
                "/regioperspectief/ZK10/2024",
                "/regioperspectief/ZK01/2024",
                "/toelichting",
                "/toegankelijkheid",
                "/privacy",
                "/contact",
                "/login",
                "/instroom?from=2024-13&to=2024-02",
                "/regions/ZK10?year=1850")) {
            check("anoniem", page);
        }

        logIn("zorgkantoor.haaglanden");
        for (String page : List.of(
                "/regions/ZK10/register",
                "/regions/ZK10/register/new",
                "/regions/ZK10/register/import",
                "/regions/ZK10/plannen",
                "/regions/ZK10/plannen/nieuw",
                "/plannen",
                "/regions/ZK10/admin",
                "/regions/ZK10/audit",
                "/imports?region=ZK10",
                "/account/api-sleutels",
                "/regions/ZK10/regioperspectief/2024",
                "/regions/ZK10/regioperspectief/2024/concept",
                "/intern/regions/ZK10",
                "/intern/instroom?region=ZK10")) {
            check("zorgkantoor.haaglanden", page);
        }
        browser.get(url("/regions/ZK10/register"));
        String entry = firstLink("table.stack a", ".*/register/\\d+$");
        if (entry != null) {
            check("zorgkantoor.haaglanden", entry);
        }
        assertThat(wideOnPhone)
                .as("the register of a region scrolls sideways on a phone")
                .doesNotContainKey("zorgkantoor.haaglanden /regions/ZK10/register");

        logIn("landelijk");
        check("landelijk", "/plannen");
        String plan = firstLink("a[href^='/plannen/']", "/plannen/\\d+$");
        for (String page : plan == null ? List.<String>of() : List.of(plan, plan + "/versies", plan + "/bewerken")) {
            check("landelijk", page);
        }
        for (String page :
                List.of("/regions/ZK01/plannen", "/intern/instroom", "/regioperspectief", "/regions/ZK01/register")) {
            check("landelijk", page);
        }

        logIn("beheerder");
        for (String page : List.of(
                "/admin/users", "/admin/audit", "/imports", "/regions/ZK10/admin", "/admin/audit?action=SUBMIT")) {
            check("beheerder", page);
        }
        browser.get(url("/admin/users"));
        String user = firstLink("a[href^='/admin/users/']", "/admin/users/\\d+$");
        if (user != null) {
            check("beheerder", user);
        }

        StringBuilder report = new StringBuilder("Pagina's die op een telefoon (390 px) zijwaarts scrollen:\n");
        wideOnPhone.forEach((page, culprit) ->
                report.append(page).append(": ").append(culprit).append('\n'));
        Files.writeString(
                Files.createDirectories(Path.of("target", "screenshots")).resolve("breed-op-telefoon.txt"), report);
        System.out.println(report);
        assertThat(tooWide).as("pages wider than a laptop screen of 1280 px").isEmpty();
    }

    /** Visits a page at both widths: too wide at 1280 is a failure, at 390 it is noted; a screenshot of each. */
    private void check(String who, String page) throws Exception {
        browser.get(url(page));
        assertThat(browser.findElements(By.tagName("h1")))
                .as(who + " " + page + " has a heading")
                .isNotEmpty();
        String culprit = overflow(LAPTOP);
        if (culprit != null) {
            tooWide.add(who + " " + page + ": " + culprit);
        }
        String phone = overflow(PHONE);
        if (phone != null) {
            wideOnPhone.put(who + " " + page, phone);
        }
        setViewport(LAPTOP, 1024); // once after both widths: every change of the viewport lays the page out anew
        String name = "breedte-" + (who + page).replaceAll("[^A-Za-z0-9]+", "-");
        screenshotWholePage(name + "-" + LAPTOP, LAPTOP);
        screenshotWholePage(name + "-" + PHONE, PHONE);
    }

    /** Null when the page fits the width, else what sticks out; the viewport stays at that width. */
    private String overflow(int width) {
        setViewport(width, 900);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Number scroll = (Number) js.executeScript("return document.documentElement.scrollWidth");
        // a phone widens its layout to what sticks out, so there the device's width is the measure, not innerWidth
        Number inner = (Number) js.executeScript("return window.innerWidth");
        int limit = width == PHONE ? width : inner.intValue();
        return scroll.intValue() <= limit
                ? null
                : scroll + " px breed, door: " + js.executeScript(WIDEST, Math.min(limit, width));
    }

    private String firstLink(String css, String pathPattern) {
        return browser.findElements(By.cssSelector(css)).stream()
                .map(a -> a.getAttribute("href"))
                .filter(h -> h != null)
                .map(h -> h.replaceFirst("^https?://[^/]+", "").replaceFirst(";jsessionid=[^?#]*", ""))
                .filter(h -> h.matches(pathPattern))
                .findFirst()
                .orElse(null);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
