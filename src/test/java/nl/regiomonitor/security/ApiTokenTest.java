package nl.regiomonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;

/** Personal API keys: made on the page or over the API, shown once, kept hashed, used as Bearer under /api/ only, revoked. */
class ApiTokenTest extends IntegrationTest {

    private static final Pattern KEY = Pattern.compile("rm_[A-Za-z0-9_-]{43}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    AuditService audit;

    @Test
    void aKeyMadeOverTheApiCallsTheApiAsItsOwnerUntilRevoked() throws Exception {
        WebSession owner = WebSession.basic(port, "zorgkantoor.haaglanden", "demo-wachtwoord");
        Response made = owner.sendJson("POST", "/api/v1/account/api-keys", "{\"name\":\"rapportagescript\"}", Map.of());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode body = json.readTree(made.body());
        String key = body.get("token").asText();
        assertThat(key).matches(KEY.pattern());
        // only the hash is stored
        assertThat(jdbc.queryForObject(
                        "select count(*) from api_token where token_hash = ?",
                        Integer.class,
                        ApiTokenService.hash(key)))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from api_token where token_hash like ?",
                        Integer.class,
                        "%" + key.substring(3, 20) + "%"))
                .isZero();

        WebSession program = WebSession.bearer(port, key);
        assertThat(program.getJson("/api/v1/plans").status()).isEqualTo(200);
        // it acts with the owner's roles: not another region's import, and no page at all
        assertThat(program.getJson("/api/v1/imports?region=ZK01").status()).isEqualTo(403);
        assertThat(program.get("/regions/ZK10/admin").location()).endsWith("/login");
        assertThat(program.postFormWithoutToken("/regions/ZK10/register/new", Map.of("title", "x"))
                        .status())
                .isEqualTo(403);

        JsonNode listed =
                json.readTree(owner.getJson("/api/v1/account/api-keys").body());
        assertThat(listed).anySatisfy(k -> {
            assertThat(k.get("name").asText()).isEqualTo("rapportagescript");
            assertThat(k.has("createdAt")).isTrue();
            assertThat(k.get("lastUsedAt")).isNotNull();
            assertThat(k.has("token")).isFalse();
        });
        assertThat(owner.getJson("/api/v1/account/api-keys").body()).doesNotContain(key);

        Response revoked = owner.sendJson(
                "DELETE", "/api/v1/account/api-keys/" + body.get("id").asLong(), "", Map.of());
        assertThat(revoked.status()).isEqualTo(204);
        Response after = program.getJson("/api/v1/plans");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.body()).contains("U bent niet ingelogd");
        assertThat(WebSession.bearer(port, "rm_verzonnen")
                        .getJson("/api/v1/plans")
                        .status())
                .isEqualTo(401);

        assertThat(audit.search(
                        AuditFilter.all().byActor("zorgkantoor.haaglanden").containing("API-sleutel"), 10))
                .anySatisfy(e ->
                        assertThat(e.summary()).contains("'rapportagescript'").contains("aangemaakt"))
                .anySatisfy(e ->
                        assertThat(e.summary()).contains("'rapportagescript'").contains("ingetrokken"));
    }

    @Test
    void aKeyMadeOnThePageIsShownOnceAndANameIsRequired() {
        WebSession session = WebSession.loggedIn(port, "gemeente.amstelland", "demo-wachtwoord");
        Response refused = session.postForm("/account/api-sleutels", Map.of("name", "  "));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("name-error").contains("Geef de sleutel een naam");

        Response made = session.postForm("/account/api-sleutels", Map.of("name", "Excel-koppeling"));
        Matcher key = KEY.matcher(made.body());
        assertThat(key.find()).isTrue();
        Response again = session.get("/account/api-sleutels");
        assertThat(again.body())
                .contains("Excel-koppeling")
                .contains("nog niet")
                .doesNotContain(key.group());
        assertThat(WebSession.bearer(port, key.group()).getJson("/api/v1/plans").status())
                .isEqualTo(200);
        // someone else's session cannot revoke it
        long id = jdbc.queryForObject(
                "select id from api_token where token_hash = ?", Long.class, ApiTokenService.hash(key.group()));
        WebSession.loggedIn(port, "gemeente.haaglanden", "demo-wachtwoord")
                .postForm("/account/api-sleutels/" + id + "/intrekken", Map.of());
        assertThat(WebSession.bearer(port, key.group()).getJson("/api/v1/plans").status())
                .isEqualTo(200);
        session.postForm("/account/api-sleutels/" + id + "/intrekken", Map.of());
        assertThat(WebSession.bearer(port, key.group()).getJson("/api/v1/plans").status())
                .isEqualTo(401);
    }
}
