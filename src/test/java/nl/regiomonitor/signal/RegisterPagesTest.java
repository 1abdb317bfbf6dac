package nl.regiomonitor.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;

/** The register pages over HTTP as the demo users' browsers use them: form posts with the CSRF token. */
class RegisterPagesTest extends IntegrationTest {

    private static final String PASSWORD = "demo-wachtwoord";
    /** A year without demo entries, so the pages show exactly what this test adds. */
    private static final int YEAR = 2023;

    @LocalServerPort
    int port;

    @Autowired
    SignalRegister register;

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, String> signal(String date, String category, String description) {
        return Map.of(
                "kind",
                "CLIENT_SIGNAL",
                "date",
                date,
                "category",
                category,
                "name",
                "",
                "locationKind",
                "",
                "description",
                description);
    }

    @Test
    void careOfficeAddsChangesAndDeletesThroughTheForms() {
        WebSession haaglanden = WebSession.loggedIn(port, "zorgkantoor.haaglanden", PASSWORD);
        Response list = haaglanden.get("/regions/ZK10/register?year=" + YEAR);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains("Register Haaglanden (ZK10) " + YEAR)
                .contains("Registratie toevoegen")
                .contains("Klantsignalen (0)");
        assertThat(haaglanden.get("/regions/ZK10/admin").body()).contains("/regions/ZK10/register");

        Response refused = haaglanden.postForm("/regions/ZK10/register/new", signal("", "", "x".repeat(2001)));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("role=\"alert\"")
                .contains("Vul de datum in.")
                .contains("id=\"date-error\"")
                .contains("aria-describedby=\"date-hint date-error\"")
                .contains("Kies de categorie van het signaal.")
                .contains("aria-describedby=\"category-hint category-error\"")
                .contains("aria-describedby=\"description-hint description-error\"")
                .containsPattern("value=\"CLIENT_SIGNAL\"\\s+selected");
        assertThat(register.list("ZK10", YEAR)).isEmpty();

        Response created = haaglanden.postForm(
                "/regions/ZK10/register/new",
                signal(YEAR + "-05-17", "KWALITEIT_EN_ZORG", "Communicatie over dossierhouderschap"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).endsWith("/regions/ZK10/register?year=" + YEAR);
        RegisterEntry entry = register.list("ZK10", YEAR).get(0);
        assertThat(entry.createdBy()).isEqualTo("zorgkantoor.haaglanden");
        assertThat(haaglanden.get("/regions/ZK10/register?year=" + YEAR).body())
                .contains("Klantsignaal van 17-05-" + YEAR + " is toegevoegd.")
                .contains("Klantsignalen (1)")
                .contains("Communicatie over dossierhouderschap")
                .contains("Kwaliteit en zorg");

        String edit = "/regions/ZK10/register/" + entry.id();
        assertThat(haaglanden.get(edit).body())
                .contains("Registratie wijzigen")
                .contains("Communicatie over dossierhouderschap")
                .containsPattern("value=\"KWALITEIT_EN_ZORG\"\\s+selected");

        WebSession amstelland = WebSession.loggedIn(port, "zorgkantoor.amstelland", PASSWORD);
        Map<String, String> change = new HashMap<>(signal(YEAR + "-05-18", "ORGANISATIE", "Personeel"));
        change.put("version", "0");
        assertThat(amstelland.get(edit).status()).isEqualTo(403);
        assertThat(amstelland.get("/regions/ZK10/register/new").status()).isEqualTo(403);
        assertThat(amstelland
                        .postForm("/regions/ZK10/register/new", signal(YEAR + "-01-01", "ORGANISATIE", ""))
                        .status())
                .isEqualTo(403);
        assertThat(amstelland.postForm(edit, change).status()).isEqualTo(403);
        assertThat(amstelland
                        .postForm(edit + "/delete", Map.of("version", "0", "confirm", "true"))
                        .status())
                .isEqualTo(403);
        assertThat(amstelland
                        .postFile(
                                "/regions/ZK10/register/import",
                                Map.of(),
                                "r.csv",
                                "kind;date;category;name;location_kind;description\nCLIENT_SIGNAL;" + YEAR
                                        + "-01-01;OVERIG;;;\n")
                        .status())
                .isEqualTo(403);
        assertThat(amstelland.get("/regions/ZK01/register/" + entry.id()).status())
                .as("an id of another region under one's own region")
                .isEqualTo(404);
        assertThat(register.list("ZK10", YEAR)).containsExactly(entry);

        WebSession municipality = WebSession.loggedIn(port, "gemeente.haaglanden", PASSWORD);
        assertThat(municipality.get("/regions/ZK10/register?year=" + YEAR).body())
                .contains("Communicatie over dossierhouderschap")
                .doesNotContain("Registratie toevoegen")
                .doesNotContain(edit);
        assertThat(municipality.get(edit).status()).isEqualTo(403);

        Response changed = haaglanden.postForm(edit, change);
        assertThat(changed.status()).isEqualTo(302);
        assertThat(register.find("ZK10", entry.id()).orElseThrow().description())
                .isEqualTo("Personeel");
        Response stale = haaglanden.postForm(edit, change);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("Iemand anders heeft deze registratie intussen gewijzigd.");

        Response unconfirmed = haaglanden.postForm(edit + "/delete", Map.of("version", "1"));
        assertThat(unconfirmed.body())
                .contains("Vink aan dat u deze registratie echt wilt verwijderen.")
                .contains("aria-describedby=\"confirm-error\"");
        Response deleted = haaglanden.postForm(edit + "/delete", Map.of("version", "1", "confirm", "true"));
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(register.find("ZK10", entry.id())).isEmpty();
        assertThat(haaglanden.get(edit).status()).isEqualTo(404);

        List<String> trail = jdbc.queryForList("""
                select actor || '|' || action || '|' || coalesce(before->>'omschrijving', '-') || '|' || coalesce(after->>'omschrijving', '-')
                from audit_event where subject = 'registratie' and subject_id = ? and region_code = 'ZK10' order by id""", String.class, String.valueOf(entry.id()));
        assertThat(trail)
                .containsExactly(
                        "zorgkantoor.haaglanden|CREATE|-|Communicatie over dossierhouderschap",
                        "zorgkantoor.haaglanden|CHANGE|Communicatie over dossierhouderschap|Personeel",
                        "zorgkantoor.haaglanden|DELETE|Personeel|-");
    }

    @Test
    void importThroughThePageIsAllOrNothing() {
        WebSession haaglanden = WebSession.loggedIn(port, "zorgkantoor.haaglanden", PASSWORD);
        int year = 2022;
        // what other tests put in this year stays; the import adds to it or leaves it as it was
        List<RegisterEntry> before = register.list("ZK10", year);
        int dialogues = register.summary("ZK10", year).count(RegisterKind.QUALITY_DIALOGUE);
        assertThat(haaglanden.get("/regions/ZK10/register/import").body())
                .contains("kind;date;category;name;location_kind;description");
        Response bad = haaglanden.postFile("/regions/ZK10/register/import", Map.of(), "fout.csv", """
                kind;date;category;name;location_kind;description
                CLIENT_SIGNAL;2022-01-10;Organisatie;;;
                QUALITY_DIALOGUE;2022-02-01;;;;Daginvulling
                SIGNAAL;2022-03-01;;;;
                """);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body())
                .contains("Regel 3, kolom name: Vul de naam in: zorgaanbieder (bij een kwaliteitsdialoog verplicht).")
                .contains("Regel 4, kolom kind: &#39;SIGNAAL&#39; is geen soort registratie");
        assertThat(register.list("ZK10", year)).isEqualTo(before);

        Response good = haaglanden.postFile("/regions/ZK10/register/import", Map.of(), "goed.csv", """
                kind,date,category,name,location_kind,description
                CLIENT_SIGNAL,2022-01-10,Organisatie,,,
                QUALITY_DIALOGUE,2022-02-01,,Parnassia,,Daginvulling
                EXPERT_BY_EXPERIENCE,2022-06-01,,,,
                """);
        assertThat(good.status()).isEqualTo(302);
        assertThat(register.summary("ZK10", year).count(RegisterKind.QUALITY_DIALOGUE))
                .isEqualTo(dialogues + 1);
        assertThat(register.list("ZK10", year)).hasSize(before.size() + 3);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'IMPORT' and subject = 'registratie' "
                                + "and region_code = 'ZK10' and actor = 'zorgkantoor.haaglanden' and after->>'bestand' = 'goed.csv'",
                        Long.class))
                .isEqualTo(1);
    }
}
