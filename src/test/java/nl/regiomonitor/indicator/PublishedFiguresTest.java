package nl.regiomonitor.indicator;

import static nl.regiomonitor.PublishedOutputs.assertCaptionsAndRowsInOrder;
import static nl.regiomonitor.PublishedOutputs.assertEveryPageHeadsItsRows;
import static nl.regiomonitor.PublishedOutputs.csvCells;
import static nl.regiomonitor.PublishedOutputs.csvTables;
import static nl.regiomonitor.PublishedOutputs.pageCells;
import static nl.regiomonitor.PublishedOutputs.pdfPages;
import static nl.regiomonitor.PublishedOutputs.xlsxCells;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.regiomonitor.WebSession;

/**
 * The figures of the {@link HandData} as published: the API's cells, and the pages with their CSV, Excel and PDF
 * downloads holding the same cells.
 */
class PublishedFiguresTest extends HandDataTest {

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @Test
    void theApiPublishesCellsAndHidesOneToFourClients() throws Exception {
        WebSession visitor = WebSession.anonymous(port);
        JsonNode answer =
                json.readTree(visitor.getJson("/api/v1/figures/influx?region=ZK10&from=2024-01&to=2024-03&by=profile")
                        .body());
        JsonNode january = answer.get("rows").get(0);
        assertThat(january.get("month").asText()).isEqualTo("2024-01");
        assertThat(january.get("cells").get("GGZ01W").toString())
                .isEqualTo("{\"value\":null,\"suppressed\":true,\"display\":\"<5\"}");
        assertThat(january.get("cells").get("GGZ02W").toString()).isEqualTo("{\"value\":0,\"display\":\"0\"}");
        assertThat(answer.get("columns").get(0).get("name").asText()).startsWith("1 GGZ-W");

        JsonNode big = json.readTree(visitor.getJson("/api/v1/figures/influx?region=NL&from=2022-01&to=2022-01")
                .body());
        assertThat(big.get("rows").get(0).get("total").toString()).isEqualTo("{\"value\":5985,\"display\":\"5.985\"}");

        JsonNode stockAnswer = json.readTree(visitor.getJson("/api/v1/figures/stock?region=NL&date=2022-10-01")
                .body());
        assertThat(stockAnswer.get("rows").get(0).get("change").asText()).isEqualTo("+29,7%");
        assertThat(stockAnswer.get("rows").get(0).get("changePercent").asDouble())
                .isEqualTo(29.7);
        assertThat(stockAnswer.get("rows").get(0).get("clients").get("display").asText())
                .isEqualTo("26.135");

        WebSession.Response bad = visitor.getJson("/api/v1/figures/influx?region=ZK99&from=2024-01&to=2024-03");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Onbekende regio 'ZK99'");
        assertThat(visitor.getJson("/api/v1/figures/influx?region=NL&from=2024-05&to=2024-03")
                        .status())
                .isEqualTo(400);
        assertThat(visitor.getJson("/api/v1/figures/influx?region=NL&from=2024-01&to=2024-03&by=kleur")
                        .body())
                .contains("Onbekende indeling");
    }

    @Test
    void theInstroommonitorPageAndItsDownloadsHoldTheSameCells() throws Exception {
        WebSession visitor = WebSession.anonymous(port);
        String query = "?region=ZK10&from=2024-01&to=2024-03&period=month";
        String page = visitor.get("/instroom" + query).body();
        assertThat(page)
                .contains("Instroommonitor Haaglanden")
                .contains("Instroom GGZ-W per herkomst")
                .contains("Aandeel jongvolwassenen (18 t/m 26 jaar): niet te tonen");
        // NL, January to March 2024: 2 of 5 are 18-26 (HANDA,
        // HANDF), but 2 is hidden; over 2021-2022 none of 26,135 are
        assertThat(visitor.get("/instroom?region=NL&from=2021-01&to=2022-12").body())
                .contains("Jongvolwassenen (18 t/m 26 jaar): 0,0% van de instroom (0 van 26.135).");
        List<String> pageCells = pageCells(page);
        // three tables of three months: 5 profiles, 7 origins, 4 age bands, each with a total column
        assertThat(pageCells).hasSize(3 * (6 + 8 + 5));
        // January by profile: small counts hidden, zeros shown, and
        // a <5 that protects the quarter and year beside it an x
        assertThat(pageCells.subList(0, 6)).containsExactly("<5", "0", "x", "0", "0", "<5");
        assertThat(csvCells(visitor.getAny("/instroom.csv" + query).body())).isEqualTo(pageCells);
        assertThat(xlsxCells(visitor, "/instroom.xlsx" + query)).isEqualTo(pageCells);

        String regionPage = visitor.get("/regions/ZK10?year=2024").body();
        List<String> regionCells = pageCells(regionPage);
        assertThat(regionCells).contains("€\u00a0166,67", "<5", "–");
        assertThat(csvCells(
                        visitor.getAny("/regions/ZK10/cijfers.csv?year=2024").body()))
                .isEqualTo(regionCells);
        assertThat(xlsxCells(visitor, "/regions/ZK10/cijfers.xlsx?year=2024")).isEqualTo(regionCells);
    }

    @Test
    void thePdfHoldsEveryCaptionAndRowOfTheCsvWithPageNumbersAndEmbeddedFonts() throws Exception {
        WebSession visitor = WebSession.anonymous(port);
        WebSession.Response answer = visitor.getAny("/regions/ZK10/cijfers.pdf?year=2024");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(answer.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"cijfers-ZK10-2024.pdf\"");
        // a region's year, a region's quarter, and four national years that run over several pages
        for (String download : List.of(
                "/regions/ZK10/cijfers.%s?year=2024",
                "/instroom.%s?region=ZK10&from=2024-01&to=2024-03", "/instroom.%s?region=NL&from=2021-01&to=2024-12")) {
            String csv = visitor.getAny(download.formatted("csv")).body();
            List<List<CSVRecord>> tables = csvTables(csv);
            assertThat(xlsxCells(visitor, download.formatted("xlsx"))).isEqualTo(csvCells(csv));
            try (PDDocument pdf = Loader.loadPDF(visitor.getBytes(download.formatted("pdf")))) {
                int pages = pdf.getNumberOfPages();
                List<List<String>> lines = pdfPages(pdf);
                for (int page = 1; page <= pages; page++) {
                    assertThat(lines.get(page - 1))
                            .as("paginanummer")
                            .contains("Regiomonitor Wlz-ggz pagina " + page + " van " + pages);
                }
                assertCaptionsAndRowsInOrder(
                        lines.stream().flatMap(List::stream).toList(), tables);
                assertEveryPageHeadsItsRows(lines, tables);
                for (PDPage page : pdf.getPages()) {
                    for (COSName name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded())
                                .as("lettertype %s ingebed", font.getName())
                                .isTrue();
                        assertThat(font.getName()).contains("DejaVuSans");
                    }
                }
                if (download.contains("NL")) {
                    assertThat(pages).as("48 maanden in drie tabellen").isGreaterThan(2);
                }
            }
        }
    }
}
