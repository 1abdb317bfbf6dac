package nl.regiomonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.PublishedOutputs;
import nl.regiomonitor.WebSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A care office writes the texts of its regioperspectief, safely, and publishes it as it is at that moment. */
class ReportTextsTest extends IntegrationTest {

    private static final String EDITOR = "/regions/ZK10/regioperspectief/2023";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void textsAreKeptSafeValidatedNeverOverwrittenAndFrozenWhenPublished() throws Exception {
        WebSession careOffice = WebSession.loggedIn(port, "zorgkantoor.haaglanden", "demo-wachtwoord");
        assertThat(careOffice.get(EDITOR).body()).contains("Regioperspectief Haaglanden 2023");

        // markup becomes paragraphs, lists and links; script, handlers and javascript: links do not survive
        String hostile = "Samen werken we aan **passende zorg**.\n\n<script>alert('inleiding')</script>\n\n"
                + "<img src=x onerror=alert(1)> [gevaarlijk](javascript:alert(2)) [CZ](https://www.cz.nl)";
        assertThat(careOffice.postForm(EDITOR + "/texts", Map.of("kind", "INTRODUCTION", "body", hostile, "version", "0")).status())
                .isEqualTo(302);
        careOffice.postForm(EDITOR + "/texts", Map.of("kind", "REGIONAL_TASK", "title", "Passende woonplekken",
                "body", "- meer plekken voor beschermd wonen\n- kortere wachttijd", "version", "0"));
        String draft = careOffice.get(EDITOR + "/concept").body();
        assertThat(draft).contains("<strong>passende zorg</strong>").contains("<h2 id=\"opgaven-kop\">4. Regionale opgaven</h2>")
                .contains("<h3>Passende woonplekken</h3>").contains("<li>kortere wachttijd</li>")
                .contains("<a rel=\"nofollow\" href=\"https://www.cz.nl\">CZ</a>")
                .doesNotContain("<script>alert").doesNotContain("javascript:").doesNotContainPattern("<[^>]*onerror");

        // a regional task needs a title; what was written stays in the form
        String refused = careOffice.postForm(EDITOR + "/texts", Map.of("kind", "REGIONAL_TASK", "title", "",
                "body", "Tekst zonder titel", "version", "0")).body();
        assertThat(refused).contains("Geef de regionale opgave een titel.").contains(">Tekst zonder titel</textarea>");

        // two people opened the page at version 0: the first save wins, the second is refused and keeps its text
        assertThat(careOffice.postForm(EDITOR + "/texts", Map.of("kind", "INTRODUCTION", "body", hostile, "version", "0",
                "id", introductionId())).status()).isEqualTo(302);
        String stale = careOffice.postForm(EDITOR + "/texts", Map.of("kind", "INTRODUCTION", "body", "Mijn nieuwe inleiding",
                "version", "0", "id", introductionId())).body();
        assertThat(stale).contains("Iemand anders heeft deze tekst intussen gewijzigd").contains(">Mijn nieuwe inleiding</textarea>");
        assertThat(jdbc.queryForObject("select body from report_text where id = ?", String.class, Long.parseLong(introductionId())))
                .isEqualTo(hostile);

        // not published yet: the public page says so
        WebSession visitor = WebSession.anonymous(port);
        WebSession.Response before = visitor.get("/regioperspectief/ZK10/2023");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.body()).contains("Het regioperspectief Haaglanden 2023 is (nog) niet gepubliceerd.");

        assertThat(careOffice.postForm(EDITOR + "/publish", Map.of()).status()).isEqualTo(302);
        String published = visitor.get("/regioperspectief/ZK10/2023").body();
        assertThat(published).contains("Gepubliceerd op").contains("<strong>passende zorg</strong>").contains("Passende woonplekken")
                .doesNotContain("<script>alert");
        try (PDDocument pdf = Loader.loadPDF(visitor.getBytes("/regioperspectief/ZK10/2023.pdf"))) {
            String text = String.join("\n", PublishedOutputs.pdfPages(pdf).stream().flatMap(List::stream).toList());
            assertThat(text).contains("4. Regionale opgaven").contains("Passende woonplekken").contains("Datum van publicatie:");
        }

        // a later change does not touch what was published
        careOffice.postForm(EDITOR + "/texts", Map.of("kind", "INTRODUCTION", "body", "Een herziene inleiding", "version", "1",
                "id", introductionId()));
        assertThat(careOffice.get(EDITOR + "/concept").body()).contains("Een herziene inleiding");
        assertThat(visitor.get("/regioperspectief/ZK10/2023").body()).doesNotContain("Een herziene inleiding")
                .contains("<strong>passende zorg</strong>");

        List<Map<String, Object>> trail = jdbc.queryForList("select action, before is not null as has_before, after is not null as has_after "
                + "from audit_event where region_code = 'ZK10' and subject in ('regioperspectieftekst', 'regioperspectief') order by id");
        assertThat(trail).extracting(r -> r.get("action")).containsSubsequence("CREATE", "CREATE", "PUBLISH", "CHANGE");
        assertThat(trail.get(trail.size() - 1)).containsEntry("has_before", true).containsEntry("has_after", true);

        // another region's care office cannot write here
        WebSession other = WebSession.loggedIn(port, "zorgkantoor.amstelland", "demo-wachtwoord");
        assertThat(other.postForm(EDITOR + "/texts", Map.of("kind", "DISCLAIMER", "body", "Van een ander", "version", "0")).status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from report_text where body = 'Van een ander'", Long.class)).isZero();
    }

    private String introductionId() {
        return jdbc.queryForObject("select id from report_text where region_code = 'ZK10' and year = 2023 and kind = 'INTRODUCTION'",
                Long.class).toString();
    }
}
