package nl.regiomonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;

/**
 * The unprotected figures (SPEC.md §4): for people with the right, inside the system, marked as not
 * for publication; their downloads stay protected unless they choose the unprotected ones, and that
 * choice is in the audit trail.
 */
class UnprotectedViewTest extends IntegrationTest {

    private static final String SMALL = "<td class=\"num\">&lt;5</td>";
    private static final String QUERY = "?region=ZK28&from=2023-01&to=2024-12&period=month";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theNationalUserSeesEveryCountMarkedNotForPublicationAndEveryUnprotectedDownloadIsRecorded() {
        WebSession visitor = WebSession.anonymous(port);
        String published = visitor.get("/instroom" + QUERY).body();
        assertThat(published)
                .contains(SMALL)
                .doesNotContain("Onbeschermde cijfers bekijken")
                .doesNotContain("Niet voor publicatie");

        WebSession national = WebSession.loggedIn(port, "landelijk", "demo-wachtwoord");
        assertThat(national.get("/instroom" + QUERY).body())
                .contains("Onbeschermde cijfers bekijken (niet voor publicatie)")
                .contains("href=\"/intern/instroom" + QUERY.replace("&", "&amp;") + "\"");
        String internal = national.get("/intern/instroom" + QUERY).body();
        assertThat(internal)
                .contains("<strong>Niet voor publicatie.</strong>")
                .contains("NIET VOOR PUBLICATIE — Instroom GGZ-W per profiel")
                .doesNotContain(SMALL)
                .doesNotContain("<td class=\"num\">x</td>")
                .containsPattern("<td class=\"num\">[1-4]</td>")
                // the chart draws every month at its value, no bar for a hidden one
                .doesNotContain("(niet getoond)</title></rect>");
        // the downloads it offers first are the protected ones
        assertThat(internal)
                .containsPattern("Downloaden, beschermd zoals gepubliceerd:\\s*<a href=\""
                        + Pattern.quote("/instroom.csv" + QUERY.replace("&", "&amp;")))
                .contains("<a href=\"/intern/instroom.csv" + QUERY.replace("&", "&amp;") + "\">CSV onbeschermd</a>");

        long before = exports();
        String protectedCsv = national.getAny("/instroom.csv" + QUERY).body();
        assertThat(protectedCsv).contains(";<5").doesNotContain("NIET VOOR PUBLICATIE");
        assertThat(exports())
                .as("a protected download is not an unprotected export")
                .isEqualTo(before);

        WebSession.Response unprotected = national.getAny("/intern/instroom.csv" + QUERY);
        assertThat(unprotected.status()).isEqualTo(200);
        assertThat(unprotected.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"instroom-ZK28-2023-01-2024-12-onbeschermd.csv\"");
        assertThat(unprotected.body())
                .contains("NIET VOOR PUBLICATIE")
                .doesNotContain(";<5")
                .doesNotContain(";x");
        assertThat(exports()).isEqualTo(before + 1);
        assertThat(
                        jdbc.queryForMap(
                                "select actor, region_code, summary from audit_event where action = 'EXPORT' order by id desc limit 1"))
                .containsEntry("actor", "landelijk")
                .containsEntry("region_code", "ZK28")
                .containsEntry(
                        "summary",
                        "Onbeschermde cijfers gedownload (niet voor publicatie): instroom-ZK28-2023-01-2024-12-onbeschermd.csv");

        national.getBytes("/intern/regions/ZK28/cijfers.xlsx?year=2024");
        assertThat(exports()).isEqualTo(before + 2);
        assertThat(national.get("/intern/regions/ZK28?year=2024").body())
                .contains("<strong>Niet voor publicatie.</strong>")
                .doesNotContain(SMALL);
    }

    @Test
    void aCareOfficeSeesItsOwnRegionUnprotectedButNotAnotherOrTheCountry() {
        WebSession careOffice = WebSession.loggedIn(port, "zorgkantoor.haaglanden", "demo-wachtwoord");
        assertThat(careOffice.get("/intern/instroom?region=ZK10").status()).isEqualTo(200);
        assertThat(careOffice.get("/instroom?region=ZK10").body()).contains("Onbeschermde cijfers bekijken");
        assertThat(careOffice.get("/instroom?region=ZK01").body()).doesNotContain("Onbeschermde cijfers bekijken");
        assertThat(careOffice.get("/intern/instroom?region=ZK01").status()).isEqualTo(403);
        assertThat(careOffice.get("/intern/instroom?region=NL").status()).isEqualTo(403);
    }

    private long exports() {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'EXPORT'", Long.class);
    }
}
