package nl.regiomonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.BrowserSession;

/** A plan's versions compared in a real browser: one paragraph edited in the form is the one change shown. */
class PlanComparisonBrowserTest extends BrowserSession {

    @Autowired
    PlanService plans;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oneParagraphEditedInTheFormIsTheOneChangeShownWithItsWordsMarked() throws Exception {
        String title = "Kopie van het gezamenlijke plan voor de browsertest van de vergelijking";
        long id = PlanPagesTest.submittedCopyOfTheJointPlan(plans, jdbc, title);
        // progress after submitting, as the partners report it: following the plan, not changing it
        ActionPlan submitted = plans.load(id, LocalDate.now());
        SystemActor.asCareOffice(
                Set.of("ZK10"),
                () -> plans.reportProgress(
                        id, submitted.actions().get(0).id(), ActionStatus.DONE, "Visie vastgesteld."));
        String plan = "http://localhost:" + port + "/plannen/" + id;

        logIn("gemeente.haaglanden");
        browser.get(plan + "/bewerken");
        waitForHeading("Plan bewerken: " + title);
        assertThat(browser.findElement(By.id("nieuwe-versie")).getText()).contains("wordt uw wijziging versie 2");
        // the unit beside the target value follows the figure chosen, before saving too
        WebElement unit = browser.findElement(By.id("objectives-0-targetValue-unit"));
        assertThat(unit.getText()).isEqualTo("in nieuwe cliënten GGZ-W per maand");
        Select figure = new Select(browser.findElement(By.id("objectives-0-figure")));
        figure.selectByValue("YOUNG_ADULT_SHARE");
        assertThat(unit.getText()).isEqualTo("in % van de instroom GGZ-W");
        figure.selectByValue("INFLUX_GGZ_W");
        assertThat(browser.findElement(By.id("objectives-0-targetValue")).getDomAttribute("aria-describedby"))
                .isEqualTo("objectives-0-targetValue-unit");
        assertAccessible();
        // one word in the middle of a long text, as a person edits it; the browser sends every text back with CRLF
        WebElement background = browser.findElement(By.id("sections-BACKGROUND"));
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = arguments[0].value.replace('soms te klein', 'vaak te klein')",
                        background);
        browser.findElement(By.id("save")).click();
        waitForText(By.cssSelector("main [role=status]"), "opgeslagen als versie 2");

        // version 2 is a draft: submitted again, as the page asks
        browser.get(plan);
        waitForHeading(title);
        browser.findElement(By.xpath("//button[text()='Indienen']")).click();
        waitForText(By.cssSelector("main [role=status]"), "Versie 2 van het plan is ingediend");
        browser.findElement(By.linkText("Versie 1 en 2 vergelijken")).click();
        waitForHeading("Versie 1 en 2 vergelijken");

        assertThat(browser.findElement(By.id("changes")).getText()).startsWith("1 onderdeel is veranderd");
        assertThat(browser.findElements(By.cssSelector(".flag-changed")))
                .extracting(WebElement::getText)
                .containsExactly("Gewijzigd");
        assertThat(browser.findElement(By.cssSelector(".compare-part h2")).getText())
                .isEqualTo("B. Achtergrond en probleemstelling");
        // what a screen reader reads: the change said in words before the word
        assertThat(browser.findElements(By.cssSelector(".compare-text ins")))
                .extracting(e -> e.getDomProperty("textContent"))
                .containsExactly("toegevoegd: vaak");
        assertThat(browser.findElements(By.cssSelector(".compare-text del")))
                .extracting(e -> e.getDomProperty("textContent"))
                .containsExactly("verwijderd: soms");
        assertThat(browser.findElement(By.id("voortgang-niet-vergeleken")).getText())
                .contains("voortgang wordt bij de acties gevolgd, niet als wijziging van het plan");
        assertThat(horizontalOverflow()).as("horizontal scroll at 1280 px").isLessThanOrEqualTo(0);
        assertAccessible();
        screenshotWholePage("plan-versies-1280");

        // the demo draft of Haaglanden: its objective's target with its unit, and what "op koers" is measured on
        long demo = jdbc.queryForObject(
                "select id from action_plan where title = 'Plan van aanpak instroom Wlz-ggz-W Haaglanden'", Long.class);
        browser.get("http://localhost:" + port + "/plannen/" + demo);
        waitForHeading("Plan van aanpak instroom Wlz-ggz-W Haaglanden");
        String objective = browser.findElement(By.id("doel-1")).getText();
        assertThat(objective)
                .contains("Streefwaarde: 8% van de instroom GGZ-W")
                .contains("Dit doel is op koers als het aantal 18–26-jarigen");
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("doel-1")));
        keepScreenshot("plan-doelstelling-eenheid");
        browser.navigate().back();
        waitForHeading("Versie 1 en 2 vergelijken");

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            assertThat(horizontalOverflow()).as("horizontal scroll at 390 px").isLessThanOrEqualTo(0);
            assertAccessible();
            screenshotWholePage("plan-versies-390", 390);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1024));
        }
    }

    /** How many pixels the page is wider than the window: more than 0 means a horizontal scroll bar. */
    private long horizontalOverflow() {
        return ((Number) ((JavascriptExecutor) browser)
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .longValue();
    }
}
