package nl.regiomonitor.trend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The trend API and the Instroommonitor page on the demo data (seed 42), whose national influx falls towards 100. */
class InfluxMonitorTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void theNationalTrendFallsAndIsHeldAgainstTheAim() throws Exception {
        JsonNode answer = json.readTree(WebSession.anonymous(port)
                .getJson("/api/v1/trend/influx?region=NL&from=2023-01&to=2024-12").body());
        assertThat(answer.get("points")).hasSize(24);
        JsonNode first = answer.get("points").get(0);
        assertThat(first.get("month").asText()).isEqualTo("2023-01");
        assertThat(first.get("ciLow").asDouble()).isLessThan(first.get("count").asDouble());
        assertThat(first.get("ciHigh").asDouble()).isGreaterThan(first.get("count").asDouble());
        assertThat(answer.get("verdict").asText()).isEqualTo("DALEND");
        assertThat(answer.get("sentence").asText()).startsWith("De instroom daalt sinds");
        assertThat(answer.get("target").asDouble()).isEqualTo(100.0);
        assertThat(answer.has("stableLevel")).isTrue();
        assertThat(answer.get("rules").get("longestRunLimit").asInt()).isEqualTo(8); // round(log2(24) + 3)
    }

    @Test
    void aSmallRegionIsJudgedWithoutShowingItsSmallMonthlyCounts() throws Exception {
        WebSession visitor = WebSession.anonymous(port);
        JsonNode answer = json.readTree(visitor.getJson("/api/v1/trend/influx?region=ZK28&from=2023-01&to=2024-12").body());
        assertThat(answer.has("target")).isFalse();
        long small = 0;
        for (JsonNode point : answer.get("points")) {
            long count = point.get("count").asLong();
            if (count > 0 && count < 5) {
                small++;
            }
        }
        assertThat(small).as("months with 1 to 4 clients in the demo data of ZK28").isPositive();

        String page = visitor.get("/instroom?region=ZK28&from=2023-01&to=2024-12").body();
        assertThat(page).contains("<svg").contains("role=\"img\"").contains("class=\"verdict");
        String svg = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
        assertThat(svg).contains(": &lt;5</title>").doesNotContainPattern(": [1-4]( \\(signaal\\))?</title>");
        assertThat(visitor.getJson("/api/v1/trend/influx?region=ZK99&from=2023-01&to=2024-12").status()).isEqualTo(400);
    }
}
