package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.regiomonitor.BrowserSession;

/**
 * The published pages in real headless Chromium, as a visitor and the national user read them: the start page and
 * footer pages, the Instroommonitor, a region's figures and the regioperspectieven; 0 WCAG 2.1 AA violations by axe-core.
 */
class PublishedPagesBrowserTest extends BrowserSession {

    @Test
    void startPageListsThe31RegionsAndIsAccessible() {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Regiomonitor Wlz-ggz");
        assertThat(browser.findElements(By.cssSelector("#regions tbody tr"))).hasSize(31);
        assertThat(browser.findElement(By.cssSelector("#regions")).getText())
                .contains("ZK10")
                .contains("Haaglanden");
        assertAccessible();
    }

    @Test
    void theFourBasicsPagesAreReachedFromTheFooterWithoutLoggingIn() {
        browser.manage().deleteAllCookies();
        String[][] pages = {
            {"Toelichting op de cijfers", "Toelichting op de cijfers"},
            {"Toegankelijkheid", "Toegankelijkheidsverklaring"},
            {"Privacy", "Privacyverklaring"},
            {"Contact", "Contact"}
        };
        for (String[] page : pages) {
            browser.get("http://localhost:" + port + "/");
            // the API left the main menu for the footer
            assertThat(browser.findElements(By.cssSelector("nav[aria-label=Hoofdmenu] a")))
                    .extracting(WebElement::getText)
                    .doesNotContain("API");
            assertThat(browser.findElement(By.cssSelector(".site-footer")).findElement(By.linkText("API")))
                    .isNotNull();
            browser.findElement(By.cssSelector(".site-footer"))
                    .findElement(By.linkText(page[0]))
                    .click();
            waitForHeading(page[1]);
            String text = browser.findElement(By.tagName("main")).getText();
            switch (page[1]) {
                case "Toelichting op de cijfers" -> {
                    assertThat(text)
                            .contains("<5")
                            .contains("1 tot 4")
                            .contains("drempel van 5 cliënten")
                            .contains("Garwood")
                            .contains("Laney")
                            .contains("Anhøj")
                            .contains("CBS");
                    assertThat(browser.findElement(By.id("instroom")).getText()).isEqualTo("Instroom");
                    assertThat(
                                    browser.findElements(
                                            By.cssSelector(
                                                    "#prevalentie, #verzilvering, #kosten, #wachtlijst, #stromen, #doorstroom, #stand")))
                            .hasSize(7);
                }
                case "Toegankelijkheidsverklaring" ->
                    assertThat(text).contains("WCAG 2.1").contains("axe-core").contains("info@regiomonitor.example");
                case "Privacyverklaring" ->
                    assertThat(text)
                            .contains("gepseudonimiseerd")
                            .contains("bcrypt")
                            .contains("audittrail")
                            .contains("info@regiomonitor.example");
                default ->
                    assertThat(browser.findElement(By.cssSelector(".contact-email"))
                                    .getText())
                            .isEqualTo("info@regiomonitor.example");
            }
            assertThat(browser.findElement(By.cssSelector(".site-footer")).getText())
                    .contains("Programmabureau Wlz-ggz (demo)");
            assertAccessible();
        }
    }

    @Test
    void instroommonitorShowsChartAndVerdictForTheCountryAndASmallRegion() {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/instroom");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Instroommonitor Nederland");
        assertThat(browser.findElement(By.cssSelector(".verdict")).getText()).startsWith("De instroom");
        assertThat(browser.findElement(By.cssSelector("figure svg[role=img]")).isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.cssSelector("figure svg")).getText()).contains("doel 100 per maand");
        assertAccessible();

        new Select(browser.findElement(By.id("region"))).selectByValue("ZK28");
        browser.findElement(By.cssSelector("form.filter button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("region=ZK28"));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .startsWith("Instroommonitor ")
                .doesNotContain("Nederland");
        // a small region: a verdict, or the sentence that too many of its months are small for one
        assertThat(browser.findElement(By.cssSelector(".verdict")).getText())
                .matches("(?s)(De instroom|Te veel maanden met kleine aantallen).*");
        assertThat(browser.findElements(By.cssSelector("#tabel-profiel tbody tr")))
                .hasSizeGreaterThanOrEqualTo(12);
        assertThat(browser.findElement(By.id("tabel-profiel")).getText()).contains("<5");
        assertAccessible();

        // the trend is offered for fixed periods only: the whole series and every calendar year
        new Select(browser.findElement(By.id("window"))).selectByIndex(1);
        browser.findElement(By.cssSelector("form.filter button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("window="));
        assertThat(browser.findElement(By.cssSelector(".data-until")).getText()).startsWith("Cijfers t/m ");
        assertThat(browser.findElement(By.cssSelector(".verdict")).getText()).isNotBlank();
        assertAccessible();
    }

    @Test
    void aRegionsFiguresPageIsReachedFromTheStartPage() {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.linkText("Haaglanden")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/regions/ZK10"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cijfers Haaglanden (ZK10)");
        assertThat(browser.findElement(By.id("tabel-stand")).getText())
                .contains("GGZ-W")
                .contains("GGZ03W")
                .contains("%");
        assertThat(browser.findElement(By.id("tabel-kosten")).getText()).contains("€");
        assertThat(browser.findElement(By.id("tabel-stromen")).getText()).contains("Verhuisd naar de regio");
        assertAccessible();
    }

    @Test
    void theNationalUserOpensTheUnprotectedViewFromThePublishedPageAndReadsARegioperspectief() {
        logIn("landelijk");
        browser.get("http://localhost:" + port + "/instroom?region=ZK28");
        browser.findElement(By.linkText("Onbeschermde cijfers bekijken (niet voor publicatie)"))
                .click();
        assertThat(waitFor(By.cssSelector(".not-for-publication")).getText()).startsWith("Niet voor publicatie.");
        assertThat(browser.getCurrentUrl()).contains("/intern/instroom");
        assertThat(browser.findElement(By.id("tabel-profiel")).getText()).doesNotContain("<5");
        assertAccessible();

        browser.get("http://localhost:" + port + "/regions/ZK28");
        browser.findElement(By.linkText("Onbeschermde cijfers bekijken (niet voor publicatie)"))
                .click();
        assertThat(waitFor(By.cssSelector(".not-for-publication")).getText()).startsWith("Niet voor publicatie.");
        assertAccessible();

        browser.get("http://localhost:" + port + "/regions/ZK28/regioperspectief/2024/concept");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Zuid-Holland Noord 2024");
        assertThat(browser.findElements(By.cssSelector(".report-chart svg[role=img]")))
                .hasSize(9);
        assertAccessible();
        browser.findElement(By.cssSelector(".account button")).click();
        waitFor(By.cssSelector("main [role=status]"));
    }

    @Test
    void aVisitorReachesAPublishedRegioperspectiefFromTheStartPageInTwoClicks() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.linkText("Regioperspectieven")).click();
        waitForHeading("Regioperspectieven 2024");
        assertThat(browser.findElements(By.cssSelector("#regioperspectieven tbody tr")))
                .hasSize(31);
        assertThat(browser.findElement(By.id("regio-ZK10")).getText())
                .contains("Haaglanden")
                .contains("Lezen")
                .contains("PDF");
        assertThat(browser.findElement(By.id("regio-ZK02")).getText())
                .contains("nog niet gepubliceerd")
                .doesNotContain("Schrijven");
        assertAccessible();
        screenshotWholePage("regioperspectieven");
        browser.findElement(By.linkText("Haaglanden")).click();
        waitForHeading("Haaglanden 2024");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Gepubliceerd op");
        assertAccessible();
    }
}
