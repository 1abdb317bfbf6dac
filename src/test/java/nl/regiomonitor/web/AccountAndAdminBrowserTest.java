package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import nl.regiomonitor.BrowserSession;
import nl.regiomonitor.ingest.CsvHeaders;
import nl.regiomonitor.security.AppUser;
import nl.regiomonitor.security.Grant;
import nl.regiomonitor.security.Role;
import nl.regiomonitor.security.UserService;

/**
 * Logging in, one's own API keys and the administration in real headless Chromium: users, imports, a region's
 * admin page and audit trail, and another region refused; 0 WCAG 2.1 AA violations by axe-core.
 */
class AccountAndAdminBrowserTest extends BrowserSession {

    @Test
    void loginPageIsAccessibleAndAWrongPasswordIsExplained() {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        assertAccessible();
        browser.findElement(By.id("username")).sendKeys("aanbieder.amstelland");
        browser.findElement(By.id("password")).sendKeys("niet-het-wachtwoord");
        browser.findElement(By.cssSelector("main form button")).click();
        assertThat(waitFor(By.cssSelector("[role=alert]")).getText()).contains("Inloggen is niet gelukt");
        assertAccessible();
    }

    @Test
    void aUserMakesAnApiKeyOnHisOwnPageSeesItOnceAndRevokesIt() {
        logIn("gemeente.haaglanden");
        browser.findElement(By.linkText("Mijn API-sleutels")).click();
        waitForHeading("Mijn API-sleutels");
        assertAccessible();
        browser.findElement(By.cssSelector("form.panel button")).click();
        assertThat(waitFor(By.cssSelector(".problem[role=alert]")).getText()).contains("Geef de sleutel een naam");
        assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertAccessible();
        type(browser.findElement(By.id("name")), "Browserscript");
        browser.findElement(By.cssSelector("form.panel button")).click();
        String key = waitFor(By.id("new-key")).getText();
        assertThat(key).startsWith("rm_");
        assertThat(browser.findElement(By.id("tokens")).getText())
                .contains("Browserscript")
                .contains("nog niet");
        assertAccessible();
        browser.get("http://localhost:" + port + "/account/api-sleutels");
        assertThat(browser.getPageSource()).doesNotContain(key);
        browser.findElement(By.cssSelector("#tokens button")).click();
        assertThat(waitFor(By.cssSelector("[role=status]")).getText()).contains("ingetrokken");
        assertAccessible();
        browser.manage().deleteAllCookies();
    }

    @Test
    void userAdministrationPagesAreAccessible(@Autowired UserService users) {
        AppUser admin = users.find("browser.beheerder")
                .orElseGet(() -> users.create(
                        "browser.beheerder",
                        "Browser Beheerder",
                        null,
                        "browser-wachtwoord-1",
                        List.of(Grant.national(Role.BEHEERDER))));
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        type(browser.findElement(By.id("username")), admin.username());
        type(browser.findElement(By.id("password")), "browser-wachtwoord-1");
        browser.findElement(By.cssSelector("main form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get("http://localhost:" + port + "/admin/users");
        assertThat(browser.findElement(By.id("users")).getText())
                .contains("browser.beheerder")
                .contains("Beheerder");
        assertAccessible();
        type(browser.findElement(By.id("username")), "browser.nieuw");
        type(browser.findElement(By.id("displayName")), "Nieuw via browser");
        type(browser.findElement(By.id("password")), "kort");
        browser.findElement(By.id("grant-AANBIEDER-ZK10")).click();
        browser.findElement(By.cssSelector(".user-form button")).click();
        assertThat(waitFor(By.cssSelector(".problem[role=alert]")).getText()).contains("minstens 12 tekens");
        assertThat(browser.findElement(By.id("grant-AANBIEDER-ZK10")).isSelected())
                .isTrue();
        assertAccessible();

        browser.get("http://localhost:" + port + "/admin/users/" + admin.id());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Gebruiker browser.beheerder");
        assertThat(browser.findElement(By.id("grant-BEHEERDER")).isSelected()).isTrue();
        assertAccessible();
        browser.manage().deleteAllCookies(); // the other tests start as a visitor who is not logged in
    }

    @Test
    void uploadShowsProgressAndThenEveryBadRow() throws Exception {
        Path file = folder.resolve("browser-indications.csv");
        Files.writeString(
                file,
                CsvHeaders.INDICATIONS
                        + "BROWSERAAAA1;2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980\n"
                        + "BROWSERAAAA2;2023-01-02;2023-01-15;;ZK77;GGZ03W;WMO_BW;1980\n",
                StandardCharsets.UTF_8);
        logIn("beheerder");
        browser.get("http://localhost:" + port + "/imports");
        assertAccessible();
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#upload-form button")).click();

        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches(".*/imports/\\d+$"));
        assertThat(browser.findElement(By.cssSelector(".outcome-status")).getText())
                .isEqualTo("Geweigerd");
        String errors = browser.findElement(By.id("errors")).getText();
        assertThat(errors)
                .contains("3")
                .contains("region_code")
                .contains("ZK77")
                .contains("Onbekende regiocode");
        assertAccessible();
    }

    @Test
    void careOfficeUserWorksInOwnRegionAndIsRefusedAnotherRegion() throws Exception {
        logIn("zorgkantoor.haaglanden");
        browser.findElement(By.linkText("Beheer Haaglanden")).click();
        waitForHeading("Beheer Haaglanden (ZK10)");
        assertAccessible();

        browser.findElement(By.linkText("Gegevens importeren voor deze regio")).click();
        waitForHeading("Gegevens importeren voor regio ZK10");
        assertAccessible();
        Path file = folder.resolve("haaglanden-wachtlijst.csv");
        Files.writeString(
                file,
                CsvHeaders.WAITLIST
                        + "2024-06-30;BROWSERWAIT1;ZK10;GGZ03W;ACTIEF\n"
                        + "2024-06-30;BROWSERWAIT2;ZK01;GGZ03W;ACTIEF\n",
                StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#upload-form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.urlMatches(".*/imports/\\d+\\?region=ZK10$"));
        assertThat(browser.findElement(By.cssSelector(".outcome-status")).getText())
                .isEqualTo("Geweigerd");
        assertThat(browser.findElement(By.id("errors")).getText())
                .contains("ZK01")
                .contains("andere regio");

        browser.get("http://localhost:" + port + "/regions/ZK10/audit");
        assertThat(browser.findElement(By.cssSelector("table.audit")).getText())
                .contains("zorgkantoor.haaglanden")
                .contains("haaglanden-wachtlijst.csv");
        assertAccessible();

        browser.get("http://localhost:" + port + "/regions/ZK01/admin");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Geen toegang");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Uw rol en regio geven daar geen recht op")
                .doesNotContain("Amstelland");
        assertAccessible();
        browser.get("http://localhost:" + port + "/regions/ZK01/audit");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Geen toegang");
        browser.get("http://localhost:" + port + "/imports?region=ZK01");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Geen toegang");

        browser.findElement(By.cssSelector(".account button")).click();
        assertThat(waitFor(By.cssSelector("main [role=status]")).getText()).contains("U bent uitgelogd");
        browser.get("http://localhost:" + port + "/regions/ZK10/admin");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }
}
