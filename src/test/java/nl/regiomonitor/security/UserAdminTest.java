package nl.regiomonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;

/** The user pages over HTTP, as a logged-in administrator's browser uses them: form posts with the CSRF token. */
class UserAdminTest extends IntegrationTest {

    private static final String PASSWORD = "beheer-wachtwoord-1";

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    AuditService audit;

    @Autowired
    PasswordEncoder passwords;

    private WebSession session;

    @Test
    void administratorAddsChangesResetsAndDeletesAUser() {
        logIn("web.beheerder", Grant.national(Role.BEHEERDER));

        Response page = get("/admin/users");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Gebruikers</h1>")
                .contains("web.beheerder")
                .contains("Gebruiker toevoegen");

        Response refused = post(
                "/admin/users",
                List.of(
                        Map.entry("username", "web.nieuw"),
                        Map.entry("displayName", "Nieuwe Gebruiker"),
                        Map.entry("password", "te-kort"),
                        Map.entry("grants", "ZORGKANTOOR:ZK02")));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("role=\"alert\"")
                .contains("Een wachtwoord heeft minstens 12 tekens.")
                .contains("id=\"password-error\"")
                .contains("aria-describedby=\"password-hint password-error\"")
                .contains("value=\"web.nieuw\"")
                .contains("value=\"Nieuwe Gebruiker\"")
                .containsPattern("value=\"ZORGKANTOOR:ZK02\"\\s+checked")
                .doesNotContain("te-kort");
        assertThat(users.find("web.nieuw")).isEmpty();

        Response created = post(
                "/admin/users",
                List.of(
                        Map.entry("username", "web.nieuw"),
                        Map.entry("displayName", "Nieuwe Gebruiker"),
                        Map.entry("organisation", " Gemeente Leeuwarden "),
                        Map.entry("password", "nieuw-wachtwoord-1"),
                        Map.entry("grants", "ZORGKANTOOR:ZK02"),
                        Map.entry("grants", "GEMEENTE:ZK02")));
        assertThat(created.status()).isEqualTo(302);
        AppUser user = users.find("web.nieuw").orElseThrow();
        assertThat(created.location()).endsWith("/admin/users/" + user.id());
        assertThat(user.grants())
                .containsExactlyInAnyOrder(new Grant(Role.ZORGKANTOOR, "ZK02"), new Grant(Role.GEMEENTE, "ZK02"));
        assertThat(user.organisation()).isEqualTo("Gemeente Leeuwarden");
        assertThat(users.organisations("ZK02")).contains("Gemeente Leeuwarden");
        assertThat(get("/admin/users/" + user.id()).body())
                .contains("Gebruiker web.nieuw is toegevoegd.")
                .containsPattern("value=\"GEMEENTE:ZK02\"\\s+checked")
                .contains("value=\"Gemeente Leeuwarden\"");

        Response changed = post(
                "/admin/users/" + user.id(),
                List.of(Map.entry("displayName", "Gewijzigde Naam"), Map.entry("grants", "LANDELIJK")));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(changed.location()).endsWith("/admin/users/" + user.id());
        AppUser after = users.find(user.id()).orElseThrow();
        assertThat(after.displayName()).isEqualTo("Gewijzigde Naam");
        assertThat(after.enabled()).as("box 'actief' not ticked").isFalse();
        assertThat(after.grants()).containsExactly(Grant.national(Role.LANDELIJK));

        Response reset =
                post("/admin/users/" + user.id() + "/password", List.of(Map.entry("password", "ander-wachtwoord-2")));
        assertThat(reset.status()).isEqualTo(302);
        assertThat(passwords.matches(
                        "ander-wachtwoord-2",
                        users.find(user.id()).orElseThrow().passwordHash()))
                .isTrue();

        Response unconfirmed = post("/admin/users/" + user.id() + "/delete", List.of());
        assertThat(unconfirmed.status()).isEqualTo(200);
        assertThat(unconfirmed.body()).contains("Vink aan dat u gebruiker web.nieuw echt wilt verwijderen.");
        assertThat(users.find(user.id())).isPresent();

        Response deleted = post("/admin/users/" + user.id() + "/delete", List.of(Map.entry("confirm", "true")));
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(deleted.location()).endsWith("/admin/users");
        assertThat(users.find(user.id())).isEmpty();
        assertThat(get("/admin/users").body()).contains("Gebruiker web.nieuw is verwijderd.");
        assertThat(get("/admin/users/" + user.id()).status()).isEqualTo(404);

        List<AuditEvent> trail = audit.search(AuditFilter.all(), 200).stream()
                .filter(e -> "web.nieuw".equals(e.subjectId()))
                .sorted(Comparator.comparingLong(AuditEvent::id))
                .toList();
        assertThat(trail)
                .extracting(AuditEvent::action)
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
    void anAdministratorCannotTakeAwayTheirOwnAdministration() {
        logIn("web.beheerder", Grant.national(Role.BEHEERDER));
        AppUser self = users.find("web.beheerder").orElseThrow();
        Response refused = post(
                "/admin/users/" + self.id(),
                List.of(
                        Map.entry("displayName", "Zelf"),
                        Map.entry("enabled", "true"),
                        Map.entry("grants", "LANDELIJK")));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("U kunt uw eigen beheerdersrol niet weghalen");
        assertThat(users.find(self.id()).orElseThrow().grants()).containsExactly(Grant.national(Role.BEHEERDER));
        assertThat(get("/admin/users").status()).isEqualTo(200);
    }

    @Test
    void onlyAnAdministratorMayManageUsers() {
        logIn("web.zorgkantoor", new Grant(Role.ZORGKANTOOR, "ZK02"));
        assertThat(get("/admin/users").status()).isEqualTo(403);
        assertThat(post(
                                "/admin/users",
                                List.of(
                                        Map.entry("username", "web.indringer"),
                                        Map.entry("displayName", "X"),
                                        Map.entry("password", "indringer-wachtwoord"),
                                        Map.entry("grants", "BEHEERDER")))
                        .status())
                .isEqualTo(403);
        assertThat(users.find("web.indringer")).isEmpty();
    }

    /** Creates the user (when a test before has not) and logs in through the login form. */
    private void logIn(String username, Grant grant) {
        if (users.find(username).isEmpty()) {
            users.create(username, "Test " + username, null, PASSWORD, List.of(grant));
        }
        session = WebSession.loggedIn(port, username, PASSWORD);
    }

    private Response get(String path) {
        return session.get(path);
    }

    private Response post(String path, List<Map.Entry<String, String>> fields) {
        return session.postForm(path, fields);
    }
}
