package nl.regiomonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;

/** The audit trail page reads as words (names, ja/nee, "oud → nieuw") and comes in pages that keep the filter. */
class AuditTrailPageTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    AuditService audit;

    /** The table of a page only: the filter form holds the codes of the actions as values, as a form must. */
    private static String table(String page) {
        return page.substring(page.indexOf("<table class=\"data audit"), page.indexOf("</table>"));
    }

    @Test
    void aChangeReadsAsWordsWithNamesInsteadOfCodes() {
        AppUser made = users.create(
                "audit.leesbaar",
                "Leesbare Naam",
                "Zorgkantoor Haaglanden",
                "een-lang-wachtwoord-1",
                List.of(new Grant(Role.ZORGKANTOOR, "ZK10")));
        users.change(
                made.id(), "Leesbare Naam", "Zorgkantoor Haaglanden", false, List.of(Grant.national(Role.LANDELIJK)));

        WebSession admin = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        String changes = table(admin.get("/admin/audit?text=audit.leesbaar").body());
        assertThat(changes)
                .contains("Aangemaakt")
                .contains("Gewijzigd")
                .contains("actief: ja → nee")
                .contains("rollen: Zorgkantoor Haaglanden → Landelijk (ministerie, programma)")
                .contains("gebruikersnaam: audit.leesbaar")
                .doesNotContain("true")
                .doesNotContain("false")
                .doesNotContain("{")
                .doesNotContain("&quot;")
                .doesNotContain(">CREATE<")
                .doesNotContain("ZK10");

        String submitted = table(admin.get("/admin/audit?action=SUBMIT").body());
        assertThat(submitted)
                .contains("status: Concept → Ingediend")
                .contains("Amstelland en De Meerlanden, Zuid-Holland Noord")
                .doesNotContain("ZK01,ZK28");
    }

    @Test
    void theTrailComesInPagesOfFiftyThatKeepTheFilter() {
        for (int i = 1; i <= 120; i++) {
            audit.recordAs(
                    "pagina.test",
                    AuditAction.CHANGE,
                    // not "registratie": ids 1 to 120 would join the trail of real register entries
                    "paginatest",
                    i,
                    "ZK10",
                    "Paginatest " + i,
                    Map.of("n", i - 1),
                    Map.of("n", i));
        }
        WebSession admin = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        String first =
                admin.get("/admin/audit?actor=pagina.test&text=Paginatest").body();
        assertThat(first)
                .contains("120 gebeurtenissen gevonden; u ziet 1 tot en met 50 (pagina 1 van 3).")
                .contains(">Paginatest 120<")
                .doesNotContain(">Paginatest 70<")
                .contains("href=\"/admin/audit?actor=pagina.test&amp;text=Paginatest&amp;page=2\" rel=\"next\"")
                .contains("aria-current=\"page\">1<")
                .doesNotContain("rel=\"prev\"");
        assertThat(table(first)).contains("n: 119 → 120").contains("Haaglanden");

        audit.recordAs(
                "datum.test",
                AuditAction.CREATE,
                "datumtest",
                1,
                "ZK10",
                "Datumtest",
                null,
                Map.of("datum", "2024-03-31"));
        assertThat(table(admin.get("/admin/audit?actor=datum.test").body())).contains("datum: 31-03-2024");

        String last = admin.get("/admin/audit?actor=pagina.test&text=Paginatest&page=3")
                .body();
        assertThat(last)
                .contains("u ziet 101 tot en met 120 (pagina 3 van 3).")
                .contains(">Paginatest 1<")
                .contains("href=\"/admin/audit?actor=pagina.test&amp;text=Paginatest&amp;page=2\" rel=\"prev\"")
                .doesNotContain("rel=\"next\"");
        assertThat(admin.get("/admin/audit?actor=pagina.test&page=99").body())
                .as("past the end: the last page")
                .contains("(pagina 3 van 3)");

        WebSession careOffice = WebSession.loggedIn(port, "zorgkantoor.haaglanden", "demo-wachtwoord");
        String region =
                careOffice.get("/regions/ZK10/audit?actor=pagina.test&page=2").body();
        assertThat(region)
                .contains("<h1>Audittrail van Haaglanden (ZK10)</h1>")
                .contains("u ziet 51 tot en met 100")
                .contains("href=\"/regions/ZK10/audit?actor=pagina.test&amp;page=3\"");
    }
}
