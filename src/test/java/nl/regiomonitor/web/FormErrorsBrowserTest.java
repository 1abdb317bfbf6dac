package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import nl.regiomonitor.BrowserSession;

/** A wrong year or month typed in a form comes back in the field, with the reason beside it, accessibly. */
class FormErrorsBrowserTest extends BrowserSession {

    /** The check every browser test relies on finds what it is there for: a field without a label, a bare image. */
    @Test
    void theAccessibilityCheckFindsAFieldWithoutLabelAndAnImageWithoutText() {
        browser.get("http://localhost:" + port + "/toegankelijkheid");
        ((JavascriptExecutor) browser)
                .executeScript("document.querySelector('main').insertAdjacentHTML('beforeend', "
                        + "'<input type=\"text\"><img src=\"/geen.png\">')");
        assertThatThrownBy(this::assertAccessible)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("label")
                .hasMessageContaining("image-alt");
    }

    @Test
    void aWrongYearOrMonthComesBackInItsFieldWithTheReason() {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/regions/ZK10");
        WebElement year = browser.findElement(By.id("year"));
        year.clear();
        year.sendKeys("20x4");
        browser.findElement(By.cssSelector("form.filter button")).click();
        waitFor(By.id("problemen"));
        assertThat(browser.findElement(By.id("year")).getAttribute("value")).isEqualTo("20x4");
        assertThat(browser.findElement(By.id("year")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("year-error")).getText()).contains("Vul het jaar in met vier cijfers");
        assertThat(browser.findElement(By.cssSelector("#problemen a")).getAttribute("href"))
                .endsWith("#year");
        assertAccessible();

        browser.get("http://localhost:" + port + "/instroom?region=ZK10");
        new Select(browser.findElement(By.id("window"))).selectByVisibleText("Zelf kiezen: de maanden hieronder");
        browser.findElement(By.id("from")).sendKeys("2024-06");
        browser.findElement(By.id("to")).sendKeys("2024-13");
        browser.findElement(By.cssSelector("form.filter button")).click();
        waitFor(By.id("problemen"));
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).isEqualTo("2024-06");
        assertThat(browser.findElement(By.id("to")).getAttribute("value")).isEqualTo("2024-13");
        assertThat(browser.findElement(By.id("to-error")).getText()).contains("Vul de laatste maand in als jaar-maand");
        assertThat(new Select(browser.findElement(By.id("region")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("ZK10");
        assertAccessible();

        browser.findElement(By.id("to")).clear();
        browser.findElement(By.id("to")).sendKeys("2024-09");
        browser.findElement(By.cssSelector("form.filter button")).click();
        waitFor(By.cssSelector(".verdict, .young-adults"));
        assertThat(browser.findElements(By.id("problemen"))).isEmpty();
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).isEqualTo("2024-06");
    }
}
