package nl.regiomonitor.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import nl.regiomonitor.BrowserSession;

/** The start page per role in real Chromium: what each one finds first, accessible, and without sideways scrolling on a phone. */
class HomePageBrowserTest extends BrowserSession {

    @AfterEach
    void visitorAgain() {
        browser.manage().window().setSize(new Dimension(1280, 1024));
        browser.manage().deleteAllCookies();
    }

    @Test
    void aVisitorSeesTheNationalInfluxAgainstTheAimAndTheWaysIn() throws Exception {
        browser.manage().deleteAllCookies();
        open();
        WebElement national = browser.findElement(By.cssSelector(".home-national"));
        assertThat(national.findElement(By.tagName("h2")).getText()).isEqualTo("Instroom in Nederland");
        assertThat(national.findElement(By.cssSelector(".home-figure-aim")).getText())
                .contains("100")
                .contains("landelijk doel");
        assertThat(national.findElement(By.cssSelector(".verdict-badge")).getText())
                .isIn("Dalend", "Stijgend", "Stabiel", "Geen signaal", "Geen oordeel");
        assertThat(browser.findElement(By.cssSelector(".publication-line")).getText())
                .startsWith("cijfers t/m ");
        assertThat(national.findElements(By.cssSelector(".home-ways a")))
                .extracting(a -> a.getAttribute("href"))
                .anySatisfy(h -> assertThat(h).endsWith("/instroom"))
                .anySatisfy(h -> assertThat(h).endsWith("/regioperspectief"))
                .anySatisfy(h -> assertThat(h).endsWith("#regio-kop"));
        assertThat(browser.findElements(By.cssSelector("#regions tbody tr"))).hasSize(31);
        assertThat(browser.findElement(By.tagName("main")).getText())
                .doesNotContain("Mijn regio")
                .doesNotContain("Laatste imports");
        lookAt("start-bezoeker");
    }

    @Test
    void theCareOfficeSeesItsRegionPlanWhatFallsDueAndItsImports() throws Exception {
        logIn("zorgkantoor.haaglanden");
        open();
        WebElement region = browser.findElement(By.id("regio-ZK10"));
        assertThat(region.findElement(By.tagName("h2")).getText()).isEqualTo("Mijn regio: Haaglanden");
        assertThat(region.findElement(By.linkText("Instroom van Haaglanden in de Instroommonitor"))
                        .getAttribute("href"))
                .endsWith("/instroom?region=ZK10");
        assertThat(region.findElement(By.cssSelector(".verdict-badge")).getText())
                .isNotBlank();
        // the demo plan of Haaglanden is a draft after the programme's deadline (31-12-2023)
        assertThat(region.findElement(By.linkText("Plan van aanpak instroom Wlz-ggz-W Haaglanden")))
                .isNotNull();
        assertThat(region.findElements(By.cssSelector(".home-status")))
                .extracting(WebElement::getText)
                .anySatisfy(status -> assertThat(status).startsWith("Concept, te laat"));
        List<WebElement> due = region.findElements(By.cssSelector("#due-ZK10 tbody tr"));
        assertThat(due).isNotEmpty();
        assertThat(due.get(0).getText()).contains("Over tijd").containsPattern("\\d{2}-\\d{2}-\\d{4}");
        assertThat(due)
                .extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).contains("Actie").doesNotContain("Niet vastgelegd"));
        assertThat(region.findElement(By.linkText("Signaleringsregister")).getAttribute("href"))
                .endsWith("/regions/ZK10/register");
        assertThat(region.findElement(By.linkText("Cijfers van Haaglanden")).getAttribute("href"))
                .endsWith("/regions/ZK10");
        assertThat(region.findElement(By.id("import-kop-ZK10")).getText()).isEqualTo("Imports van Haaglanden");
        assertThat(region.findElement(By.linkText("Alle imports van Haaglanden"))
                        .getAttribute("href"))
                .endsWith("/imports?region=ZK10");
        // the menu names the region, and says where the user is when there
        assertThat(browser.findElement(By.cssSelector("nav[aria-label=Hoofdmenu]"))
                        .getText())
                .contains("Mijn regio: Haaglanden")
                .contains("Beheer Haaglanden")
                .doesNotContain("ZK10");
        lookAt("start-zorgkantoor");
        browser.findElement(By.cssSelector("nav[aria-label=Hoofdmenu]"))
                .findElement(By.linkText("Mijn regio: Haaglanden"))
                .click();
        waitForHeading("Cijfers Haaglanden (ZK10)");
        assertThat(browser.findElement(By.cssSelector("nav[aria-label=Hoofdmenu] a[aria-current=page]"))
                        .getText())
                .isEqualTo("Mijn regio: Haaglanden");
    }

    @Test
    void theMunicipalityTheProviderAndTheClientRepresentativeSeeTheirRegionsPlansButNoImports() throws Exception {
        for (String user : List.of("gemeente.haaglanden", "aanbieder.haaglanden", "client.haaglanden")) {
            logIn(user);
            open();
            WebElement region = browser.findElement(By.id("regio-ZK10"));
            assertThat(region.findElement(By.tagName("h2")).getText()).isEqualTo("Mijn regio: Haaglanden");
            // other tests may add submitted plans for ZK10; the demo draft is always there
            assertThat(region.findElements(By.cssSelector(".home-status")))
                    .extracting(WebElement::getText)
                    .anySatisfy(status -> assertThat(status).startsWith("Concept, te laat"));
            assertThat(region.findElements(By.cssSelector("#due-ZK10 tbody tr")))
                    .isNotEmpty();
            assertThat(region.findElement(By.linkText("Signaleringsregister"))).isNotNull();
            assertThat(region.findElements(By.id("import-kop-ZK10"))).isEmpty();
            assertThat(region.getText()).doesNotContain("importeren");
            assertThat(browser.findElement(By.cssSelector("nav[aria-label=Hoofdmenu]"))
                            .getText())
                    .doesNotContain("Beheer Haaglanden");
            lookAt("start-" + user.substring(0, user.indexOf('.')));
        }
    }

    @Test
    void theNationalProgrammeSeesEveryRegionsPlanOverdueItemsAndVerdict() throws Exception {
        logIn("landelijk");
        open();
        List<WebElement> rows = browser.findElements(By.cssSelector("#national tbody tr"));
        assertThat(rows).hasSize(31);
        assertThat(rows)
                .extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).contains("Geen plan"));
        WebElement haaglanden = browser.findElement(By.xpath("//table[@id='national']//tr[th/a[text()='Haaglanden']]"));
        assertThat(haaglanden.getText()).contains("Concept, te laat").contains("ZK10");
        assertThat(haaglanden.findElement(By.cssSelector(".flag-overdue")).getText())
                .matches("⚠ [1-9]\\d*");
        assertThat(haaglanden.findElement(By.cssSelector("a.verdict-badge")).getAttribute("href"))
                .endsWith("/instroom?region=ZK10");
        WebElement amstelland = browser.findElement(
                By.xpath("//table[@id='national']//tr[th/a[text()='Amstelland en De Meerlanden']]"));
        assertThat(amstelland.getText()).contains("Ingediend");
        assertThat(browser.findElements(By.id("regions"))).isEmpty();
        lookAt("start-landelijk");
    }

    @Test
    void theAdministratorSeesImportsUsersAndPublicationVersions() throws Exception {
        logIn("beheerder");
        open();
        WebElement admin = browser.findElement(By.cssSelector("section[aria-labelledby=beheer-kop]"));
        assertThat(admin.findElements(By.cssSelector(".import-history tbody tr")))
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(5);
        assertThat(admin.getText()).containsPattern("\\d+ gebruikers");
        assertThat(admin.findElement(By.linkText("Gebruikers beheren")).getAttribute("href"))
                .endsWith("/admin/users");
        assertThat(admin.findElement(By.linkText("Audittrail bekijken")).getAttribute("href"))
                .endsWith("/admin/audit");
        List<WebElement> publications = admin.findElements(By.cssSelector("#publications tbody tr"));
        assertThat(publications).isNotEmpty();
        assertThat(publications.get(0).getText()).contains("Gepubliceerd").containsPattern("\\d{2}-\\d{2}-\\d{4}");
        assertThat(browser.findElement(By.cssSelector("#regions thead")).getText())
                .contains("Cliënten")
                .contains("Zorgtoewijzingen");
        lookAt("start-beheerder");
    }

    private void open() {
        browser.get("http://localhost:" + port + "/");
        waitForHeading("Regiomonitor Wlz-ggz");
    }

    /** Accessible, and no sideways scrolling at 1280 px or on a 390 px phone; screenshots of both to look at. */
    private void lookAt(String name) throws Exception {
        assertAccessible();
        screenshotWholePage(name + "-1280");
        assertNoSidewaysScroll();
        browser.manage().window().setSize(new Dimension(390, 844));
        assertNoSidewaysScroll();
        keepScreenshot(name + "-390");
        if (SCREENSHOTS) {
            Number height = (Number)
                    ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(390, Math.min(12000, height.intValue() + 150)));
            keepScreenshot(name + "-390-hele-pagina");
        }
        browser.manage().window().setSize(new Dimension(1280, 1024));
    }

    private void assertNoSidewaysScroll() {
        Boolean fits = (Boolean) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
        assertThat(fits)
                .as("no sideways scrolling at "
                        + browser.manage().window().getSize().getWidth() + " px")
                .isTrue();
    }
}
