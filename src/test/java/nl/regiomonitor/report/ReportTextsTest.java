package nl.regiomonitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.PublishedOutputs;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.web.Problem;

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
        assertThat(careOffice
                        .postForm(EDITOR + "/texts", Map.of("INTRODUCTION.body", hostile, "INTRODUCTION.version", "-1"))
                        .status())
                .isEqualTo(302);
        careOffice.postForm(
                EDITOR + "/texts",
                Map.of(
                        "new.title",
                        "Passende woonplekken",
                        "new.body",
                        "- meer plekken voor beschermd wonen\n- kortere wachttijd"));
        String draft = careOffice.get(EDITOR + "/concept").body();
        assertThat(draft)
                .contains("<strong>passende zorg</strong>")
                .contains("<h3 id=\"opgaven-kop\">4.2 Regionale opgaven</h3>")
                .contains("<h4>Passende woonplekken</h4>")
                .contains("<li>kortere wachttijd</li>")
                .contains("<a rel=\"nofollow\" href=\"https://www.cz.nl\">CZ</a>")
                .doesNotContain("<script>alert")
                .doesNotContain("javascript:")
                .doesNotContainPattern("<[^>]*onerror");

        // a regional task needs a title; what was written stays in the form
        String refused = careOffice
                .postForm(
                        EDITOR + "/texts",
                        Map.of(
                                "new.title",
                                "",
                                "new.body",
                                "Tekst zonder titel",
                                "LOOK_BACK.body",
                                "Een terugblik die mee terugkomt",
                                "LOOK_BACK.version",
                                "-1"))
                .body();
        assertThat(refused)
                .contains("Geef de regionale opgave een titel.")
                .contains(">Tekst zonder titel</textarea>")
                .contains("href=\"#opgave-nieuw-title\"")
                .contains(">Een terugblik die mee terugkomt</textarea>");
        assertThat(jdbc.queryForObject(
                        "select count(*) from report_text where region_code = 'ZK10' and year = 2023 and kind = 'LOOK_BACK'",
                        Long.class))
                .isZero();

        // two people opened the page at version 0: the first save wins, the second is refused and keeps its text
        String updated = hostile + "\n\nAangevuld.";
        assertThat(careOffice
                        .postForm(EDITOR + "/texts", Map.of("INTRODUCTION.body", updated, "INTRODUCTION.version", "0"))
                        .status())
                .isEqualTo(302);
        String stale = careOffice
                .postForm(
                        EDITOR + "/texts",
                        Map.of("INTRODUCTION.body", "Mijn nieuwe inleiding", "INTRODUCTION.version", "0"))
                .body();
        assertThat(stale)
                .contains("Iemand anders heeft deze tekst intussen gewijzigd")
                .contains(">Mijn nieuwe inleiding</textarea>");
        assertThat(jdbc.queryForObject(
                        "select body from report_text where id = ?", String.class, Long.parseLong(introductionId())))
                .isEqualTo(updated);

        // not published yet: the public page says so
        WebSession visitor = WebSession.anonymous(port);
        WebSession.Response before = visitor.get("/regioperspectief/ZK10/2023");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.body()).contains("Het regioperspectief Haaglanden 2023 is (nog) niet gepubliceerd.");

        assertThat(careOffice.postForm(EDITOR + "/publish", Map.of()).status()).isEqualTo(302);
        String published = visitor.get("/regioperspectief/ZK10/2023").body();
        assertThat(published)
                .contains("Gepubliceerd op")
                .contains("<strong>passende zorg</strong>")
                .contains("Passende woonplekken")
                .doesNotContain("<script>alert");
        try (PDDocument pdf = Loader.loadPDF(visitor.getBytes("/regioperspectief/ZK10/2023.pdf"))) {
            String text = String.join(
                    "\n",
                    PublishedOutputs.pdfPages(pdf).stream()
                            .flatMap(List::stream)
                            .toList());
            assertThat(text)
                    .contains("4.2 Regionale opgaven")
                    .contains("Passende woonplekken")
                    .contains("Datum van publicatie");
        }

        // a later change does not touch what was published
        careOffice.postForm(
                EDITOR + "/texts", Map.of("INTRODUCTION.body", "Een herziene inleiding", "INTRODUCTION.version", "1"));
        assertThat(careOffice.get(EDITOR + "/concept").body()).contains("Een herziene inleiding");
        assertThat(visitor.get("/regioperspectief/ZK10/2023").body())
                .doesNotContain("Een herziene inleiding")
                .contains("<strong>passende zorg</strong>");

        List<Map<String, Object>> trail = jdbc.queryForList(
                "select action, before is not null as has_before, after is not null as has_after "
                        + "from audit_event where region_code = 'ZK10' and subject in ('regioperspectieftekst', 'regioperspectief') order by id");
        assertThat(trail).extracting(r -> r.get("action")).containsSubsequence("CREATE", "CREATE", "PUBLISH", "CHANGE");
        assertThat(trail.get(trail.size() - 1))
                .containsEntry("has_before", true)
                .containsEntry("has_after", true);

        // another region's care office cannot write here
        WebSession other = WebSession.loggedIn(port, "zorgkantoor.amstelland", "demo-wachtwoord");
        assertThat(other.postForm(
                                EDITOR + "/texts",
                                Map.of("DISCLAIMER.body", "Van een ander", "DISCLAIMER.version", "-1"))
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from report_text where body = 'Van een ander'", Long.class))
                .isZero();
    }

    @Test
    void saveAllWritesOnlyWhatChangedInOneGoAndNothingWhenOneTextConflicts(@Autowired ReportTexts texts) {
        String region = "ZK04";
        int year = 2019;
        List<String> created = texts.saveAll(
                region,
                year,
                List.of(
                        ReportTexts.Edit.single(TextKind.INTRODUCTION, "Inleiding een", -1),
                        ReportTexts.Edit.single(TextKind.LOOK_BACK, "Terugblik een", -1),
                        ReportTexts.Edit.single(TextKind.SECTOR, "  ", -1),
                        ReportTexts.Edit.newTask("Opgave A", "Tekst A"),
                        ReportTexts.Edit.newTask("", "")));
        assertThat(created)
                .containsExactly(
                        "Inleiding geschreven", "Terugblik geschreven", "Regionale opgave ‘Opgave A’ toegevoegd");
        assertThat(auditRows(region)).containsExactly("CREATE", "CREATE", "CREATE");
        long task = jdbc.queryForObject(
                "select id from report_text where region_code = ? and year = ? and kind = 'REGIONAL_TASK'",
                Long.class,
                region,
                year);

        // the same texts again: nothing written, nothing audited
        assertThat(texts.saveAll(
                        region,
                        year,
                        List.of(
                                ReportTexts.Edit.single(TextKind.INTRODUCTION, "Inleiding een", 0),
                                ReportTexts.Edit.task(task, "Opgave A", "Tekst A", 0, false))))
                .isEmpty();
        assertThat(auditRows(region)).hasSize(3);

        // one stale version: nothing is saved, not even the text that did not conflict
        assertThatThrownBy(() -> texts.saveAll(
                        region,
                        year,
                        List.of(
                                ReportTexts.Edit.single(TextKind.INTRODUCTION, "Inleiding twee", 0),
                                ReportTexts.Edit.single(TextKind.LOOK_BACK, "Terugblik twee", 7),
                                ReportTexts.Edit.newTask("Opgave B", "Tekst B"))))
                .isInstanceOfSatisfying(
                        ReportTexts.RefusedAll.class,
                        e -> assertThat(e.perEdit())
                                .containsExactly(new ReportTexts.EditProblem(
                                        1,
                                        new Problem(
                                                "body",
                                                e.perEdit().get(0).problem().message()))));
        // a task without a title: refused at its title, the other change not written either
        assertThatThrownBy(() -> texts.saveAll(
                        region,
                        year,
                        List.of(
                                ReportTexts.Edit.single(TextKind.INTRODUCTION, "Inleiding twee", 0),
                                ReportTexts.Edit.newTask(" ", "Tekst zonder titel"))))
                .isInstanceOfSatisfying(
                        ReportTexts.RefusedAll.class,
                        e -> assertThat(e.perEdit())
                                .extracting(p -> p.problem().field())
                                .containsExactly("title"));
        assertThat(bodies(region, year)).containsExactly("Inleiding een", "Terugblik een", "Tekst A");
        assertThat(auditRows(region)).hasSize(3);

        // an emptied single text and a task marked for removal are deleted; a changed one is changed, each audited
        assertThat(texts.saveAll(
                        region,
                        year,
                        List.of(
                                ReportTexts.Edit.single(TextKind.INTRODUCTION, "", 0),
                                ReportTexts.Edit.single(TextKind.LOOK_BACK, "Terugblik\r\ntwee", 0),
                                ReportTexts.Edit.task(task, "Opgave A", "Tekst A", 0, true))))
                .containsExactly(
                        "Inleiding verwijderd", "Terugblik gewijzigd", "Regionale opgave ‘Opgave A’ verwijderd");
        assertThat(bodies(region, year)).containsExactly("Terugblik\ntwee");
        assertThat(auditRows(region)).containsExactly("CREATE", "CREATE", "CREATE", "DELETE", "CHANGE", "DELETE");
    }

    private List<String> auditRows(String region) {
        return jdbc.queryForList(
                "select action from audit_event where region_code = ? and subject = 'regioperspectieftekst' order by id",
                String.class,
                region);
    }

    private List<String> bodies(String region, int year) {
        return jdbc.queryForList(
                "select body from report_text where region_code = ? and year = ? order by id",
                String.class,
                region,
                year);
    }

    private String introductionId() {
        return jdbc.queryForObject(
                        "select id from report_text where region_code = 'ZK10' and year = 2023 and kind = 'INTRODUCTION'",
                        Long.class)
                .toString();
    }
}
