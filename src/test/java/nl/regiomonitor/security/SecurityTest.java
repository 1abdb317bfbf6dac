package nl.regiomonitor.security;

import static nl.regiomonitor.security.SecurityFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;

/** CSRF, Basic credentials only under the API, password rules, headers and cookies, and what a refused or failing request shows. */
class SecurityTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFormWithoutCsrfTokenIsRefusedAndChangesNothing() {
        WebSession admin = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        int before = users.list().size();
        Response refused = admin.postFormWithoutToken(
                "/admin/users",
                Map.of(
                        "username",
                        "csrf.slachtoffer",
                        "displayName",
                        "Zonder token",
                        "password",
                        PASSWORD,
                        "nationalRoles",
                        "BEHEERDER"));
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

    @Test
    void basicCredentialsCountOnlyUnderTheApiSoAPageFormAlwaysNeedsTheSessionAndToken() {
        int before = users.list().size();
        WebSession basic = WebSession.basic(port, "beheerder", "demo-wachtwoord");
        Response forged = basic.postFormWithoutToken(
                "/admin/users",
                Map.of(
                        "username",
                        "basic.slachtoffer",
                        "displayName",
                        "Via Basic",
                        "password",
                        PASSWORD,
                        "grants",
                        "BEHEERDER"));
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
        for (String trivial : List.of(
                " ".repeat(12),
                "aaaaaaaaaaaa",
                "wachtwoord123",
                "Welkom123456!",
                "123456789012",
                "qwertyuiopas",
                "zwak.gebruiker1",
                "passwordpassword")) {
            Response refused = admin.postForm(
                    "/admin/users",
                    Map.of(
                            "username",
                            "zwak.gebruiker",
                            "displayName",
                            "Zwak",
                            "password",
                            trivial,
                            "grants",
                            "BEHEERDER"));
            assertThat(refused.status()).as("'" + trivial + "'").isEqualTo(200);
            assertThat(refused.body())
                    .as("'" + trivial + "'")
                    .contains("password-error")
                    .containsAnyOf("wachtwoord", "Wachtwoord");
            assertThat(users.find("zwak.gebruiker")).as("'" + trivial + "'").isEmpty();
        }
        assertThat(admin.postForm(
                                "/admin/users",
                                Map.of(
                                        "username",
                                        "sterk.gebruiker",
                                        "displayName",
                                        "Sterk",
                                        "password",
                                        "paarse olifanten dansen traag",
                                        "grants",
                                        "BEHEERDER"))
                        .status())
                .isEqualTo(302);
    }

    @Test
    void theSessionCookieIsSecureWhenTheProxySaysHttps() {
        HttpHeaders overTls = loginHeaders("https");
        assertThat(overTls.allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c)
                        .startsWith("JSESSIONID=")
                        .contains("Secure")
                        .contains("HttpOnly"));
        assertThat(loginHeaders(null).allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").doesNotContain("Secure"));
    }

    /** The headers of the login page, through a proxy that says it was reached over {@code proto} (null: no proxy). */
    private HttpHeaders loginHeaders(String proto) {
        HttpRequest.Builder page = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"));
        if (proto != null) {
            page.header("X-Forwarded-Proto", proto);
        }
        try {
            return HttpClient.newHttpClient()
                    .send(page.build(), HttpResponse.BodyHandlers.discarding())
                    .headers();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        Response page = WebSession.anonymous(port).get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline")
                .contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        Response login = WebSession.anonymous(port).login("beheerder", "demo-wachtwoord");
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
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
        assertThat(answers)
                .extracting(Response::status)
                .containsExactly(404, 400, 400, 404, 400, 404, 400, 400, 302, 401, 500, 500);
        for (Response answer : answers) {
            assertThat(answer.body())
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ")
                    .doesNotContain("org.")
                    .doesNotContain("import_run")
                    .doesNotContain("SQL")
                    // a query, not the <select> of a form that came back with the reason at its field
                    .doesNotContainPattern("(?i)select\\s+(\\*|[a-z_]+(,\\s*[a-z_]+)*)\\s+from\\s")
                    .doesNotContain("trace");
        }
        assertThat(answers.get(0).body()).contains("Pagina niet gevonden");
        assertThat(answers.get(2).body())
                .as("the filter again, with the reason at the date")
                .contains("Vul de eerste datum in")
                .contains("value=\"gisteren\"");
        assertThat(answers.get(10).body()).contains("Door een technische fout");
        assertThat(answers.get(11).body()).contains("\"message\"");
    }
}
