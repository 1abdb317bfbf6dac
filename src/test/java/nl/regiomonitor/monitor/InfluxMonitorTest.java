package nl.regiomonitor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.PublishedOutputs;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Category;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.FigureTable;
import nl.regiomonitor.indicator.InfluxFigures;
import nl.regiomonitor.trend.RunRules;
import nl.regiomonitor.trend.TrendWindow;

/** The trend API and the Instroommonitor page on the demo data (seed 42), whose national influx falls towards 100. */
class InfluxMonitorTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    /** Issue 15: the year view shows every profile's count of at least 5, in every region (protection hides months and quarters instead). */
    @Test
    void theYearViewShowsEveryProfileTotalOfAtLeastFive() throws Exception {
        WebSession visitor = WebSession.anonymous(port);
        // the last whole year: 2024 in the demo data
        int year = influx.lastMonth().plusMonths(1).getYear() - 1;
        for (String region : List.of("ZK27", "ZK10", "ZK01", "ZK14")) {
            JsonNode rows = json.readTree(visitor.getJson("/api/v1/figures/influx?region=" + region + "&from=" + year
                                    + "-01&to=" + year + "-12&by=profile&period=year")
                            .body())
                    .get("rows");
            assertThat(rows).hasSize(1);
            JsonNode cells = rows.get(0).get("cells");
            cells.fieldNames().forEachRemaining(profile -> {
                long clients =
                        influx.monthly(region, YearMonth.of(year, 1), YearMonth.of(year, 12), profile).values().stream()
                                .mapToLong(Long::longValue)
                                .sum();
                if (clients >= 5) {
                    assertThat(cells.get(profile).get("value").asLong())
                            .as("%s %s %d", region, profile, year)
                            .isEqualTo(clients);
                }
            });
        }
    }

    @Test
    void theNationalTrendFallsAndIsHeldAgainstTheAim() throws Exception {
        JsonNode answer = json.readTree(WebSession.anonymous(port)
                .getJson("/api/v1/trend/influx?region=NL&window=reeks")
                .body());
        YearMonth first = influx.firstMonth();
        YearMonth last = influx.lastMonth();
        int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
        assertThat(answer.get("window").get("key").asText()).isEqualTo("reeks");
        assertThat(answer.get("points")).hasSize(months);
        JsonNode firstPoint = answer.get("points").get(0);
        assertThat(firstPoint.get("month").asText()).isEqualTo(first.toString());
        assertThat(firstPoint.get("ciLow").asDouble())
                .isLessThan(firstPoint.get("clients").get("value").asDouble());
        assertThat(firstPoint.get("ciHigh").asDouble())
                .isGreaterThan(firstPoint.get("clients").get("value").asDouble());
        assertThat(answer.get("points"))
                .allSatisfy(p -> assertThat(p.get("centre").isNull()).isFalse());
        assertThat(answer.get("verdict").asText()).isEqualTo("DALEND");
        assertThat(answer.get("sentence").asText()).startsWith("De instroom");
        assertThat(answer.get("target").asDouble()).isEqualTo(100.0);
        assertThat(answer.has("stableLevel")).isTrue();
        assertThat(answer.has("note"))
                .as("a window asked for by its key needs no note")
                .isFalse();
        // Anhøj: months on the median are no useful observations (other tests add clients, so some may land on it)
        assertThat(answer.get("rules").get("longestRunLimit").asInt())
                .isBetween(RunRules.longestRunLimit(months - 8), RunRules.longestRunLimit(months));
    }

    @Test
    void aSmallRegionIsJudgedWithoutShowingItsSmallMonthlyCounts() throws Exception {
        WebSession visitor = WebSession.anonymous(port);
        JsonNode answer = json.readTree(
                visitor.getJson("/api/v1/trend/influx?region=ZK28&window=reeks").body());
        assertThat(answer.has("target")).isFalse();
        long hidden = 0;
        for (JsonNode point : answer.get("points")) {
            JsonNode clients = point.get("clients");
            if (clients.path("suppressed").asBoolean(false)) {
                hidden++;
                // the value, its interval and the signal would each give the count back
                assertThat(clients.get("value").isNull()).isTrue();
                assertThat(clients.get("display").asText()).isIn("<5", "x");
                assertThat(point.get("ciLow").isNull()).isTrue();
                assertThat(point.get("ciHigh").isNull()).isTrue();
                assertThat(point.get("signal").isNull()).isTrue();
            } else {
                assertThat(clients.get("value").asLong()).isNotIn(1L, 2L, 3L, 4L);
            }
        }
        assertThat(hidden).as("months of ZK28 hidden in the demo data").isPositive();

        String page =
                visitor.get("/instroom?region=ZK28&window=reeks&period=month").body();
        assertThat(page).contains("<svg").contains("role=\"img\"").contains("class=\"verdict");
        String svg = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
        assertThat(svg)
                .contains(": &lt;5 (niet getoond)</title></rect>")
                .doesNotContainPattern(": [1-4]( \\(signaal\\))?</title>");
        assertThat(visitor.getJson("/api/v1/trend/influx?region=ZK99&window=reeks")
                        .status())
                .isEqualTo(400);
    }

    @Autowired
    InfluxTrend trend;

    @Autowired
    InfluxFigures influx;

    /**
     * A build reads every series of a region once for all windows: each window's trend is the one asked alone gives,
     * for the total and every profile, of NL and of a small region (verdict, sentence, every point).
     */
    @Test
    void theTrendsOfAllWindowsAtOnceAreEachWindowsTrend() {
        List<TrendWindow> windows = trend.windows();
        assertThat(windows).hasSizeGreaterThan(2);
        List<String> series = new ArrayList<>();
        series.add(null);
        influx.influx("NL", windows.get(0).to(), windows.get(0).to(), Breakdown.PROFILE).categories().stream()
                .map(Category::code)
                .forEach(series::add);
        assertThat(series).hasSizeGreaterThan(3);
        for (String region : List.of("NL", "ZK28")) {
            Map<String, List<PublishedTrend>> all = trend.published(region, windows, series);
            assertThat(all.keySet()).containsExactlyElementsOf(series);
            for (String profile : series) {
                for (int w = 0; w < windows.size(); w++) {
                    PublishedTrend alone = trend.published(region, windows.get(w), profile);
                    PublishedTrend together = all.get(profile).get(w);
                    String what = region + " " + profile + " " + windows.get(w).key();
                    assertThat(together.points()).as(what).isEqualTo(alone.points());
                    assertThat(together.sentence()).as(what).isEqualTo(alone.sentence());
                    assertThat(together.verdict()).as(what).isEqualTo(alone.verdict());
                    assertThat(together.phases()).as(what).isEqualTo(alone.phases());
                }
            }
        }
    }

    /** A joint plan follows the influx of its regions together: ZK28's small months hide the sum, lest it give them back. */
    @Test
    void twoRegionsTogetherAreShownOnlyInMonthsWhereBothAre() {
        YearMonth to = influx.lastMonth();
        YearMonth from = to.minusMonths(23);
        // two regions of which one shows some months the other hides
        String first = "ZK10";
        String second = "ZK28";
        PublishedTrend joint = trend.joint(List.of(first, second), from, to, Breakdown.NONE, null);
        List<Long> a = List.copyOf(influx.monthly(first, from, to, null).values());
        List<Long> b = List.copyOf(influx.monthly(second, from, to, null).values());
        List<Cell> shownA =
                List.copyOf(influx.monthlyCells(first, from, to, null).values());
        List<Cell> shownB =
                List.copyOf(influx.monthlyCells(second, from, to, null).values());
        int hidden = 0;
        for (int i = 0; i < 24; i++) {
            long sum = a.get(i) + b.get(i);
            boolean partHidden = shownA.get(i).suppressed() || shownB.get(i).suppressed();
            assertThat(joint.hidden(i)).as("month %d", i).isEqualTo(partHidden);
            assertThat(joint.points().get(i).clients().value()).isEqualTo(partHidden ? null : sum);
            hidden += partHidden ? 1 : 0;
        }
        assertThat(hidden).as("some months hidden, some shown").isBetween(1, 23);
        // the young adults of one region: the age band's cells of the influx table
        PublishedTrend young = trend.joint(List.of("ZK01"), from, to, Breakdown.AGEBAND, InfluxFigures.YOUNG_ADULTS);
        assertThat(young.points()).hasSize(24);
    }

    /** SPEC: a month after the last month with data is no month of a series; the example said "gedaald … stabiel rond 0". */
    @Test
    void aPeriodPastTheDataSaysNothingAboutTheMissingMonths() throws Exception {
        YearMonth last = influx.lastMonth();
        String period = "from=" + last.minusYears(1) + "&to=" + last.plusYears(1);
        String until = "Cijfers t/m " + TrendWindow.month(last);
        WebSession visitor = WebSession.anonymous(port);

        JsonNode answer = json.readTree(
                visitor.getJson("/api/v1/trend/influx?region=NL&" + period).body());
        assertThat(answer.get("to").asText()).isEqualTo(last.toString());
        assertThat(answer.get("window").get("to").asText()).isEqualTo(last.toString());
        assertThat(answer.get("requestedTo").asText())
                .isEqualTo(last.plusYears(1).toString());
        assertThat(answer.get("note").asText()).contains("vaste perioden").contains(TrendWindow.month(last));
        assertThat(answer.get("dataUntil").asText()).isEqualTo(last.toString());
        JsonNode points = answer.get("points");
        assertThat(points.get(points.size() - 1).get("month").asText()).isEqualTo(last.toString());
        assertThat(answer.get("sentence").asText()).doesNotContain("gedaald").doesNotContain("rond 0");

        String page = visitor.get("/instroom?region=NL&" + period).body();
        assertThat(page).contains(until).doesNotContain("gedaald").doesNotContain("rond 0");
        String svg = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
        assertThat(svg).contains(chartMonth(last)).doesNotContain(chartMonth(last.plusMonths(1)));
        assertThat(page).doesNotContain(FigureTable.monthLabel(last.plusMonths(1)));

        // a period with no month of data at all: a Dutch 400 from the API, and on the page the form again with the
        // reason at the first month, rather than figures of another period
        WebSession.Response none = visitor.getJson(
                "/api/v1/trend/influx?region=NL&from=" + last.plusMonths(1) + "&to=" + last.plusYears(1));
        assertThat(none.status()).isEqualTo(400);
        assertThat(json.readTree(none.body()).get("message").asText()).startsWith("Er zijn geen cijfers over");
        WebSession.Response refused =
                visitor.get("/instroom?region=NL&from=" + last.plusMonths(1) + "&to=" + last.plusYears(1));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Er zijn geen cijfers over")
                .contains("id=\"from-error\"")
                .contains("value=\"" + last.plusMonths(1) + "\"")
                .doesNotContain("<svg");
    }

    @Test
    void onlyTheProductsOwnWindowsArePublished() throws Exception {
        WebSession visitor = WebSession.anonymous(port);
        JsonNode periods = json.readTree(
                visitor.getJson("/api/v1/trend/influx/periods?region=ZK10").body());
        List<String> keys = new ArrayList<>();
        periods.get("windows").forEach(w -> keys.add(w.get("key").asText()));
        YearMonth first = influx.firstMonth();
        YearMonth last = influx.lastMonth();
        List<String> expected = new ArrayList<>(List.of("reeks"));
        for (int year = last.getYear(); year >= first.getYear(); year--) {
            expected.add(Integer.toString(year));
        }
        assertThat(keys).isEqualTo(expected);

        String year = expected.get(2);
        JsonNode byKey = json.readTree(visitor.getJson("/api/v1/trend/influx?region=ZK10&window=" + year)
                .body());
        assertThat(byKey.get("points")).hasSize(12);
        // any other period is answered for the nearest window, and says so
        JsonNode asked = json.readTree(
                visitor.getJson("/api/v1/trend/influx?region=ZK10&from=" + year + "-02&to=" + year + "-11")
                        .body());
        assertThat(asked.get("window").get("key").asText()).isEqualTo(year);
        assertThat(asked.get("requestedFrom").asText()).isEqualTo(year + "-02");
        assertThat(asked.get("note").asText()).startsWith("Het oordeel wordt alleen over vaste perioden gepubliceerd");
        assertThat(asked.get("points")).isEqualTo(byKey.get("points"));
        assertThat(asked.get("sentence")).isEqualTo(byKey.get("sentence"));

        WebSession.Response unknown = visitor.getJson("/api/v1/trend/influx?region=ZK10&window=1999");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("message").asText())
                .startsWith("Onbekende periode '1999'. Kies uit: reeks, ");

        String page = visitor.get("/instroom?region=ZK10&window=" + year).body();
        assertThat(page)
                .contains("<select id=\"window\" name=\"window\">")
                .contains("<option value=\"" + year + "\" selected=\"selected\">");
        assertThat(page).doesNotContain("type=\"month\"");
    }

    /** The unprotected view keeps the verdict on the true counts, for people with the right. */
    @Test
    void theUnprotectedViewJudgesTheTrueCounts() {
        TrendWindow whole = trend.windows().get(0);
        PublishedTrend truth = trend.unprotected("ZK28", whole, null);
        String page = WebSession.loggedIn(port, "landelijk", "demo-wachtwoord")
                .get("/intern/instroom?region=ZK28&window=reeks")
                .body();
        assertThat(page).contains("Niet voor publicatie").contains(HtmlUtils.htmlEscape(truth.sentence()));
        assertThat(truth.points())
                .allSatisfy(p -> assertThat(p.clients().suppressed()).isFalse());
        assertThat(WebSession.anonymous(port)
                        .get("/intern/instroom?region=ZK28")
                        .status())
                .isNotEqualTo(200);
    }

    /**
     * Issue 16: the PDF mailed to boards holds what the page shows above the tables: the verdict, the chart (the same
     * SVG, tagged as a figure with its title) and the source line beneath it, and the tables as before.
     */
    @Test
    void theInstroomPdfHoldsTheVerdictChartAndSourceLineOfThePage() throws Exception {
        WebSession visitor = WebSession.anonymous(port);
        String page = visitor.get("/instroom?region=ZK10").body();
        String verdict = between(page, "<p class=\"verdict", "</p>");
        verdict = HtmlUtils.htmlUnescape(verdict.substring(verdict.indexOf('>') + 1))
                .strip();
        String source = HtmlUtils.htmlUnescape(between(page, "<p class=\"chart-source\">", "</p>"));
        assertThat(verdict).startsWith("De instroom");
        assertThat(source)
                .startsWith("Bron: Regiomonitor Wlz-ggz, indicaties CIZ; cijfers t/m "
                        + TrendWindow.month(influx.lastMonth()))
                .containsPattern("gepubliceerde versie \\d+$");
        String svg = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
        String title = between(svg, "<title id=\"instroomgrafiek-title\">", "</title>");
        // the page's period as it chose it ("Indeling"): the axes say what a point is
        String per = between(page, "<figcaption>", "</figcaption>").contains("Per kwartaal")
                ? "kwartaal"
                : between(page, "<figcaption>", "</figcaption>").contains("Per jaar") ? "jaar" : "maand";
        assertThat(svg)
                .contains(">Nieuwe cliënten per " + per + "</text>")
                .contains(">" + (per.substring(0, 1).toUpperCase() + per.substring(1)) + "</text>");

        WebSession.Response answer = visitor.getAny("/instroom.pdf?region=ZK10");
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"instroom-ZK10-");
        try (PDDocument pdf = Loader.loadPDF(visitor.getBytes("/instroom.pdf?region=ZK10"))) {
            List<String> first = PublishedOutputs.pdfLines(pdf, 1);
            String text = String.join(" ", first);
            assertThat(text)
                    .contains("Instroommonitor Haaglanden")
                    .contains("Oordeel")
                    .contains(verdict)
                    .contains(source)
                    .contains("Cijfers t/m " + TrendWindow.month(influx.lastMonth()));
            // above the tables: the verdict comes before the first table's caption
            assertThat(text.indexOf(verdict)).isLessThan(text.indexOf("Instroom GGZ-W per profiel"));
            // the chart's lettering is drawn as shapes, so it is found
            // as the tagged figure whose text is the SVG's title
            assertThat(figureTexts(pdf.getDocumentCatalog().getStructureTreeRoot()))
                    .contains(HtmlUtils.htmlUnescape(title));
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("'%s'", start).isNotNegative();
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    /** The alternative texts of the tagged figures of a PDF. */
    private static List<String> figureTexts(PDStructureNode node) {
        List<String> texts = new ArrayList<>();
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if ("Figure".equals(element.getStructureType()) && element.getAlternateDescription() != null) {
                    texts.add(element.getAlternateDescription());
                }
                texts.addAll(figureTexts(element));
            }
        }
        return texts;
    }

    /** A month as the chart names it in a point's title. */
    private static String chartMonth(YearMonth month) {
        return DateTimeFormatter.ofPattern("MMM yyyy", Dutch.LOCALE).format(month) + ": ";
    }
}
