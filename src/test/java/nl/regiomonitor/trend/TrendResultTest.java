package nl.regiomonitor.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

class TrendResultTest {

    private static final YearMonth MARCH_2024 = YearMonth.of(2024, 3);

    @Test
    void stableGivesTheLevelPerMonthInDutchNumbers() {
        assertThat(result(Verdict.STABIEL, 118.3, null, 24).sentence())
                .isEqualTo("De instroom is stabiel rond 118 per maand.");
        assertThat(result(Verdict.STABIEL, 3.24, null, 24).sentence())
                .isEqualTo("De instroom is stabiel rond 3,2 per maand.");
        assertThat(result(Verdict.STABIEL, 1234.5, null, 24).sentence())
                .isEqualTo("De instroom is stabiel rond 1.235 per maand.");
    }

    @Test
    void decliningAndRisingNameTheMonthAndWhetherThereIsAStableLevel() {
        assertThat(result(Verdict.DALEND, null, MARCH_2024, 36).sentence())
                .isEqualTo("De instroom daalt sinds maart 2024; nog geen stabiel niveau.");
        assertThat(result(Verdict.DALEND, 90.0, MARCH_2024, 36).sentence())
                .isEqualTo("De instroom is in maart 2024 gedaald en is sindsdien stabiel rond 90 per maand.");
        assertThat(result(Verdict.STIJGEND, null, YearMonth.of(2023, 10), 36).sentence())
                .isEqualTo("De instroom stijgt sinds oktober 2023; nog geen stabiel niveau.");
        assertThat(result(Verdict.STIJGEND, 150.0, YearMonth.of(2023, 10), 36).sentence())
                .isEqualTo("De instroom is in oktober 2023 gestegen en is sindsdien stabiel rond 150 per maand.");
    }

    @Test
    void noSignalSaysWhy() {
        assertThat(result(Verdict.GEEN_SIGNAAL, null, null, 11).sentence())
                .isEqualTo("Te weinig maanden om een verandering te beoordelen.");
        assertThat(result(Verdict.GEEN_SIGNAAL, null, null, 24).sentence())
                .isEqualTo("De instroom schommelt zonder duidelijke daling of stijging; nog geen stabiel niveau.");
    }

    @Test
    void aUChartSentenceGivesTheLevelAsACountAtTheLastDenominator() {
        // rate exactly 0,001 per inhabitant, the population growing from 100.000 to 123.000
        List<MonthlyCount> series = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            series.add(new MonthlyCount(Series.START.plusMonths(i), 100 + i, 1000.0 * (100 + i)));
        }
        TrendResult result = TrendAnalysis.analyse(series);

        assertThat(result.verdict()).isEqualTo(Verdict.STABIEL);
        assertThat(result.stableLevel()).isEqualTo(0.001);
        assertThat(result.sentence()).isEqualTo("De instroom is stabiel rond 123 per maand.");
    }

    @Test
    void serialisesToThePublishedJsonShape() throws Exception {
        JsonMapper json = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        TrendResult result = TrendAnalysis.analyse(Series.poisson(1, 36, i -> 120));

        JsonNode tree = json.readTree(json.writeValueAsString(result));

        JsonNode point = tree.get("points").get(0);
        assertThat(point.get("month").asText()).isEqualTo("2022-01");
        assertThat(point.fieldNames())
                .toIterable()
                .startsWith("month", "count", "ciLow", "ciHigh", "centre", "lcl", "ucl", "signal");
        assertThat(tree.get("rules").fieldNames())
                .toIterable()
                .containsExactly("longestRun", "longestRunLimit", "crossings", "crossingsLimit");
        assertThat(tree.get("verdict").asText()).isEqualTo(result.verdict().name());
        assertThat(tree.has("stableLevel")).isTrue();
    }

    /** A result whose last point's centre line on the count scale is {@code level} (or 100 without a level). */
    private static TrendResult result(Verdict verdict, Double level, YearMonth since, int months) {
        double centre = level == null ? 100 : level;
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            points.add(new TrendPoint(Series.START.plusMonths(i), 100, 81, 122, centre, 0, 200, false, centre, 0, 200));
        }
        return new TrendResult(points, new RunRules(3, 8, 17, 12), verdict, level, since, List.of(), false);
    }
}
