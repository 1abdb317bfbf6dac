package nl.regiomonitor.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;

/** A load balancer asks /actuator/health anonymously; nothing else of the actuator is open. */
class HealthEndpointTest extends IntegrationTest {

    private static final String[] CLOSED = {
        "/actuator",
        "/actuator/env",
        "/actuator/beans",
        "/actuator/metrics",
        "/actuator/info",
        "/actuator/configprops",
        "/actuator/heapdump"
    };

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    PublicationService publications;

    @Test
    void healthAnswersAnonymouslyWithTheDatabaseAndThePublicationVersionOnly() throws Exception {
        long version = publications.awaitCurrent().orElseThrow().version();
        WebSession.Response answer = WebSession.anonymous(port).getJson("/actuator/health");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode health = json.readTree(answer.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        // the probes' own states say only UP or DOWN; the database only its status
        assertThat(health.get("components").properties())
                .extracting(entry -> entry.getKey())
                .containsExactlyInAnyOrder("db", "publication", "livenessState", "readinessState");
        for (String statusOnly : new String[] {"db", "livenessState", "readinessState"}) {
            assertThat(health.get("components").get(statusOnly).properties())
                    .extracting(entry -> entry.getKey())
                    .as(statusOnly)
                    .containsExactly("status");
            assertThat(health.get("components").get(statusOnly).get("status").asText())
                    .as(statusOnly)
                    .isEqualTo("UP");
        }
        assertThat(health.at("/components/publication/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/publication/details/version").asLong())
                .isEqualTo(version);
        assertThat(health.at("/components/publication/details").size()).isEqualTo(1);
        assertThat(answer.body()).doesNotContain("/tmp", "diskSpace", "path", "ping", "PostgreSQL");
    }

    @Test
    void theProbesAnswerAnonymously() {
        WebSession visitor = WebSession.anonymous(port);
        assertThat(visitor.getJson("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(visitor.getJson("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void theApiDescriptionListsHealthInDutch() throws Exception {
        JsonNode docs =
                json.readTree(WebSession.anonymous(port).getJson("/v3/api-docs").body());
        JsonNode health = docs.get("paths").get("/actuator/health").get("get");
        assertThat(health.get("summary").asText()).startsWith("Gezondheid voor een load balancer");
        assertThat(health.get("description").asText()).contains("/actuator/health/readiness");
        assertThat(health.get("security")).isEmpty();
        assertThat(docs.get("paths").properties())
                .extracting(entry -> entry.getKey())
                .filteredOn(path -> path.startsWith("/actuator"))
                .containsExactly("/actuator/health");
        assertThat(docs.toString()).doesNotContain("Actuator web endpoint").contains("/api/v1/regions");
    }

    @Test
    void everyOtherActuatorPathIsClosedToVisitorsAndUsersWithoutBeheerder() throws Exception {
        WebSession visitor = WebSession.anonymous(port);
        WebSession national = WebSession.loggedIn(port, "landelijk", "demo-wachtwoord");
        for (String path : CLOSED) {
            WebSession.Response anonymous = visitor.getJson(path);
            assertThat(anonymous.status()).as("anonymous " + path).isEqualTo(401);
            assertThat(json.readTree(anonymous.body()).get("message").asText())
                    .as(path)
                    .isNotBlank();
            WebSession.Response refused = national.getJson(path);
            assertThat(refused.status()).as("landelijk " + path).isEqualTo(403);
            assertThat(json.readTree(refused.body()).get("message").asText())
                    .as(path)
                    .isNotBlank();
        }
        // the administrator passes the rule, but these endpoints are not switched on: the index lists health only
        WebSession administrator = WebSession.loggedIn(port, "beheerder", "demo-wachtwoord");
        for (String path : CLOSED) {
            WebSession.Response answer = administrator.getJson(path);
            if (path.equals("/actuator")) {
                assertThat(json.readTree(answer.body()).get("_links").properties())
                        .extracting(entry -> entry.getKey())
                        .allMatch(link -> link.equals("self") || link.startsWith("health"));
            } else {
                assertThat(answer.status()).as("beheerder " + path).isEqualTo(404);
            }
        }
    }
}
