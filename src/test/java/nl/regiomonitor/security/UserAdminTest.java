package nl.regiomonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.regiomonitor.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The user pages over HTTP, as a logged-in administrator's browser uses them: form posts with the CSRF token. */
class UserAdminTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String PASSWORD = "beheer-wachtwoord-1";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AuditService audit;
    @Autowired
    PasswordEncoder passwords;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void administratorAddsChangesResetsAndDeletesAUser() throws Exception {
        logIn("web.beheerder", Grant.national(Role.BEHEERDER));

        HttpResponse<String> page = get("/admin/users");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Gebruikers</h1>").contains("web.beheerder").contains("Gebruiker toevoegen");

        HttpResponse<String> refused = post("/admin/users", List.of(Map.entry("username", "web.nieuw"),
                Map.entry("displayName", "Nieuwe Gebruiker"), Map.entry("password", "te-kort"),
                Map.entry("grants", "ZORGKANTOOR:ZK02")));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("role=\"alert\"").contains("Een wachtwoord heeft minstens 12 tekens.")
                .contains("id=\"password-error\"").contains("aria-describedby=\"password-hint password-error\"")
                .contains("value=\"web.nieuw\"").contains("value=\"Nieuwe Gebruiker\"")
                .containsPattern("value=\"ZORGKANTOOR:ZK02\"\\s+checked")
                .doesNotContain("te-kort");
        assertThat(users.find("web.nieuw")).isEmpty();

        HttpResponse<String> created = post("/admin/users", List.of(Map.entry("username", "web.nieuw"),
                Map.entry("displayName", "Nieuwe Gebruiker"), Map.entry("password", "nieuw-wachtwoord-1"),
                Map.entry("grants", "ZORGKANTOOR:ZK02"), Map.entry("grants", "GEMEENTE:ZK02")));
        assertThat(created.statusCode()).isEqualTo(302);
        AppUser user = users.find("web.nieuw").orElseThrow();
        assertThat(location(created)).endsWith("/admin/users/" + user.id());
        assertThat(user.grants()).containsExactlyInAnyOrder(new Grant(Role.ZORGKANTOOR, "ZK02"), new Grant(Role.GEMEENTE, "ZK02"));
        assertThat(get("/admin/users/" + user.id()).body()).contains("Gebruiker web.nieuw is toegevoegd.")
                .containsPattern("value=\"GEMEENTE:ZK02\"\\s+checked");

        HttpResponse<String> changed = post("/admin/users/" + user.id(), List.of(Map.entry("displayName", "Gewijzigde Naam"),
                Map.entry("grants", "LANDELIJK")));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(location(changed)).endsWith("/admin/users/" + user.id());
        AppUser after = users.find(user.id()).orElseThrow();
        assertThat(after.displayName()).isEqualTo("Gewijzigde Naam");
        assertThat(after.enabled()).as("box 'actief' not ticked").isFalse();
        assertThat(after.grants()).containsExactly(Grant.national(Role.LANDELIJK));

        HttpResponse<String> reset = post("/admin/users/" + user.id() + "/password", List.of(Map.entry("password", "ander-wachtwoord-2")));
        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(passwords.matches("ander-wachtwoord-2", users.find(user.id()).orElseThrow().passwordHash())).isTrue();

        HttpResponse<String> unconfirmed = post("/admin/users/" + user.id() + "/delete", List.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(200);
        assertThat(unconfirmed.body()).contains("Vink aan dat u gebruiker web.nieuw echt wilt verwijderen.");
        assertThat(users.find(user.id())).isPresent();

        HttpResponse<String> deleted = post("/admin/users/" + user.id() + "/delete", List.of(Map.entry("confirm", "true")));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(location(deleted)).endsWith("/admin/users");
        assertThat(users.find(user.id())).isEmpty();
        assertThat(get("/admin/users").body()).contains("Gebruiker web.nieuw is verwijderd.");
        assertThat(get("/admin/users/" + user.id()).statusCode()).isEqualTo(404);

        List<AuditEvent> trail = audit.search(AuditFilter.all(), 200).stream()
                .filter(e -> "web.nieuw".equals(e.subjectId())).sorted(Comparator.comparingLong(AuditEvent::id)).toList();
        assertThat(trail).extracting(AuditEvent::action)
                .containsExactly(AuditAction.CREATE, AuditAction.CHANGE, AuditAction.CHANGE, AuditAction.DELETE);
        assertThat(trail).extracting(AuditEvent::actor).containsOnly("web.beheerder");
        AuditEvent change = trail.get(1);
        assertThat(change.before().get("naam").asText()).isEqualTo("Nieuwe Gebruiker");
        assertThat(change.after().get("naam").asText()).isEqualTo("Gewijzigde Naam");
        assertThat(change.before().get("actief").asBoolean()).isTrue();
        assertThat(change.after().get("actief").asBoolean()).isFalse();
        assertThat(change.after().get("rollen").toString()).contains("Landelijk");
        assertThat(trail.get(2).summary()).contains("Wachtwoord");
        assertThat(trail.get(2).after().toString()).doesNotContain("ander-wachtwoord-2");
        assertThat(trail.get(3).before().get("naam").asText()).isEqualTo("Gewijzigde Naam");
    }

    @Test
    void onlyAnAdministratorMayManageUsers() throws Exception {
        logIn("web.zorgkantoor", new Grant(Role.ZORGKANTOOR, "ZK02"));
        assertThat(get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(post("/admin/users", List.of(Map.entry("username", "web.indringer"), Map.entry("displayName", "X"),
                Map.entry("password", "indringer-wachtwoord"), Map.entry("grants", "BEHEERDER"))).statusCode()).isEqualTo(403);
        assertThat(users.find("web.indringer")).isEmpty();
    }

    /** Creates the user (when a test before has not) and logs in through the login form. */
    private void logIn(String username, Grant grant) throws Exception {
        if (users.find(username).isEmpty()) {
            users.create(username, "Test " + username, PASSWORD, List.of(grant));
        }
        HttpResponse<String> login = post("/login", List.of(Map.entry("username", username), Map.entry("password", PASSWORD)));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(location(login)).doesNotContain("/login");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Posts a form with the CSRF token a page of this session carries. */
    private HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(get("/login").body());
        assertThat(token.find()).as("CSRF token on the page").isTrue();
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("_csrf", token.group(1)));
        String body = all.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}
