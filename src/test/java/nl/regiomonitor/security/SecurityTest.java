package nl.regiomonitor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Login, throttling, CSRF, headers, the audit trail, and what a refused or failing request shows. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityTest extends IntegrationTest {

    private static final String PASSWORD = "een-lang-test-wachtwoord";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;

    private List<AuditEvent> trailOf(String actor) {
        return audit.search(new AuditFilter(null, actor, null, null, null, null), 100);
    }

    @Test
    void aFormWithoutCsrfTokenIsRefusedAndChangesNothing() {
        WebSession admin = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        int before = users.list().size();
        Response refused = admin.postFormWithoutToken("/admin/users", Map.of("username", "csrf.slachtoffer",
                "displayName", "Zonder token", "password", PASSWORD, "nationalRoles", "BEHEERDER"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Het formulier is verlopen of komt niet van deze website");
        assertThat(users.list()).hasSize(before);
        assertThat(users.find("csrf.slachtoffer")).isEmpty();

        Response forgedUpload = admin.postFormWithoutToken("/imports", Map.of("region", "ZK10"));
        assertThat(forgedUpload.status()).isEqualTo(403);
        assertThat(forgedUpload.body()).contains("Het formulier is verlopen");
        // an API call riding on the session cookie needs the token too
        Response forgedApi = admin.postFormWithoutToken("/api/v1/imports", Map.of("type", "waitlist"));
        assertThat(forgedApi.status()).isEqualTo(403);
        assertThat(forgedApi.body()).contains("\"message\"").contains("Het formulier is verlopen");
    }

    /**
     * Seven wrong guesses for {@code name} from {@code address}, each counted (the sixth and seventh after the
     * delay before them): the next attempt is then held back for 4 seconds, long enough for a slow machine.
     */
    private void guessSevenTimes(String name, String address) throws InterruptedException {
        WebSession attacker = WebSession.anonymous(port).from(address);
        for (int attempt = 1; attempt <= 7; attempt++) {
            if (attempt == 6) {
                Thread.sleep(1100);
            } else if (attempt == 7) {
                Thread.sleep(2100);
            }
            assertThat(attacker.login(name, "fout-wachtwoord-" + attempt).location()).as("poging " + attempt).endsWith("/login?fout");
        }
    }

    @Test
    void wrongGuessesSlowTheAttackerDownButNeverKeepTheOwnerOut() throws Exception {
        users.create("slot.test", "Slot Test", null, PASSWORD, List.of(new Grant(Role.GEMEENTE, "ZK10")));
        guessSevenTimes("slot.test", "203.0.113.10");
        // right after the guesses even the right password is not heard, and gets the answer of a wrong one
        assertThat(WebSession.anonymous(port).from("198.51.100.20").login("slot.test", PASSWORD).location()).endsWith("/login?fout");
        assertThat(WebSession.basic(port, "slot.test", PASSWORD).from("198.51.100.21").getJson("/api/v1/plans").status()).isEqualTo(401);
        // once the delay has passed the owner gets in: no lock to wait out, however long the guessing went on
        Thread.sleep(4100);
        assertThat(WebSession.anonymous(port).from("198.51.100.20").login("slot.test", PASSWORD).location()).doesNotContain("/login");
        // the old lockout: one wrong guess now and then kept the account locked for good; now the owner is never kept out
        WebSession attacker = WebSession.anonymous(port).from("203.0.113.10");
        for (int round = 0; round < 3; round++) {
            assertThat(attacker.login("slot.test", "af-en-toe-" + round).location()).endsWith("/login?fout");
            assertThat(WebSession.anonymous(port).from("198.51.100.20").login("slot.test", PASSWORD).location())
                    .as("ronde " + round).doesNotContain("/login");
        }
        assertThat(trailOf("slot.test")).filteredOn(e -> e.action() == AuditAction.LOGIN_FAILED)
                .anySatisfy(e -> assertThat(e.summary()).contains("te snel na eerdere mislukte pogingen"))
                .anySatisfy(e -> assertThat(e.summary()).contains("onjuist wachtwoord"));
    }

    @Test
    void everyFailedLoginGetsOneAndTheSameAnswer() throws Exception {
        users.create("uit.test", "Uit Test", null, PASSWORD, List.of(new Grant(Role.GEMEENTE, "ZK10")));
        users.setEnabled(users.find("uit.test").orElseThrow().id(), false);
        users.create("traag.test", "Traag Test", null, PASSWORD, List.of(new Grant(Role.GEMEENTE, "ZK10")));
        users.create("fout.test", "Fout Test", null, PASSWORD, List.of(new Grant(Role.GEMEENTE, "ZK10")));
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("vertraagd", new String[]{"traag.test", PASSWORD}); // first, while the delay lasts
        cases.put("onbekend", new String[]{"niemand.bekend", PASSWORD});
        cases.put("onjuist", new String[]{"fout.test", "fout-wachtwoord-123"});
        cases.put("uitgeschakeld", new String[]{"uit.test", PASSWORD});
        guessSevenTimes("traag.test", "203.0.113.30");
        Set<String> pageAnswers = new HashSet<>();
        Set<String> apiAnswers = new HashSet<>();
        int n = 0;
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            String address = "198.51.100." + (100 + n++);
            WebSession visitor = WebSession.anonymous(port).from(address);
            Response form = visitor.login(c.getValue()[0], c.getValue()[1]);
            Response api = WebSession.basic(port, c.getValue()[0], c.getValue()[1]).from(address).getJson("/api/v1/plans");
            assertThat(form.location()).as(c.getKey()).endsWith("/login?fout");
            pageAnswers.add(form.status() + " " + form.location() + " " + visitor.get(form.location().replaceFirst("^https?://[^/]+", ""))
                    .body().replaceAll("content=\"[^\"]*\"", "").replaceAll("value=\"[^\"]*\"", ""));
            apiAnswers.add(api.status() + " " + api.headers().firstValue("WWW-Authenticate").orElse("") + " " + api.body());
        }
        assertThat(pageAnswers).hasSize(1);
        assertThat(apiAnswers).hasSize(1);
        assertThat(apiAnswers.iterator().next()).startsWith("401");
        assertThat(pageAnswers.iterator().next()).contains("Inloggen is niet gelukt").doesNotContain("uitgeschakeld")
                .doesNotContain("geblokkeerd");
        // the trail says why
        assertThat(trailOf("uit.test")).anySatisfy(e -> assertThat(e.summary()).contains("account uitgeschakeld"));
        assertThat(trailOf("traag.test")).anySatisfy(e -> assertThat(e.summary()).contains("te snel"));
    }

    @Test
    void basicCredentialsCountOnlyUnderTheApiSoAPageFormAlwaysNeedsTheSessionAndToken() {
        int before = users.list().size();
        WebSession basic = WebSession.basic(port, "beheerder", "demo-wachtwoord");
        Response forged = basic.postFormWithoutToken("/admin/users", Map.of("username", "basic.slachtoffer",
                "displayName", "Via Basic", "password", PASSWORD, "grants", "BEHEERDER"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("Het formulier is verlopen");
        assertThat(users.find("basic.slachtoffer")).isEmpty();
        assertThat(users.list()).hasSize(before);
        // a page is not opened with Basic either; the API still is
        assertThat(basic.get("/admin/users").location()).endsWith("/login");
        assertThat(basic.getJson("/api/v1/plans").status()).isEqualTo(200);
    }

    @Test
    void trivialPasswordsAreRefusedInDutchOnThePage() {
        WebSession admin = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        for (String trivial : List.of(" ".repeat(12), "aaaaaaaaaaaa", "wachtwoord123", "Welkom123456!", "123456789012",
                "qwertyuiopas", "zwak.gebruiker1", "passwordpassword")) {
            Response refused = admin.postForm("/admin/users", Map.of("username", "zwak.gebruiker", "displayName", "Zwak",
                    "password", trivial, "grants", "BEHEERDER"));
            assertThat(refused.status()).as("'" + trivial + "'").isEqualTo(200);
            assertThat(refused.body()).as("'" + trivial + "'").contains("password-error").containsAnyOf("wachtwoord", "Wachtwoord");
            assertThat(users.find("zwak.gebruiker")).as("'" + trivial + "'").isEmpty();
        }
        assertThat(admin.postForm("/admin/users", Map.of("username", "sterk.gebruiker", "displayName", "Sterk",
                "password", "paarse olifanten dansen traag", "grants", "BEHEERDER")).status()).isEqualTo(302);
    }

    @Test
    void theAuditCsvIsDownloadedWholeWithoutABrokenStream(CapturedOutput output) {
        WebSession admin = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        Response csv = admin.getAny("/admin/audit.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFnummer;tijdstip").contains("Ingelogd");
        assertThat(output.getAll()).doesNotContain("Stream closed");
    }

    @Test
    void theSessionCookieIsSecureWhenTheProxySaysHttps() {
        HttpHeaders overTls = loginHeaders("https");
        assertThat(overTls.allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure")
                .contains("HttpOnly"));
        assertThat(loginHeaders(null).allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .doesNotContain("Secure"));
    }

    /** The headers of the login page, through a proxy that says it was reached over {@code proto} (null: no proxy). */
    private HttpHeaders loginHeaders(String proto) {
        HttpRequest.Builder page = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"));
        if (proto != null) {
            page.header("X-Forwarded-Proto", proto);
        }
        try {
            return HttpClient.newHttpClient().send(page.build(), HttpResponse.BodyHandlers.discarding()).headers();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyKindOfEventIsInTheTrailWithBeforeAndAfterValues() throws Exception {
        WebSession.loggedIn(port, "zorgkantoor.amstelland", "demo-wachtwoord");
        WebSession.anonymous(port).login("zorgkantoor.amstelland", "verkeerd-wachtwoord");
        assertThat(trailOf("zorgkantoor.amstelland")).extracting(AuditEvent::action)
                .contains(AuditAction.LOGIN, AuditAction.LOGIN_FAILED);

        AppUser created = users.create("audit.test", "Audit Test", "Zorgaanbieder Oost", PASSWORD,
                List.of(new Grant(Role.AANBIEDER, "ZK01")));
        users.change(created.id(), "Audit Test (gewijzigd)", "Zorgaanbieder West", true, List.of(new Grant(Role.AANBIEDER, "ZK10")));
        users.delete(created.id());
        List<AuditEvent> userEvents = audit.search(new AuditFilter(null, null, null, null, null, "audit.test"), 10);
        AuditEvent create = userEvents.stream().filter(e -> e.action() == AuditAction.CREATE).findFirst().orElseThrow();
        assertThat(create.before()).isNull();
        assertThat(create.after().get("naam").asText()).isEqualTo("Audit Test");
        AuditEvent change = userEvents.stream().filter(e -> e.action() == AuditAction.CHANGE).findFirst().orElseThrow();
        assertThat(change.before().get("naam").asText()).isEqualTo("Audit Test");
        assertThat(change.before().get("rollen").toString()).contains("Zorgaanbieder ZK01");
        assertThat(change.after().get("naam").asText()).isEqualTo("Audit Test (gewijzigd)");
        assertThat(change.after().get("rollen").toString()).contains("Zorgaanbieder ZK10");
        assertThat(change.before().get("organisatie").asText()).isEqualTo("Zorgaanbieder Oost");
        assertThat(change.after().get("organisatie").asText()).isEqualTo("Zorgaanbieder West");
        AuditEvent delete = userEvents.stream().filter(e -> e.action() == AuditAction.DELETE).findFirst().orElseThrow();
        assertThat(delete.before().get("gebruikersnaam").asText()).isEqualTo("audit.test");
        assertThat(delete.after()).isNull();
        assertThat(userEvents.toString()).doesNotContain("{bcrypt}").doesNotContain(PASSWORD);

        Response started = WebSession.basic(port, "zorgkantoor.amstelland", "demo-wachtwoord").postFile(
                "/api/v1/imports?region=ZK01", Map.of("type", "waitlist"), "audit-wachtlijst.csv",
                "snapshot_date;client_id;region_code;profile_code;wait_status\n2024-06-30;AUDITWAIT1;ZK01;GGZ03W;ACTIEF\n");
        assertThat(started.status()).isEqualTo(202);
        AuditEvent imported = awaitEvent("audit-wachtlijst.csv");
        assertThat(imported.action()).isEqualTo(AuditAction.IMPORT);
        assertThat(imported.actor()).isEqualTo("zorgkantoor.amstelland");
        assertThat(imported.region()).isEqualTo("ZK01");
        assertThat(imported.after().get("status").asText()).isEqualTo("LOADED");

        // the trail is append-only, whatever goes around the application
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'iemand' where id = ?", imported.id()))
                .hasMessageContaining("audittrail kan niet worden gewijzigd");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", imported.id()))
                .hasMessageContaining("audittrail kan niet worden gewijzigd");
    }

    private AuditEvent awaitEvent(String text) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<AuditEvent> found = audit.search(new AuditFilter(null, null, null, null, null, text), 1);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Geen auditregel met " + text);
    }

    @Test
    void theAuditTrailPageFiltersAndExportsAsCsvForTheRightPeopleOnly() {
        WebSession admin = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        Response filtered = admin.get("/admin/audit?action=LOGIN&actor=beheerder");
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.body()).contains("Ingelogd").doesNotContain("Geïmporteerd</td>");
        Response csv = admin.get("/admin/audit.csv?action=IMPORT");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFnummer;tijdstip;wie;actie").contains("demo-indications.csv")
                .doesNotContain("Ingelogd");

        WebSession careOffice = WebSession.loggedIn(port, "zorgkantoor.haaglanden", "demo-wachtwoord");
        assertThat(careOffice.get("/regions/ZK10/audit").status()).isEqualTo(200);
        assertThat(careOffice.get("/regions/ZK10/audit.csv").status()).isEqualTo(200);
        assertThat(careOffice.get("/regions/ZK01/audit").status()).isEqualTo(403);
        assertThat(careOffice.get("/admin/audit").status()).isEqualTo(403);
        assertThat(WebSession.loggedIn(port, "landelijk", "demo-wachtwoord").get("/regions/ZK10/audit").status()).isEqualTo(403);
        assertThat(WebSession.anonymous(port).get("/admin/audit.csv").location()).endsWith("/login");
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        Response page = WebSession.anonymous(port).get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        Response login = WebSession.anonymous(port).login("beheerder", "demo-wachtwoord");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void errorsShowADutchMessageAndNeverAStackTraceOrSql() {
        WebSession admin = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        WebSession api = WebSession.basic(port, "beheerder", "demo-wachtwoord");
        List<Response> answers = new ArrayList<>(List.of(
                admin.get("/bestaat-niet"),
                admin.get("/imports/geen-nummer"),
                admin.get("/admin/audit?from=gisteren"),
                admin.get("/regions/ZK99/admin"),
                api.getJson("/api/v1/imports/geen-nummer"),
                api.getJson("/api/v1/imports/999999"),
                api.getJson("/api/v1/imports?region=ZK99"),
                api.postFile("/api/v1/imports", Map.of("type", "onbekend"), "x.csv", "a\n"),
                WebSession.anonymous(port).login("naam\u0000met-nul", "x"),
                WebSession.basic(port, "beheerder", "fout").getJson("/api/v1/imports")));
        // a real failure deep down: the table the page reads is briefly gone
        jdbc.execute("alter table import_run rename to import_run_weg");
        try {
            answers.add(admin.get("/imports"));
            answers.add(api.getJson("/api/v1/imports"));
        } finally {
            jdbc.execute("alter table import_run_weg rename to import_run");
        }
        assertThat(answers).extracting(Response::status)
                .containsExactly(404, 400, 400, 404, 400, 404, 400, 400, 302, 401, 500, 500);
        for (Response answer : answers) {
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.")
                    .doesNotContain("import_run").doesNotContain("SQL")
                    // a query, not the <select> of a form that came back with the reason at its field
                    .doesNotContainPattern("(?i)select\\s+(\\*|[a-z_]+(,\\s*[a-z_]+)*)\\s+from\\s")
                    .doesNotContain("trace");
        }
        assertThat(answers.get(0).body()).contains("Pagina niet gevonden");
        assertThat(answers.get(2).body()).as("the filter again, with the reason at the date").contains("Vul de eerste datum in")
                .contains("value=\"gisteren\"");
        assertThat(answers.get(10).body()).contains("Door een technische fout");
        assertThat(answers.get(11).body()).contains("\"message\"");
    }
}
