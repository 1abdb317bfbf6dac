package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.regiomonitor.BrowserSession;

/**
 * What a region writes, in real headless Chromium: signals in its register, its regioperspectief up to publishing, and a
 * plan of action up to the national programme's review; 0 WCAG 2.1 AA violations by axe-core.
 */
class RegionalWorkBrowserTest extends BrowserSession {

    @Test
    void aCareOfficeWritesATaskPublishesAndEveryoneReadsIt() {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/regioperspectief/ZK10/2022");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Regioperspectief niet gevonden");
        assertAccessible();

        logIn("zorgkantoor.haaglanden");
        browser.get("http://localhost:" + port + "/regions/ZK10/register?year=2022");
        browser.findElement(By.linkText("Registratie toevoegen")).click();
        waitForHeading("Registratie toevoegen — Haaglanden");
        new Select(browser.findElement(By.id("kind"))).selectByValue("CLIENT_SIGNAL");
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = '2022-06-15'", browser.findElement(By.id("date")));
        new Select(browser.findElement(By.id("category"))).selectByValue("KWALITEIT_EN_ZORG");
        type(browser.findElement(By.id("description")), "Klantsignaal voor het regioperspectief");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".outcome[role=status]")).getText()).contains("is toegevoegd");

        browser.get("http://localhost:" + port + "/regions/ZK10/admin");
        browser.findElement(By.partialLinkText("schrijven en publiceren")).click();
        waitForHeading("Regioperspectief Haaglanden 2024");
        browser.get("http://localhost:" + port + "/regions/ZK10/regioperspectief/2022");
        waitForHeading("Regioperspectief Haaglanden 2022");
        assertAccessible();
        type(browser.findElement(By.id("opgave-nieuw-title")), "Passende woonplekken");
        type(browser.findElement(By.id("opgave-nieuw-body")), "Samen met de gemeenten zoeken we woonplekken.");
        browser.findElement(By.cssSelector("#teksten .save-bar button")).click();
        // the next page's status, not the one still on screen before it arrives
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("main [role=status]"), "Regionale opgave ‘Passende woonplekken’ toegevoegd"));
        browser.findElement(By.cssSelector("form[action$='/publish'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("main [role=status]"), "is gepubliceerd"));
        assertAccessible();

        browser.findElement(By.cssSelector(".account button")).click();
        waitFor(By.cssSelector("main [role=status]"));
        browser.get("http://localhost:" + port + "/regioperspectief/ZK10/2022");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Haaglanden 2022");
        assertThat(browser.findElement(By.id("opgaven-kop")).getText()).isEqualTo("4.2 Regionale opgaven");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Passende woonplekken")
                .contains("Samen met de gemeenten zoeken we woonplekken.");
        // the signal the care office registered is counted in the published report
        assertThat(browser.findElement(By.id("tabel-signalen")).getText()).contains("Kwaliteit en zorg 1 0");
        assertAccessible();

        logIn("zorgkantoor.amstelland");
        browser.get("http://localhost:" + port + "/regions/ZK10/regioperspectief/2022");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Geen toegang");
        browser.findElement(By.cssSelector(".account button")).click();
        waitFor(By.cssSelector("main [role=status]"));
    }

    @Test
    void aCareOfficeWritesTwoChaptersSavesOnceAndFindsBothAfterAReload() throws Exception {
        logIn("zorgkantoor.haaglanden");
        String editor = "http://localhost:" + port + "/regions/ZK10/regioperspectief/2024";
        browser.get(editor);
        waitForHeading("Regioperspectief Haaglanden 2024");
        assertThat(browser.findElement(By.id("tekst-introduction-body")).getAttribute("aria-describedby"))
                .isEqualTo("tekst-introduction-hint markup-hint");
        assertThat(browser.findElements(By.id("opgave-nieuw-title"))).hasSize(1);
        assertAccessible();

        WebElement introduction = browser.findElement(By.id("tekst-introduction-body"));
        WebElement lookBack = browser.findElement(By.id("tekst-look-back-body"));
        introduction.clear();
        type(introduction, "Inleiding uit de browsertest.");
        lookBack.clear();
        type(lookBack, "Terugblik uit de browsertest.");
        // a new task without a title: refused, and everything typed comes back with a summary that links to the field
        type(browser.findElement(By.id("opgave-nieuw-body")), "Opgave zonder titel");
        browser.findElement(By.cssSelector("#teksten .save-bar button")).click();
        WebElement summary = waitFor(By.cssSelector(".problem[role=alert]"));
        assertThat(summary.getText()).contains("Geef de regionale opgave een titel.");
        assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#opgave-nieuw-title");
        assertThat(browser.findElement(By.id("tekst-introduction-body")).getAttribute("value"))
                .isEqualTo("Inleiding uit de browsertest.");
        assertThat(browser.findElement(By.id("tekst-look-back-body")).getAttribute("value"))
                .isEqualTo("Terugblik uit de browsertest.");
        assertThat(browser.findElement(By.id("opgave-nieuw-title")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertAccessible();

        browser.findElement(By.id("opgave-nieuw-body")).clear();
        browser.findElement(By.cssSelector("#teksten .save-bar button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("main [role=status]"), "Opgeslagen: Inleiding"));
        assertThat(browser.findElement(By.cssSelector("main [role=status]")).getText())
                .contains("Terugblik");
        browser.navigate().refresh();
        waitForHeading("Regioperspectief Haaglanden 2024");
        assertThat(browser.findElement(By.id("tekst-introduction-body")).getAttribute("value"))
                .isEqualTo("Inleiding uit de browsertest.");
        assertThat(browser.findElement(By.id("tekst-look-back-body")).getAttribute("value"))
                .isEqualTo("Terugblik uit de browsertest.");
        assertAccessible();
        screenshotWholePage("regioperspectief-editor");
        // the list offers the care office its own editor, and only its own
        browser.get("http://localhost:" + port + "/regioperspectief?year=2024");
        assertThat(browser.findElement(By.id("regio-ZK10")).getText()).contains("Bewerken");
        assertThat(browser.findElement(By.id("regio-ZK02")).getText()).doesNotContain("Schrijven");
        browser.manage().deleteAllCookies(); // the other tests start as a visitor who is not logged in
    }

    @Test
    void careOfficeAddsASignalThroughTheRegisterForm() throws Exception {
        logIn("zorgkantoor.haaglanden");
        browser.get("http://localhost:" + port + "/regions/ZK10/register?year=2024");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Register Haaglanden (ZK10) 2024");
        assertThat(browser.findElement(By.id("signals-per-category")).getText()).contains("Passende woonplek");
        assertAccessible();

        browser.findElement(By.linkText("Registratie toevoegen")).click();
        waitForHeading("Registratie toevoegen — Haaglanden");
        assertAccessible();
        new Select(browser.findElement(By.id("kind"))).selectByValue("OCO_SIGNAL");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".problem[role=alert]")).getText())
                .contains("Vul de datum in.")
                .contains("Kies de categorie van het signaal.");
        assertThat(browser.findElement(By.id("date")).getAttribute("aria-describedby"))
                .isEqualTo("date-hint date-error");
        assertAccessible();

        // a date field's typed format follows the browser's locale; setting its value is what a date picker does
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = '2024-11-05'", browser.findElement(By.id("date")));
        new Select(browser.findElement(By.id("category"))).selectByValue("KWALITEIT_EN_ZORG");
        type(browser.findElement(By.id("description")), "Signaal uit de browsertest");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".outcome[role=status]")).getText())
                .contains("OCO-signaal van 05-11-2024 is toegevoegd.");
        assertThat(browser.findElement(By.id("OCO_SIGNAL")).getText()).startsWith("OCO-signalen (3)");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Signaal uit de browsertest");
        assertAccessible();

        List<WebElement> edits = browser.findElements(By.cssSelector("section[aria-labelledby=OCO_SIGNAL] td a"));
        edits.get(edits.size() - 1).click();
        waitForHeading("Registratie wijzigen — Haaglanden");
        assertThat(browser.findElement(By.id("description")).getAttribute("value"))
                .isEqualTo("Signaal uit de browsertest");
        assertAccessible();
        browser.get("http://localhost:" + port + "/regions/ZK10/register/import");
        assertAccessible();
        Path file = folder.resolve("register-browser.csv");
        Files.writeString(
                file,
                "kind;date;category;name;location_kind;description\n"
                        + "REGIONAL_MEETING;2024-12-02;;Bijeenkomst uit de browsertest;;\n");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".outcome[role=status]")).getText())
                .contains("1 registratie uit register-browser.csv is toegevoegd.");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Bijeenkomst uit de browsertest");
        browser.manage().deleteAllCookies(); // the other tests start as a visitor who is not logged in
    }

    @Test
    void aMunicipalityWritesAndSubmitsAPlanAndTheNationalProgrammeReturnsIt() throws Exception {
        String title = "Plan van aanpak Haaglanden browsertest";
        logIn("gemeente.haaglanden");
        browser.findElement(By.linkText("Plannen van aanpak")).click();
        waitForHeading("Plannen van aanpak");
        assertAccessible();
        browser.get("http://localhost:" + port + "/regions/ZK10/plannen");
        waitForHeading("Plannen van aanpak Haaglanden (ZK10)");
        assertAccessible();
        browser.findElement(By.linkText("Nieuw plan")).click();
        waitForHeading("Nieuw plan van aanpak");
        assertThat(browser.findElement(By.id("region-ZK10")).isSelected()).isTrue();
        assertAccessible();
        type(browser.findElement(By.id("title")), title);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForHeading("Plan bewerken: " + title);
        String edit = browser.getCurrentUrl().replaceAll("#.*", "");
        String planUrl = edit.replace("/bewerken", "");

        // rows are added by the server, so the form works without JavaScript; what was typed stays
        browser.findElement(By.cssSelector("button[name=add][value=objectives]"))
                .click();
        type(
                waitFor(By.id("objectives-0-description")),
                "De maandelijkse instroom GGZ-W van Haaglanden daalt in 2025.");
        new Select(browser.findElement(By.id("objectives-0-figure"))).selectByValue("INFLUX_GGZ_W");
        new Select(browser.findElement(By.id("objectives-0-direction"))).selectByValue("DOWN");
        setDate("objectives-0-targetDate", "2025-12-31");
        browser.findElement(By.cssSelector("button[name=add][value=actions]")).click();
        type(waitFor(By.id("actions-0-paragraph")), "5b. Toegang/bemiddeling/coördinatie");
        assertThat(browser.findElement(By.id("objectives-0-description")).getAttribute("value"))
                .startsWith("De maandelijkse instroom");
        type(browser.findElement(By.id("actions-0-description")), "Casustafel voor jongvolwassenen inrichten");
        new Select(browser.findElement(By.id("actions-0-owner"))).selectByVisibleText("Gemeente Den Haag");
        type(browser.findElement(By.id("actions-0-ownerRole")), "coördinator gemeenten");
        type(browser.findElement(By.id("actions-0-timeline")), "Eind Q2 2025");
        browser.findElement(By.cssSelector("button[name=add][value=actions]")).click();
        type(waitFor(By.id("actions-1-paragraph")), "6. Monitoring");
        type(browser.findElement(By.id("actions-1-description")), "Instroom elk kwartaal bespreken");
        new Select(browser.findElement(By.id("actions-1-owner"))).selectByVisibleText("Zorgkantoor Haaglanden");
        type(browser.findElement(By.id("actions-1-timeline")), "Continu");
        browser.findElement(By.cssSelector("button[name=add][value=milestones]"))
                .click();
        type(waitFor(By.id("milestones-0-activity")), "Casustafel");
        type(browser.findElement(By.id("milestones-0-milestone")), "Eerste casustafel gehouden");
        setDate("milestones-0-dueDate", "2025-06-30");
        assertAccessible();
        browser.findElement(By.id("save")).click();
        waitForText(By.cssSelector("main [role=status]"), "Het plan is opgeslagen.");
        assertThat(browser.findElement(By.id("actions-1-owner")).getAttribute("value"))
                .isEqualTo("Zorgkantoor Haaglanden");

        browser.get(planUrl);
        waitForHeading(title);
        browser.findElement(By.xpath("//button[text()='Indienen']")).click();
        waitForText(By.cssSelector(".problem[role=alert]"), "niet compleet");
        String problems =
                browser.findElement(By.cssSelector(".problem[role=alert]")).getText();
        assertThat(problems)
                .contains("Vul het onderdeel 'Achtergrond en probleemstelling' in (deel B).")
                .contains("Vul het onderdeel 'Ervaringen uit de regio' in (deel C).");
        assertThat(browser.findElement(By.id("plan-status")).getText()).contains("Concept");
        assertAccessible();
        browser.findElement(By.linkText("Vul het onderdeel 'Achtergrond en probleemstelling' in (deel B)."))
                .click();
        waitForHeading("Plan bewerken: " + title);
        assertThat(browser.getCurrentUrl()).endsWith("/bewerken?controleren=1#sections-BACKGROUND");
        // what is missing is said again beside the field the link leads to
        assertThat(browser.findElement(By.id("sections-BACKGROUND-error")).getText())
                .contains("Vul het onderdeel 'Achtergrond en probleemstelling' in (deel B).");
        assertThat(browser.findElement(By.id("sections-BACKGROUND")).getAttribute("aria-describedby"))
                .contains("sections-BACKGROUND-error");
        assertAccessible();
        for (String section : List.of(
                "MUNICIPALITIES",
                "PARTIES",
                "BACKGROUND",
                "CURRENT_SITUATION",
                "TARGET_GROUP",
                "PRECONDITIONS",
                "PROJECT_STRUCTURE",
                "MONITORING",
                "EXPERIENCES")) {
            type(
                    browser.findElement(By.id("sections-" + section)),
                    "Tekst voor " + section.toLowerCase() + " uit de browsertest.");
        }
        assertThat(browser.findElement(By.id("sections-BACKGROUND")).getAttribute("aria-describedby"))
                .contains("sections-BACKGROUND-guidance");
        browser.findElement(By.id("save")).click();
        waitForText(By.cssSelector("main [role=status]"), "Het plan is opgeslagen.");
        screenshotWholePage("plan-bewerken");
        browser.get(planUrl);
        waitForHeading(title);
        browser.findElement(By.xpath("//button[text()='Indienen']")).click();
        waitForText(By.cssSelector("main [role=status]"), "is ingediend");
        assertThat(browser.findElement(By.id("plan-status")).getText()).contains("Ingediend");
        // the objective's course, or, beside a series without a verdict, that the published figures cannot say
        String objective = browser.findElement(By.id("doel-1")).getText();
        assertThat(objective)
                .containsAnyOf(
                        "Op koers",
                        "Niet op koers",
                        "Nog niet te beoordelen",
                        "Niet te beoordelen met de gepubliceerde cijfers");
        assertThat(objective.contains("Te veel maanden met kleine aantallen"))
                .isEqualTo(objective.contains("Niet te beoordelen met de"));
        assertThat(browser.findElements(By.cssSelector("#doel-1 figure svg[role=img]")))
                .hasSize(1);
        assertThat(browser.findElement(By.id("acties")).getText())
                .contains("Casustafel voor jongvolwassenen inrichten")
                .contains("Gemeente Den Haag")
                .contains("coördinator gemeenten")
                .contains("Eind Q2 2025");
        assertAccessible();
        screenshotWholePage("plan");

        logIn("landelijk");
        browser.get("http://localhost:" + port + "/plannen");
        waitForHeading("Plannen van aanpak");
        assertThat(browser.findElement(By.id("plans")).getText())
                .contains(title)
                .contains("Ingediend");
        assertThat(browser.findElements(By.cssSelector("figure svg[role=img]"))).hasSize(1);
        assertAccessible();
        browser.findElement(By.linkText(title)).click();
        waitForHeading(title);
        assertAccessible();
        browser.findElement(By.xpath("//button[text()='Terugsturen']")).click();
        waitForText(By.cssSelector(".problem[role=alert]"), "Schrijf erbij waarom");
        assertAccessible();
        type(browser.findElement(By.id("comment")), "Graag de doelgroep concreter maken.");
        browser.findElement(By.xpath("//button[text()='Terugsturen']")).click();
        waitForText(By.cssSelector("main [role=status]"), "teruggestuurd");
        browser.get(planUrl + "/versies?a=1&b=1");
        waitForHeading("Versie 1 en 1 vergelijken");
        assertAccessible();
        browser.get("http://localhost:" + port + "/plannen");
        browser.findElement(By.partialLinkText("Amstelland en De Meerlanden en Zuid-Holland Noord"))
                .click();
        waitForText(By.tagName("h1"), "Zuid-Holland Noord");
        assertThat(browser.findElement(By.id("doel-1")).getText()).contains("ZK01 en ZK28 samen");
        assertAccessible();
        screenshotWholePage("gezamenlijk-plan");

        logIn("gemeente.haaglanden");
        browser.get(planUrl);
        waitForHeading(title);
        assertThat(browser.findElement(By.id("plan-status")).getText()).contains("Teruggestuurd");
        assertThat(browser.findElement(By.id("beoordeling")).getText()).contains("Graag de doelgroep concreter maken.");
        assertAccessible();
        browser.get("http://localhost:" + port + "/regions/ZK10");
        assertThat(browser.findElement(By.id("plannen")).getText())
                .contains(title)
                .contains("Over tijd");
        assertAccessible();
        browser.manage().deleteAllCookies(); // the other tests start as a visitor who is not logged in
    }
}
