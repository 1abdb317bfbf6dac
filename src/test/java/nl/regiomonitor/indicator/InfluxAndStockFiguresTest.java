package nl.regiomonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.WebSession;
import nl.regiomonitor.common.Dutch;

/** Influx, stock and prevalence on the {@link HandData}, whose answers are worked out by hand there. */
class InfluxAndStockFiguresTest extends HandDataTest {

    private static final YearMonth JAN = YearMonth.of(2024, 1);
    private static final YearMonth MAR = YearMonth.of(2024, 3);

    @Autowired
    InfluxFigures influx;

    @Autowired
    StockFigures stock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @Test
    void influxPerMonthCountsEachClientOnceInTheMonthOfTheFirstGgzWIndication() {
        assertThat(influx.monthly("ZK10", JAN, MAR, null))
                .containsExactly(Map.entry(JAN, 2L), Map.entry(YearMonth.of(2024, 2), 1L), Map.entry(MAR, 1L));
        assertThat(influx.monthly("NL", JAN, MAR, null).values()).containsExactly(2L, 2L, 1L);
        assertThat(influx.monthly("ZK01", JAN, YearMonth.of(2024, 12), null).values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("a change of profile is not influx")
                .isEqualTo(1);
        assertThat(influx.monthly("ZK10", JAN, MAR, "GGZ01W").values()).containsExactly(1L, 1L, 0L);
    }

    @Test
    void influxByProfileOriginAndAgeBand() {
        InfluxFigures.InfluxTable byProfile = influx.influx("ZK10", JAN, MAR, Breakdown.PROFILE);
        assertThat(byProfile.categories())
                .extracting(Category::code)
                .containsExactly("GGZ01W", "GGZ02W", "GGZ03W", "GGZ04W", "GGZ05W");
        assertThat(byProfile.rows().get(0).counts())
                .containsEntry("GGZ01W", 1L)
                .containsEntry("GGZ03W", 1L)
                .containsEntry("GGZ02W", 0L);
        assertThat(byProfile.rows().get(1).counts()).containsEntry("GGZ01W", 1L);

        InfluxFigures.InfluxTable byOrigin = influx.influx("NL", JAN, MAR, Breakdown.ORIGIN);
        assertThat(byOrigin.rows().get(1).counts())
                .containsEntry("GEEN", 1L)
                .containsEntry("WLZ_ANDERS", 1L)
                .containsEntry("WMO_BW", 0L);
        assertThat(byOrigin.rows().get(2).counts()).containsEntry("JEUGD", 1L);

        InfluxFigures.InfluxTable byAge = influx.influx("NL", JAN, MAR, Breakdown.AGEBAND);
        assertThat(byAge.categories()).extracting(Category::code).containsExactly("18-26", "27-44", "45-64", "65+");
        assertThat(byAge.rows()).extracting(r -> r.counts().get("18-26")).containsExactly(1L, 0L, 1L);
        assertThat(byAge.rows()).extracting(r -> r.counts().get("65+")).containsExactly(0L, 1L, 0L);
        assertThat(byAge.rows()).extracting(InfluxFigures.MonthRow::total).containsExactly(2L, 2L, 1L);
    }

    @Test
    void stockWithTheChangeAgainstAYearBefore() {
        StockFigures.StockTable table = stock.stock("NL", LocalDate.of(2022, 10, 1), Breakdown.PROFILE);
        StockFigures.StockRow ggzW = table.rows().get(0);
        assertThat(ggzW.category().code()).isEqualTo("GGZ-W");
        assertThat(ggzW.clients()).isEqualTo(26_135);
        assertThat(ggzW.clientsYearBefore()).isEqualTo(20_150);
        assertThat(ggzW.changeDisplay()).isEqualTo("+29,7%");
        // profile 1 holds clients 0, 5, 10, …: 4,030 of the first group and 1,197 of the second
        assertThat(table.rows().get(1).category().code()).isEqualTo("GGZ01W");
        assertThat(table.rows().get(1).clients()).isEqualTo(4_030 + 1_197);
        StockFigures.StockRow ggzB = table.rows().stream()
                .filter(r -> r.category().code().equals("GGZ-B"))
                .findFirst()
                .orElseThrow();
        assertThat(ggzB.clients()).isEqualTo(44);
        assertThat(ggzB.changeDisplay()).isEqualTo("\u221212,0%");
        assertThat(stock.stock("ZK10", LocalDate.of(2022, 10, 1), Breakdown.NONE)
                        .rows()
                        .get(0)
                        .changeDisplay())
                .isEqualTo("–");
    }

    @Test
    void aClientCountsInTheStockOnceInTheRegionOfTheLatestIndicationValidThatDay() {
        // before, during and after the nested March indication, and after both ended
        assertThat(ggzB("ZK03", 2025, 2)).isEqualTo(1);
        assertThat(ggzB("ZK04", 2025, 2)).isZero();
        assertThat(ggzB("ZK03", 2025, 3)).isZero();
        assertThat(ggzB("ZK04", 2025, 3)).isEqualTo(1);
        assertThat(ggzB("NL", 2025, 3)).isEqualTo(44 + 1); // with the 44 GGZ05B clients of ZK02 that never end
        assertThat(ggzB("ZK03", 2025, 4)).isEqualTo(1);
        assertThat(ggzB("ZK04", 2025, 4)).isZero();
        assertThat(ggzB("NL", 2026, 1)).isEqualTo(44);
    }

    private long ggzB(String region, int year, int month) {
        return stock.stock(region, LocalDate.of(year, month, 15), Breakdown.NONE).rows().stream()
                .filter(r -> r.category().code().equals("GGZ-B"))
                .findFirst()
                .orElseThrow()
                .clients();
    }

    @Test
    void prevalencePerTenThousandAdultsForEveryRegionAndNl() throws Exception {
        long adultsZk02 = jdbc.queryForObject(
                "select sum(inhabitants_18plus) from population where year = 2019 and region_code = 'ZK02'",
                Long.class);
        long adultsNl =
                jdbc.queryForObject("select sum(inhabitants_18plus) from population where year = 2019", Long.class);
        StockFigures.PrevalenceTable table = stock.prevalence(LocalDate.of(2022, 10, 1), "GGZ-W");
        assertThat(table.populationYear()).isEqualTo(2019);
        assertThat(table.rows()).hasSize(32);
        assertThat(table.rows().get(0).region()).isEqualTo("NL");
        assertThat(table.rows().get(0).perTenThousand()).isCloseTo(26_135 * 10_000.0 / adultsNl, Offset.offset(1e-9));
        StockFigures.PrevalenceRow zk02 = table.rows().stream()
                .filter(r -> r.region().equals("ZK02"))
                .findFirst()
                .orElseThrow();
        assertThat(zk02.clients()).isEqualTo(26_135);
        assertThat(zk02.perTenThousand()).isCloseTo(26_135 * 10_000.0 / adultsZk02, Offset.offset(1e-9));

        JsonNode answer = json.readTree(WebSession.anonymous(port)
                .getJson("/api/v1/figures/prevalence?date=2022-10-01")
                .body());
        JsonNode zk02Line = null;
        for (JsonNode line : answer.get("rows")) {
            if (line.get("region").asText().equals("ZK02")) {
                zk02Line = line;
            }
        }
        assertThat(zk02Line.get("display").asText())
                .isEqualTo(String.format(Dutch.LOCALE, "%.1f", Math.round(26_135 * 100_000.0 / adultsZk02) / 10.0));
        assertThat(answer.get("rows").get(1).get("display").asText()).isEqualTo("0,0");
        assertThat(WebSession.anonymous(port)
                        .getJson("/api/v1/figures/prevalence?date=2022-10-01&series=GGZ-X")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void wrongQuestionsAreRefusedInDutch() {
        assertThatThrownBy(() -> influx.monthly("NL", JAN, MAR, "GGZ04B"))
                .hasMessageContaining("Onbekend GGZ-W-profiel");
        assertThatThrownBy(() -> stock.stock("NL", LocalDate.of(2022, 10, 1), Breakdown.ORIGIN))
                .hasMessageContaining("profiel");
        assertThat(List.of(Breakdown.parse("AgeBand"), Breakdown.parse(null)))
                .containsExactly(Breakdown.AGEBAND, Breakdown.NONE);
    }
}
