package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;

/**
 * A page that takes a year, month or date shows its form again when the value cannot be used: the
 * reason at the field and in a summary above, the typed value still in the field, and no error page.
 */
class PeriodFormsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    /** The same form again, with the reason at the field and linked from the summary, and nothing technical. */
    private static AbstractStringAssert<?> refusedAt(Response answer, String field, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        return assertThat(answer.body())
                .contains("Er is een probleem")
                .contains("<a href=\"#" + field + "\">" + message)
                .containsPattern("id=\"" + field + "-error\">\\s*<span class=\"visually-hidden\">Fout: </span><span>"
                        + Pattern.quote(message))
                .containsPattern("id=\"" + field + "\"[^>]*aria-describedby=\"[^\"]*" + field
                        + "-error\"[^>]*aria-invalid=\"true\"")
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("Er ging iets mis");
    }

    @Test
    void theRegionPageKeepsAWrongYearInItsFieldAndSaysWhy() {
        WebSession visitor = WebSession.anonymous(port);
        refusedAt(visitor.get("/regions/ZK10?year=20x4"), "year", "Vul het jaar in met vier cijfers")
                .contains("value=\"20x4\"")
                .contains("<h1>Cijfers Haaglanden (ZK10)</h1>")
                .as("no figures of another year under the reason")
                .doesNotContain("cijfers.csv");
        refusedAt(visitor.get("/regions/ZK10?year=1850"), "year", "Over 1850 zijn er geen gegevens. Kies een jaar van ")
                .contains("value=\"1850\"");
        assertThat(visitor.get("/regions/ZK10?year=2024").body())
                .contains("value=\"2024\"")
                .doesNotContain("aria-invalid");
    }

    @Test
    void theInstroommonitorKeepsTypedMonthsAndRefusesAPeriodThatEndsBeforeItStarts() {
        WebSession visitor = WebSession.anonymous(port);
        refusedAt(
                        visitor.get("/instroom?region=ZK10&from=2024-13&to=2024-06"),
                        "from",
                        "Vul de eerste maand in als jaar-maand")
                .contains("value=\"2024-13\"")
                .contains("value=\"2024-06\"")
                .containsPattern("<option value=\"\" selected=\"selected\">Zelf kiezen")
                .containsPattern("value=\"ZK10\"\\s+selected")
                .as("no judgement of another period")
                .doesNotContain("instroomgrafiek");
        refusedAt(
                        visitor.get("/instroom?from=2024-06&to=2024-02"),
                        "to",
                        "De laatste maand (2024-02) ligt vóór de eerste (2024-06).")
                .contains("value=\"2024-06\"")
                .contains("value=\"2024-02\"");
        refusedAt(
                visitor.get("/instroom?from=1850-01&to=1850-12"),
                "from",
                "Er zijn geen cijfers over januari 1850 t/m december 1850");
        refusedAt(visitor.get("/instroom?period=weekly"), "period", "Kies een indeling uit de lijst");
        refusedAt(visitor.get("/instroom?window=1999"), "window", "Onbekende periode &#39;1999&#39;");

        Response months = visitor.get("/instroom?from=2024-01&to=2024-03");
        assertThat(months.status()).isEqualTo(200);
        assertThat(months.body())
                .contains("value=\"2024-01\"")
                .contains("value=\"2024-03\"")
                .doesNotContain("aria-invalid");
    }

    @Test
    void theListOfReportsTheRegisterAndTheAuditTrailSayWhatIsWrongWithAYearOrDate() {
        refusedAt(
                WebSession.anonymous(port).get("/regioperspectief?year=20x4"),
                "year",
                "Vul het jaar in met vier cijfers");

        WebSession careOffice = WebSession.loggedIn(port, "zorgkantoor.haaglanden", "demo-wachtwoord");
        refusedAt(careOffice.get("/regions/ZK10/register?year=1850"), "year", "Over 1850 zijn er geen gegevens.")
                .contains("value=\"1850\"");

        WebSession admin = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        refusedAt(
                        admin.get("/admin/audit?from=31-02-2024&actor=beheerder"),
                        "from",
                        "Vul de eerste datum in als een bestaande datum")
                .contains("value=\"31-02-2024\"")
                .contains("value=\"beheerder\"");
        refusedAt(
                        admin.get("/admin/audit?from=2024-06-01&to=01-01-2024"),
                        "to",
                        "De datum &#39;tot en met&#39; ligt vóór de datum &#39;vanaf&#39;.")
                .contains("value=\"2024-06-01\"")
                .contains("value=\"01-01-2024\"");
        refusedAt(admin.get("/admin/audit?action=HACK"), "action", "Kies een actie uit de lijst.");
    }
}
