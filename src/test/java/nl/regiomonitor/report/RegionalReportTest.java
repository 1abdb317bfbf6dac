package nl.regiomonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.util.List;
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
import nl.regiomonitor.indicator.Category;
import nl.regiomonitor.indicator.DeliveryFormFigures;
import nl.regiomonitor.signal.RegisterKind;
import nl.regiomonitor.signal.RegisterSummary;
import nl.regiomonitor.signal.SignalRegister;

/** The regioperspectief of a demo region: every section with real, protected figures, in the page and the PDF alike. */
class RegionalReportTest extends IntegrationTest {

    /** Seed 004's outline, and the colophon it ends with. */
    static final List<String> SECTIONS = List.of(
            "Inhoud",
            "Inleiding",
            "1. Terugblik op 2024",
            "2. Sectorbeeld GGZ",
            "2.1 Trends en ontwikkelingen",
            "3. Regio-inzicht Haaglanden",
            "3.1 Samenvatting van het regio-inzicht",
            "3.2 Zorgvraag",
            "3.3 Betaalbaarheid",
            "3.4 Toegankelijkheid",
            "3.5 Kwaliteit",
            "4. Regioplan Haaglanden",
            "4.1 Instroom en plan van aanpak",
            "5. Disclaimer en opmerkingen",
            "Colofon",
            "Datum van publicatie");

    @LocalServerPort
    int port;

    @Autowired
    SignalRegister register;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void thePageAndThePdfHoldEverySectionAndTheFiguresOfTheApi() throws Exception {
        WebSession municipality = WebSession.loggedIn(port, "gemeente.haaglanden", "demo-wachtwoord");
        String page =
                municipality.get("/regions/ZK10/regioperspectief/2024/concept").body();
        SECTIONS.forEach(title -> assertThat(page).as(title).contains(title));
        assertThat(page.split("<svg", -1))
                .as("nine charts: stock four times, two distributions, prevalence, delivery forms, influx")
                .hasSize(10);
        // the disclaimer names the threshold in force
        assertThat(page).contains("van <span>1 tot 4</span> cliënten staat er als <span>&lt;5</span>;");
        assertThat(page).contains("role=\"img\"");

        WebSession visitor = WebSession.anonymous(port);
        String nationalGgz03w = cell(visitor, "/api/v1/figures/stock?region=NL&date=2024-10-01&by=profile", "GGZ03W");
        String regionalGgzW = cell(visitor, "/api/v1/figures/stock?region=ZK10&date=2024-10-01", "GGZ-W");
        String regionalGgz05b = cell(visitor, "/api/v1/figures/stock?region=ZK10&date=2024-10-01&by=profile", "GGZ05B");
        List<List<String>> national = PublishedOutputs.pageTable(page, "stand-nl-w");
        assertThat(national.stream()
                        .filter(r -> r.get(0).equals("GGZ03W"))
                        .findFirst()
                        .orElseThrow()
                        .get(5))
                .isEqualTo(nationalGgz03w);
        List<List<String>> regional = PublishedOutputs.pageTable(page, "stand-regio-b");
        assertThat(regional.stream()
                        .filter(r -> r.get(0).equals("GGZ05B"))
                        .findFirst()
                        .orElseThrow()
                        .get(5))
                .isEqualTo(regionalGgz05b);
        assertThat(page).contains("<span class=\"tile-value\">" + regionalGgzW + "</span>");
        // clients in care by form: the region's all-profiles row of the delivery forms, as the API publishes it; where
        // that is hidden, the profiles of one series together, summed from the API's shown cells, and the tile says so
        JsonNode forms = json.readTree(visitor.getJson("/api/v1/figures/delivery-forms?region=ZK10&date=2024-10-01")
                .body());
        JsonNode allProfiles = forms.get("rows").get(forms.get("rows").size() - 1);
        assertThat(allProfiles.get("code").asText()).isEqualTo("ALL");
        assertThat(page).containsPattern(expectedTile(forms, null, "Cliënten in zorg"));
        int fallbacks = 0;
        for (JsonNode form : forms.get("forms")) {
            String code = form.get("code").asText();
            assertThat(page)
                    .containsPattern(expectedTile(
                            forms,
                            code,
                            "In zorg: "
                                    + DeliveryFormFigures.shortName(
                                            new Category(code, form.get("name").asText()))));
            fallbacks += allProfiles.get("clients").get(code).path("suppressed").asBoolean() ? 1 : 0;
        }
        assertThat(fallbacks)
                .as("the demo hides some all-profiles cells of Haaglanden, so the fallback is tried")
                .isPositive();
        assertThat(page).doesNotContainPattern("<span class=\"tile-value\">(x|&lt;5)</span>");
        // the register's counts: the demo register of Haaglanden holds signals and visits in 2024
        RegisterSummary summary = register.summary("ZK10", 2024);
        assertThat(summary.count(RegisterKind.CLIENT_SIGNAL)).isPositive();
        assertThat(page)
                .containsPattern("<span class=\"tile-value\">" + summary.count(RegisterKind.CLIENT_SIGNAL)
                        + "</span>\\s*<span class=\"tile-label\">Klantsignalen</span>");
        // region against NL: every profile's share of its series, "–" only where a count is hidden
        List<List<String>> spread = PublishedOutputs.pageTable(page, "verdeling-ggz-w");
        assertThat(spread).hasSize(5);
        assertThat(spread.stream()
                        .filter(r -> r.get(0).equals("GGZ03W"))
                        .findFirst()
                        .orElseThrow()
                        .get(2))
                .matches("\\d+,\\d%");
        assertThat(PublishedOutputs.pageTable(page, "bezoeken")).hasSize(summary.count(RegisterKind.LOCATION_VISIT));

        byte[] pdf = municipality.getBytes("/regions/ZK10/regioperspectief/2024/concept.pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> lines = PublishedOutputs.pdfPages(document).stream()
                    .flatMap(List::stream)
                    .toList();
            String text = String.join("\n", lines);
            SECTIONS.forEach(title -> assertThat(text).as(title).contains(title));
            assertThat(text).contains("Haaglanden 2024").contains("pagina 1 van " + document.getNumberOfPages());
            assertThat(lines).anyMatch(line -> line.startsWith("GGZ03W ") && line.split(" ")[5].equals(nationalGgz03w));
            assertThat(lines).anyMatch(line -> line.startsWith("GGZ05B ") && line.split(" ")[5].equals(regionalGgz05b));
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(4);
            assertThat(PublishedOutputs.pdfListProblems(document))
                    .as("the look-back tiles and the contents are lists of list items (PDF/UA)")
                    .isEmpty();
        }
    }

    @Test
    void anotherRegionsPeopleDoNotSeeTheDraft() {
        WebSession amstelland = WebSession.loggedIn(port, "gemeente.amstelland", "demo-wachtwoord");
        assertThat(amstelland.get("/regions/ZK10/regioperspectief/2024/concept").status())
                .isEqualTo(403);
        assertThat(amstelland.get("/regions/ZK01/regioperspectief/2024/concept").status())
                .isEqualTo(200);
        assertThat(amstelland.get("/regions/ZK99/regioperspectief/2024/concept").status())
                .isIn(403, 404);
    }

    /**
     * The tile of clients in care in {@code form} (null: in total) as the API's cells give it: the all-profiles
     * cell when shown, else the sum of the GGZ-W profiles, then of the GGZ-B ones, when each is shown and the sum is
     * not 0, else a dash.
     */
    private static String expectedTile(JsonNode forms, String form, String label) {
        JsonNode rows = forms.get("rows");
        JsonNode all = cellOf(rows.get(rows.size() - 1), form);
        if (!all.path("suppressed").asBoolean()) {
            return tilePattern(all.get("display").asText(), label);
        }
        for (String series : List.of("W", "B")) {
            long sum = 0;
            boolean shown = true;
            for (JsonNode row : rows) {
                String code = row.get("code").asText();
                if (!code.equals("ALL") && code.endsWith(series)) {
                    JsonNode cell = cellOf(row, form);
                    shown &= !cell.path("suppressed").asBoolean();
                    sum += cell.path("value").asLong();
                }
            }
            if (shown && sum > 0) {
                return tilePattern(
                        NumberFormat.getIntegerInstance(Dutch.LOCALE).format(sum), label + ", GGZ-" + series);
            }
        }
        return tilePattern("–", label);
    }

    private static JsonNode cellOf(JsonNode row, String form) {
        return form == null ? row.get("total") : row.get("clients").get(form);
    }

    private static String tilePattern(String value, String label) {
        return "<span class=\"tile-value\">" + Pattern.quote(HtmlUtils.htmlEscape(value))
                + "</span>\\s*<span class=\"tile-label\">" + Pattern.quote(label) + "</span>";
    }

    private String cell(WebSession session, String path, String code) throws Exception {
        for (JsonNode row : json.readTree(session.getJson(path).body()).get("rows")) {
            if (row.get("code").asText().equals(code)) {
                return row.get("clients").get("display").asText();
            }
        }
        throw new AssertionError(code + " not in " + path);
    }
}
