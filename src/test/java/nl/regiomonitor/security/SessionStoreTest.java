package nl.regiomonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;

/** Sessions live in PostgreSQL (Spring Session JDBC), so any instance behind a load balancer serves any user. */
class SessionStoreTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private long sessionsOf(String user) {
        return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class, user);
    }

    @Test
    void aLoginIsARowInTheSessionTableThatCarriesTheSession() {
        long before = sessionsOf("beheerder");
        WebSession admin = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        assertThat(sessionsOf("beheerder")).isEqualTo(before + 1);
        assertThat(admin.get("/imports").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select max(max_inactive_interval) from spring_session where principal_name = 'beheerder'",
                        Integer.class))
                .as("server.servlet.session.timeout")
                .isEqualTo(30 * 60);

        // the row is the session: without it (as on an instance that never saw the login) the user is a visitor
        jdbc.update("delete from spring_session where principal_name = 'beheerder'");
        WebSession.Response gone = admin.get("/imports");
        assertThat(gone.status()).isEqualTo(302);
        assertThat(gone.location()).contains("/login");
    }

    @Test
    void theSessionTableHoldsNoPasswordHash() {
        WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        String hash =
                jdbc.queryForObject("select password_hash from app_user where username = 'beheerder'", String.class);
        List<byte[]> attributes = jdbc.queryForList("""
                select a.attribute_bytes from spring_session_attributes a
                join spring_session s on s.primary_id = a.session_primary_id where s.principal_name = 'beheerder'""", byte[].class);
        assertThat(attributes).isNotEmpty();
        assertThat(attributes)
                .allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                        .doesNotContain(hash));
    }

    @Test
    void logoutRemovesTheRow() {
        long before = sessionsOf("zorgkantoor.haaglanden");
        WebSession user = WebSession.loggedIn(port, "zorgkantoor.haaglanden", "demo-wachtwoord");
        assertThat(sessionsOf("zorgkantoor.haaglanden")).isEqualTo(before + 1);
        WebSession.Response out = user.postForm("/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(sessionsOf("zorgkantoor.haaglanden")).isEqualTo(before);
    }
}
