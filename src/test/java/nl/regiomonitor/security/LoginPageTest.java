package nl.regiomonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;

/** The login page keeps the name of a failed attempt and says which page it guards. */
class LoginPageTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aFailedLoginKeepsTheUserNameButNeverThePassword() {
        WebSession visitor = WebSession.anonymous(port);
        Response failed = visitor.login("zorgkantoor.haaglanden", "fout-wachtwoord-123");
        assertThat(failed.location()).endsWith("/login?fout");
        String page = visitor.get("/login?fout").body();
        assertThat(page)
                .contains("Inloggen is niet gelukt")
                .containsPattern("id=\"username\"[^>]*value=\"zorgkantoor.haaglanden\"")
                .doesNotContain("fout-wachtwoord-123")
                .containsPattern("id=\"password\"[^>]*autofocus");
        assertThat(visitor.get("/login").body())
                .as("kept for the next page only")
                .doesNotContain("value=\"zorgkantoor.haaglanden\"");

        WebSession other = WebSession.anonymous(port);
        other.login("<script>alert(1)</script>", "x");
        assertThat(other.get("/login?fout").body())
                .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void aPageBehindTheLoginSaysOnTheLoginPageWhatItIs() {
        Map<String, String> pages = Map.of(
                "/plannen", "Log in om de plannen van aanpak te zien.",
                "/admin/users", "Log in om het gebruikersbeheer te zien.",
                "/regions/ZK10/admin", "Log in om het beheer van Haaglanden te zien.",
                "/regions/ZK10/register", "Log in om het register van Haaglanden te zien.",
                "/imports", "Log in om de imports van gegevens te zien.",
                "/admin/audit", "Log in om het audittrail te zien.");
        pages.forEach((path, sentence) -> {
            WebSession visitor = WebSession.anonymous(port);
            Response refused = visitor.get(path);
            assertThat(refused.status()).as(path).isEqualTo(302);
            assertThat(refused.location()).as(path).endsWith("/login");
            assertThat(visitor.get("/login").body()).as(path).contains(sentence);
        });

        WebSession plain = WebSession.anonymous(port);
        assertThat(plain.get("/login").body()).doesNotContain("Log in om");

        // an address can set nothing the page says: an unknown region or a strange path gets the plain words
        WebSession odd = WebSession.anonymous(port);
        odd.get("/regions/ZK99/admin?x=%3Cscript%3E");
        assertThat(odd.get("/login").body()).doesNotContain("ZK99").doesNotContain("<script>");
        WebSession tokens = WebSession.anonymous(port);
        tokens.get("/account/api-sleutels");
        assertThat(tokens.get("/login").body()).contains("Log in om uw API-sleutels te zien.");
    }

    @Test
    void afterLoggingInTheVisitorLandsOnThePageAskedOnThisSiteOnly() {
        WebSession visitor = WebSession.anonymous(port);
        visitor.get("/plannen");
        Response loggedIn = visitor.login("landelijk", "demo-wachtwoord");
        assertThat(loggedIn.location()).matches("(http://localhost:" + port + ")?/plannen(\\?continue)?");
        assertThat(visitor.get("/plannen").status()).isEqualTo(200);
    }
}
