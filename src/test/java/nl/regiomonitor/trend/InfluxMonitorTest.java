package nl.regiomonitor.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.InfluxFigures;
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
        assertThat(first.get("ciLow").asDouble()).isLessThan(first.get("clients").get("value").asDouble());
        assertThat(first.get("ciHigh").asDouble()).isGreaterThan(first.get("clients").get("value").asDouble());
        // every national month is shown, so the level is published too
        assertThat(answer.get("points")).allSatisfy(p -> assertThat(p.get("centre").isNull()).isFalse());
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
        long hidden = 0;
        for (JsonNode point : answer.get("points")) {
            JsonNode clients = point.get("clients");
            if (clients.path("suppressed").asBoolean(false)) {
                hidden++;
                // the value, its interval, the signal and the phase's level would each give the count back
                assertThat(clients.get("value").isNull()).isTrue();
                assertThat(clients.get("display").asText()).isIn("<5", "x");
                assertThat(point.get("ciLow").isNull()).isTrue();
                assertThat(point.get("ciHigh").isNull()).isTrue();
                assertThat(point.get("signal").isNull()).isTrue();
                assertThat(point.get("centre").isNull()).isTrue();
            } else {
                assertThat(clients.get("value").asLong()).isNotIn(1L, 2L, 3L, 4L);
            }
        }
        assertThat(hidden).as("months of ZK28 hidden in the demo data").isPositive();
        assertThat(answer.get("sentence").asText()).doesNotContainPattern("rond [0-9]");

        String page = visitor.get("/instroom?region=ZK28&from=2023-01&to=2024-12").body();
        assertThat(page).contains("<svg").contains("role=\"img\"").contains("class=\"verdict");
        String svg = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
        assertThat(svg).contains(": &lt;5 (niet getoond)</title></rect>").doesNotContainPattern(": [1-4]( \\(signaal\\))?</title>");
        assertThat(visitor.getJson("/api/v1/trend/influx?region=ZK99&from=2023-01&to=2024-12").status()).isEqualTo(400);
    }

    @Autowired
    InfluxTrend trend;
    @Autowired
    InfluxFigures influx;

    /** A joint plan follows the influx of its regions together: ZK28's small months hide the sum, lest it give them back. */
    @Test
    void twoRegionsTogetherAreShownOnlyInMonthsWhereBothAre() {
        YearMonth from = YearMonth.of(2023, 1);
        YearMonth to = YearMonth.of(2024, 12);
        PublishedTrend joint = trend.joint(List.of("ZK01", "ZK28"), from, to, Breakdown.NONE, null);
        List<Long> a = List.copyOf(influx.monthly("ZK01", from, to, null).values());
        List<Long> b = List.copyOf(influx.monthly("ZK28", from, to, null).values());
        List<Cell> shownA = List.copyOf(influx.monthlyCells("ZK01", from, to, null).values());
        List<Cell> shownB = List.copyOf(influx.monthlyCells("ZK28", from, to, null).values());
        List<Long> sums = new ArrayList<>();
        int hidden = 0;
        for (int i = 0; i < 24; i++) {
            long sum = a.get(i) + b.get(i);
            sums.add(sum);
            assertThat(joint.result().points().get(i).count()).isEqualTo(sum);
            boolean partHidden = shownA.get(i).suppressed() || shownB.get(i).suppressed();
            assertThat(joint.hidden(i)).as("month %d", i).isEqualTo(partHidden);
            assertThat(joint.points().get(i).clients().value()).isEqualTo(partHidden ? null : sum);
            hidden += partHidden ? 1 : 0;
        }
        assertThat(hidden).as("some months hidden, some shown").isBetween(1, 23);
        assertThat(joint.result().verdict())
                .isEqualTo(TrendAnalysis.analyse(java.util.stream.IntStream.range(0, 24)
                        .mapToObj(i -> MonthlyCount.of(from.plusMonths(i), sums.get(i))).toList()).verdict());
        // the young adults of one region: the age band's cells of the influx table
        PublishedTrend young = trend.joint(List.of("ZK01"), from, to, Breakdown.AGEBAND, InfluxFigures.YOUNG_ADULTS);
        assertThat(young.result().points()).hasSize(24);
    }
}
