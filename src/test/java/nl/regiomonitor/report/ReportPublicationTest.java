package nl.regiomonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.PublishedOutputs;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.monitor.InfluxTrend;
import nl.regiomonitor.signal.RegisterEntry;
import nl.regiomonitor.signal.RegisterKind;
import nl.regiomonitor.signal.SignalRegister;

/**
 * The regioperspectief read as a publication, as seed 004 is: its outline, the summary the figures give, the providers
 * by name, a source under every figure, names instead of codes, and pages that neither end on a heading nor hold one line.
 */
class ReportPublicationTest extends IntegrationTest {

    private static final Pattern HEADING = Pattern.compile("<h([234])[^>]*>([^<]+)</h\\1>");
    private static final Pattern FOOTER = Pattern.compile("Regioperspectief Wlz-ggz pagina \\d+ van \\d+");

    @LocalServerPort
    int port;

    @Autowired
    SignalRegister register;

    @Autowired
    InfluxTrend influx;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void haaglandensPdfReadsAsSeed004() throws Exception {
        WebSession office = WebSession.loggedIn(port, "zorgkantoor.haaglanden", "demo-wachtwoord");
        String page = office.get("/regions/ZK10/regioperspectief/2024/concept").body();
        List<List<String>> pages;
        try (PDDocument document = Loader.loadPDF(office.getBytes("/regions/ZK10/regioperspectief/2024/concept.pdf"))) {
            pages = PublishedOutputs.pdfPages(document);
        }
        String text = String.join(" ", pages.stream().flatMap(List::stream).toList());
        RegionalReportTest.SECTIONS.forEach(title -> assertThat(text).as(title).contains(title));

        // the summary's sentences, worked out here from the API's published cells
        WebSession visitor = WebSession.anonymous(port);
        for (String series : List.of("GGZ-W", "GGZ-B")) {
            JsonNode rows = json.readTree(visitor.getJson("/api/v1/figures/prevalence?date=2024-10-01&series=" + series)
                            .body())
                    .get("rows");
            double own = valueOf(rows, "ZK10");
            double nl = valueOf(rows, "NL");
            String ownText = String.format(Dutch.LOCALE, "%.1f", own);
            String nlText = String.format(Dutch.LOCALE, "%.1f", nl);
            String where = ownText.equals(nlText) ? "gelijk aan" : own < nl ? "onder" : "boven";
            assertThat(text)
                    .contains("De indicatieprevalentie " + series + " ligt met " + ownText
                            + " per 10.000 inwoners van 18 jaar en ouder " + where + " het landelijk gemiddelde ("
                            + nlText + ").");
        }
        assertThat(text).contains("De kosten per cliënt per dag liggen binnen de bandbreedte van de regio's");
        assertThat(text).contains("Samenvatting van het regio-inzicht Zorgvraag.");

        // the contracted providers by name, from the care office's register
        List<String> providers = register.list("ZK10", 2024).stream()
                .filter(e -> e.kind() == RegisterKind.CONTRACTED_PROVIDER)
                .map(RegisterEntry::name)
                .toList();
        assertThat(providers).isNotEmpty();
        providers.forEach(name -> assertThat(text).as(name).contains(name));

        // a source beneath every chart on the page, and as many in the PDF as figures
        Matcher chart = Pattern.compile("<div class=\"report-chart\">").matcher(page);
        int charts = 0;
        while (chart.find()) {
            charts++;
            int end = page.indexOf("</svg>", chart.end());
            assertThat(page.substring(end, end + 200))
                    .as("the source beneath chart %d", charts)
                    .containsPattern("</svg></div>\\s*<p class=\"source\">Bron: ");
        }
        assertThat(charts).isEqualTo(9);
        long figures = page.split("<div class=\"figure\">", -1).length - 1;
        assertThat(Pattern.compile("Bron: ").matcher(text).results().count()).isGreaterThanOrEqualTo(figures);

        // names, never codes
        assertThat(text).doesNotContain("VERBLIJF").doesNotContain("MPT_PGB").doesNotContain("ZK10");

        // no page ends on a heading; none holds a single line
        List<String> headings = new ArrayList<>();
        Matcher h = HEADING.matcher(page);
        while (h.find()) {
            headings.add(PublishedOutputs.singleSpaced(HtmlUtils.htmlUnescape(h.group(2))));
        }
        assertThat(headings).contains("3.2 Zorgvraag", "Colofon");
        for (int p = 1; p < pages.size(); p++) {
            List<String> content = pages.get(p).stream()
                    .filter(line -> !FOOTER.matcher(line).matches())
                    .toList();
            assertThat(content).as("page %d holds more than a line", p + 1).hasSizeGreaterThan(2);
            String last = content.get(content.size() - 1);
            assertThat(headings)
                    .as("page %d ends on '%s'", p + 1, last)
                    .noneMatch(heading -> heading.equals(last) || last.length() > 8 && heading.startsWith(last));
        }
    }

    @Test
    void noTileOfTheDemoReportsShowsAnX() {
        for (String[] region : List.of(
                new String[] {"ZK10", "zorgkantoor.haaglanden"}, new String[] {"ZK01", "zorgkantoor.amstelland"})) {
            String page = WebSession.loggedIn(port, region[1], "demo-wachtwoord")
                    .get("/regions/" + region[0] + "/regioperspectief/2024/concept")
                    .body();
            assertThat(page)
                    .as(region[0])
                    .contains("class=\"tile-value\"")
                    .doesNotContainPattern("<span class=\"tile-value\">\\s*(x|&lt;5)\\s*</span>");
        }
    }

    @Test
    void theInfluxChapterNeverJudgesMonthsBeforeTheFirstData() {
        WebSession office = WebSession.loggedIn(port, "zorgkantoor.haaglanden", "demo-wachtwoord");
        int firstYear = influx.firstMonth().getYear();
        assertThat(influx.firstMonth()
                        .minusMonths(RegionalReport.INFLUX_MONTHS - 12)
                        .getYear())
                .as("a 24-month window ending in the first year reaches before the data")
                .isLessThan(firstYear);
        String before = office.get("/regions/ZK10/regioperspectief/" + (firstYear - 1) + "/concept")
                .body();
        assertThat(before).contains("4.1 Instroom en plan van aanpak").doesNotContain("grafiek-instroom-kop");
        String firstYearPage = office.get("/regions/ZK10/regioperspectief/" + firstYear + "/concept")
                .body();
        Matcher caption =
                Pattern.compile("<h4 id=\"grafiek-instroom-kop\">([^<]+)</h4>").matcher(firstYearPage);
        assertThat(caption.find()).isTrue();
        // the chart starts at the first month with data, not 24 months of zeros and counts that would read as a rise
        assertThat(caption.group(1)).doesNotContain(String.valueOf(firstYear - 1));
    }

    private static double valueOf(JsonNode rows, String region) {
        for (JsonNode row : rows) {
            if (row.path("region").asText().equals(region)
                    || row.path("code").asText().equals(region)) {
                return row.get("perTenThousand").asDouble();
            }
        }
        throw new AssertionError("no row " + region + " in " + rows);
    }
}
