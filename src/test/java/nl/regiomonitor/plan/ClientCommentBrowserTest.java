package nl.regiomonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import nl.regiomonitor.BrowserSession;

/**
 * A client representative of Haaglanden comments on one section of the region's plan; the care office
 * sees the comment on the plan page and in the annex of the Word document.
 */
class ClientCommentBrowserTest extends BrowserSession {

    private static final String TITLE = "Plan van aanpak instroom Wlz-ggz-W Haaglanden";
    private static final String COMMENT =
            "Betrek de cliëntenraad bij de keuze van de jongvolwassenen die de casustafel bespreekt.";

    @Test
    void aClientRepresentativeCommentsOnASectionAndTheCareOfficeReadsItOnThePageAndInTheWordDocument()
            throws Exception {
        logIn("client.haaglanden");
        browser.get("http://localhost:" + port + "/plannen");
        assertAccessible();
        browser.findElement(By.linkText(TITLE)).click();
        waitForHeading(TITLE);
        String plan = browser.getCurrentUrl().replaceAll("#.*", "");
        // a client representative reads the plan but gets no progress forms: those are for the owners of the actions
        assertThat(browser.findElements(By.cssSelector(".progress-form"))).isEmpty();
        assertAccessible();

        // the section's form sits folded under it; an empty comment
        // is refused at its field, in the same form, still open
        WebElement summary = browser.findElement(
                By.xpath("//summary[contains(., 'Reageer op dit onderdeel: Achtergrond en probleemstelling')]"));
        summary.click();
        submitComment();
        WebElement error = waitFor(By.id("reactie-BACKGROUND-text-error"));
        assertThat(error.getText()).contains("Schrijf uw reactie in het tekstvak.");
        assertThat(browser.findElement(By.id("reactie-BACKGROUND-text")).isDisplayed())
                .isTrue();
        assertAccessible();

        type(browser.findElement(By.id("reactie-BACKGROUND-text")), COMMENT);
        submitComment();
        waitForText(By.cssSelector(".outcome"), "Uw reactie is geplaatst.");
        assertThat(browser.findElements(By.cssSelector("#reacties .comment")).stream()
                        .map(WebElement::getText)
                        .filter(text -> text.contains(COMMENT))
                        .findFirst())
                .get()
                .asString()
                .contains("Cliëntenraad Haaglanden (demo)")
                .contains("Achtergrond en probleemstelling");
        assertAccessible();
        // on a phone: the comment and the form for the whole plan, checked again at that width
        browser.manage().window().setSize(new Dimension(390, 844));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('reacties').scrollIntoView()");
        assertAccessible();
        keepScreenshot("reactie-telefoon");
        browser.manage().window().setSize(new Dimension(1280, 1024));

        logIn("zorgkantoor.haaglanden");
        browser.get(plan);
        waitForText(By.id("reacties"), COMMENT);
        assertThat(browser.findElement(By.id("reacties")).getText()).contains("Cliëntenraad Haaglanden (demo)");
        // beneath the section it is about, a count links to it
        assertThat(browser.findElement(
                                By.xpath("//h3[@id='onderdeel-BACKGROUND']/following::p[@class='comment-count'][1]/a"))
                        .getText())
                .isEqualTo("1 reactie van cliëntvertegenwoordiging op dit onderdeel");
        // the care office may not comment: no comment forms
        assertThat(browser.findElements(By.cssSelector(".comment-form"))).isEmpty();
        assertAccessible();
        screenshotWholePage("reactie-zorgkantoor");

        String cookies = browser.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> docx = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(plan.replace("/plannen/", "/api/v1/plans/") + ".docx"))
                                .header("Cookie", cookies)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            List<String> headings = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                if ("Heading1".equals(p.getStyle())) {
                    headings.add(p.getText());
                }
            }
            assertThat(headings).last().isEqualTo("Bijlage: reacties van cliëntvertegenwoordiging");
            XWPFTable annex = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(annex.getRow(0).getCell(3).getText()).isEqualTo("Reactie");
            XWPFTableRow row = annex.getRows().stream()
                    .filter(r -> r.getCell(3).getText().equals(COMMENT))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.getCell(1).getText()).isEqualTo("Cliëntenraad Haaglanden (demo)");
            assertThat(row.getCell(2).getText()).startsWith("Achtergrond en probleemstelling (versie ");
        }
    }

    private void submitComment() {
        browser.findElement(By.xpath("//textarea[@id='reactie-BACKGROUND-text']/ancestor::form//button"))
                .click();
    }
}
