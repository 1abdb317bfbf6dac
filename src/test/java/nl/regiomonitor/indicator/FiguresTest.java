package nl.regiomonitor.indicator;

import static nl.regiomonitor.PublishedOutputs.assertCaptionsAndRowsInOrder;
import static nl.regiomonitor.PublishedOutputs.assertEveryPageHeadsItsRows;
import static nl.regiomonitor.PublishedOutputs.csvCells;
import static nl.regiomonitor.PublishedOutputs.csvTables;
import static nl.regiomonitor.PublishedOutputs.pageCells;
import static nl.regiomonitor.PublishedOutputs.pdfPages;
import static nl.regiomonitor.PublishedOutputs.xlsxCells;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.regiomonitor.EmptyDatabaseTest;
import nl.regiomonitor.PublishedOutputs;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.ingest.ImportStatus;
import nl.regiomonitor.publication.PublicationService;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures on a small data set whose answers are worked out by hand below, in a database
 * that holds nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiguresTest extends EmptyDatabaseTest {

    private static final String HEADER = "client_id;decision_date;valid_from;valid_to;region_code;profile_code;origin;birth_year\n";

    @Autowired
    ImportService imports;
    @Autowired
    PublicationService publications;
    @Autowired
    InfluxFigures influx;
    @Autowired
    StockFigures stock;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    /**
     * Influx in 2024 (GGZ-W, by the month of the first GGZ-W valid_from):
     * <pre>
     * client    first GGZ-W   region profile origin      age (2024 − birth)  band
     * HANDA     2024-01-10    ZK10   GGZ03W  WMO_BW      24                  18-26
     * HANDB     2024-01-31    ZK10   GGZ01W  ZVW_GGZ     44                  27-44
     * HANDC     2024-02-01    ZK01   GGZ03W  GEEN        64                  45-64   (changes to GGZ05W in June: no influx)
     * HANDD     2024-02-15    ZK10   GGZ01W  WLZ_ANDERS  74                  65+     (GGZ-B since 2023: first GGZ-W counts)
     * HANDE     2023-12-20    ZK10   GGZ02W  WMO_BW      outside the period
     * HANDF     2024-03-05    ZK10   GGZ03W  JEUGD       19                  18-26
     * </pre>
     * So ZK10: January 2 (GGZ03W 1, GGZ01W 1), February 1, March 1; NL: 2, 2, 1.
     * <p>
     * Stock: 20,150 GGZ-W clients valid from 2021-01-01 without end, 5,985 more from 2022-01-01:
     * 20,150 on 2021-10-01 and 26,135 on 2022-10-01, +29,7% (5,985 / 20,150 = 0,29702). GGZ-B: 50
     * clients on 2021-10-01 of whom 6 end on 2022-06-30: 44 a year later, −12,0%.
     */
    @BeforeAll
    void load() throws Exception {
        StringBuilder rows = new StringBuilder(HEADER);
        rows.append("HANDA;2024-01-02;2024-01-10;;ZK10;GGZ03W;WMO_BW;2000\n");
        rows.append("HANDB;2024-01-20;2024-01-31;;ZK10;GGZ01W;ZVW_GGZ;1980\n");
        rows.append("HANDC;2024-01-25;2024-02-01;2024-05-31;ZK01;GGZ03W;GEEN;1960\n");
        rows.append("HANDC;2024-05-20;2024-06-01;;ZK01;GGZ05W;GEEN;1960\n");
        rows.append("HANDD;2023-04-20;2023-05-01;2024-02-14;ZK10;GGZ04B;ZVW_GGZ;1950\n");
        rows.append("HANDD;2024-02-10;2024-02-15;;ZK10;GGZ01W;WLZ_ANDERS;1950\n");
        rows.append("HANDE;2023-12-10;2023-12-20;;ZK10;GGZ02W;WMO_BW;1990\n");
        rows.append("HANDF;2024-03-01;2024-03-05;;ZK10;GGZ03W;JEUGD;2005\n");
        // moves from ZK01 to ZK10 in April 2024 (first GGZ-W in 2023: no influx in the months above)
        rows.append("MOVER;2023-02-20;2023-03-01;2024-03-31;ZK01;GGZ02W;GEEN;1975\n");
        rows.append("MOVER;2024-03-20;2024-04-01;;ZK10;GGZ02W;GEEN;1975\n");
        // GGZ-B in 2025: a year-long indication in ZK03 with a March indication in ZK04 inside it
        rows.append("NESTED;2024-12-01;2025-01-01;2025-12-31;ZK03;GGZ04B;GEEN;1970\n");
        rows.append("NESTED;2025-02-20;2025-03-01;2025-03-31;ZK04;GGZ05B;GEEN;1970\n");
        String[] profiles = {"GGZ01W", "GGZ02W", "GGZ03W", "GGZ04W", "GGZ05W"};
        for (int i = 0; i < 20_150; i++) {
            rows.append("STOCKA").append(i).append(";2020-12-15;2021-01-01;;ZK02;").append(profiles[i % 5]).append(";WMO_BW;1970\n");
        }
        for (int i = 0; i < 5_985; i++) {
            rows.append("STOCKB").append(i).append(";2021-12-15;2022-01-01;;ZK02;").append(profiles[i % 5]).append(";WMO_BW;1970\n");
        }
        for (int i = 0; i < 50; i++) {
            rows.append("STOCKG").append(i).append(";2020-12-15;2021-01-01;").append(i < 6 ? "2022-06-30" : "")
                    .append(";ZK02;GGZ05B;ZVW_GGZ;1970\n");
        }
        Path file = Files.createTempFile("figures-", ".csv");
        Files.writeString(file, rows, StandardCharsets.UTF_8);
        assertThat(imports.importFile(file, "hand.csv", "indications").status()).isEqualTo(ImportStatus.LOADED);
        Files.delete(file);

        // waiting list: on 2024-05-31 ZK10 has 2 active; on 2024-06-30 ZK10 has 3 active and 1 urgent, ZK01 6 active
        StringBuilder waiting = new StringBuilder("snapshot_date;client_id;region_code;profile_code;wait_status\n");
        for (int i = 0; i < 2; i++) {
            waiting.append("2024-05-31;WAITMAY").append(i).append(";ZK10;GGZ03W;ACTIEF\n");
        }
        for (int i = 0; i < 3; i++) {
            waiting.append("2024-06-30;WAITJUN").append(i).append(";ZK10;GGZ03W;ACTIEF\n");
        }
        waiting.append("2024-06-30;WAITURG;ZK10;GGZ01W;URGENT\n");
        for (int i = 0; i < 6; i++) {
            waiting.append("2024-06-30;WAITAMS").append(i).append(";ZK01;GGZ03W;ACTIEF\n");
        }
        Path list = Files.createTempFile("waitlist-", ".csv");
        Files.writeString(list, waiting, StandardCharsets.UTF_8);
        assertThat(imports.importFile(list, "hand-wachtlijst.csv", "waitlist").status()).isEqualTo(ImportStatus.LOADED);
        Files.delete(list);

        // costs 2024: GGZ03W per day ZK10 25,000/150 = 166.67, ZK01 30,000/200 = 150.00, ZK02 21,000/100 = 210.00;
        // ZK10 also GGZ01W 1,000/10 = 100.00, so ZK10 over all profiles 26,000/160 = 162.50; a 2023 line is outside
        Path costsFile = Files.createTempFile("costs-", ".csv");
        Files.writeString(costsFile, "month;region_code;profile_code;delivery_form;client_days;amount_eur\n"
                + "2024-01;ZK10;GGZ03W;VERBLIJF;100;20000.00\n"
                + "2024-02;ZK10;GGZ03W;VERBLIJF;50;5000.00\n"
                + "2024-02;ZK10;GGZ01W;MPT;10;1000.00\n"
                + "2024-03;ZK01;GGZ03W;VERBLIJF;200;30000.00\n"
                + "2024-03;ZK02;GGZ03W;VERBLIJF;100;21000.00\n"
                + "2023-12;ZK02;GGZ03W;VERBLIJF;100;99000.00\n", StandardCharsets.UTF_8);
        assertThat(imports.importFile(costsFile, "hand-kosten.csv", "costs").status()).isEqualTo(ImportStatus.LOADED);
        Files.delete(costsFile);

        // care on 2024-07-01 in ZK10: HANDA (GGZ03W) VERBLIJF; HANDF (GGZ03W) PGB and MPT at once; HANDC (GGZ05W,
        // indicated in ZK01) VPT delivered in ZK10; HANDB's MPT ended in June. STOCKA0 (GGZ01W) VERBLIJF in ZK02.
        Path care = Files.createTempFile("allocations-", ".csv");
        Files.writeString(care, "client_id;provider_code;region_code;delivery_form;start_date;end_date\n"
                + "HANDA;P1;ZK10;VERBLIJF;2024-02-01;\n"
                + "HANDB;P1;ZK10;MPT;2024-03-01;2024-06-30\n"
                + "HANDF;P1;ZK10;PGB;2024-04-01;\n"
                + "HANDF;P2;ZK10;MPT;2024-04-01;\n"
                + "HANDC;P3;ZK10;VPT;2024-06-01;\n"
                + "STOCKA0;P4;ZK02;VERBLIJF;2021-02-01;\n", StandardCharsets.UTF_8);
        assertThat(imports.importFile(care, "hand-zorg.csv", "allocations").status()).isEqualTo(ImportStatus.LOADED);
        Files.delete(care);
        publications.awaitCurrent();
    }

    private static final YearMonth JAN = YearMonth.of(2024, 1);
    private static final YearMonth MAR = YearMonth.of(2024, 3);

    @Test
    void influxPerMonthCountsEachClientOnceInTheMonthOfTheFirstGgzWIndication() {
        assertThat(influx.monthly("ZK10", JAN, MAR, null)).containsExactly(
                Map.entry(JAN, 2L), Map.entry(YearMonth.of(2024, 2), 1L), Map.entry(MAR, 1L));
        assertThat(influx.monthly("NL", JAN, MAR, null).values()).containsExactly(2L, 2L, 1L);
        assertThat(influx.monthly("ZK01", JAN, YearMonth.of(2024, 12), null).values().stream().mapToLong(Long::longValue).sum())
                .as("a change of profile is not influx").isEqualTo(1);
        assertThat(influx.monthly("ZK10", JAN, MAR, "GGZ01W").values()).containsExactly(1L, 1L, 0L);
    }

    @Test
    void influxByProfileOriginAndAgeBand() {
        InfluxFigures.InfluxTable byProfile = influx.influx("ZK10", JAN, MAR, Breakdown.PROFILE);
        assertThat(byProfile.categories()).extracting(Category::code)
                .containsExactly("GGZ01W", "GGZ02W", "GGZ03W", "GGZ04W", "GGZ05W");
        assertThat(byProfile.rows().get(0).counts()).containsEntry("GGZ01W", 1L).containsEntry("GGZ03W", 1L)
                .containsEntry("GGZ02W", 0L);
        assertThat(byProfile.rows().get(1).counts()).containsEntry("GGZ01W", 1L);

        InfluxFigures.InfluxTable byOrigin = influx.influx("NL", JAN, MAR, Breakdown.ORIGIN);
        assertThat(byOrigin.rows().get(1).counts()).containsEntry("GEEN", 1L).containsEntry("WLZ_ANDERS", 1L)
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
        StockFigures.StockRow ggzB = table.rows().stream().filter(r -> r.category().code().equals("GGZ-B")).findFirst().orElseThrow();
        assertThat(ggzB.clients()).isEqualTo(44);
        assertThat(ggzB.changeDisplay()).isEqualTo("\u221212,0%");
        assertThat(stock.stock("ZK10", LocalDate.of(2022, 10, 1), Breakdown.NONE).rows().get(0).changeDisplay()).isEqualTo("–");
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
                .filter(r -> r.category().code().equals("GGZ-B")).findFirst().orElseThrow().clients();
    }

    @Test
    void theApiPublishesCellsAndHidesOneToFourClients() throws Exception {
        WebSession visitor = WebSession.anonymous(port);
        JsonNode answer = json.readTree(visitor.getJson("/api/v1/figures/influx?region=ZK10&from=2024-01&to=2024-03&by=profile").body());
        JsonNode january = answer.get("rows").get(0);
        assertThat(january.get("month").asText()).isEqualTo("2024-01");
        assertThat(january.get("cells").get("GGZ01W").toString()).isEqualTo("{\"value\":null,\"suppressed\":true,\"display\":\"<5\"}");
        assertThat(january.get("cells").get("GGZ02W").toString()).isEqualTo("{\"value\":0,\"display\":\"0\"}");
        assertThat(answer.get("columns").get(0).get("name").asText()).startsWith("1 GGZ-W");

        JsonNode big = json.readTree(visitor.getJson("/api/v1/figures/influx?region=NL&from=2022-01&to=2022-01").body());
        assertThat(big.get("rows").get(0).get("total").toString()).isEqualTo("{\"value\":5985,\"display\":\"5.985\"}");

        JsonNode stockAnswer = json.readTree(visitor.getJson("/api/v1/figures/stock?region=NL&date=2022-10-01").body());
        assertThat(stockAnswer.get("rows").get(0).get("change").asText()).isEqualTo("+29,7%");
        assertThat(stockAnswer.get("rows").get(0).get("changePercent").asDouble()).isEqualTo(29.7);
        assertThat(stockAnswer.get("rows").get(0).get("clients").get("display").asText()).isEqualTo("26.135");

        WebSession.Response bad = visitor.getJson("/api/v1/figures/influx?region=ZK99&from=2024-01&to=2024-03");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Onbekende regio 'ZK99'");
        assertThat(visitor.getJson("/api/v1/figures/influx?region=NL&from=2024-05&to=2024-03").status()).isEqualTo(400);
        assertThat(visitor.getJson("/api/v1/figures/influx?region=NL&from=2024-01&to=2024-03&by=kleur").body())
                .contains("Onbekende indeling");
    }

    @Test
    void wrongQuestionsAreRefusedInDutch() {
        assertThatThrownBy(() -> influx.monthly("NL", JAN, MAR, "GGZ04B")).hasMessageContaining("Onbekend GGZ-W-profiel");
        assertThatThrownBy(() -> stock.stock("NL", LocalDate.of(2022, 10, 1), Breakdown.ORIGIN))
                .hasMessageContaining("profiel");
        assertThat(List.of(Breakdown.parse("AgeBand"), Breakdown.parse(null))).containsExactly(Breakdown.AGEBAND, Breakdown.NONE);
    }

    @Test
    void theInstroommonitorPageAndItsDownloadsHoldTheSameCells() throws Exception {
        WebSession visitor = WebSession.anonymous(port);
        String query = "?region=ZK10&from=2024-01&to=2024-03&period=month";
        String page = visitor.get("/instroom" + query).body();
        assertThat(page).contains("Instroommonitor Haaglanden").contains("Instroom GGZ-W per herkomst")
                .contains("Aandeel jongvolwassenen (18 t/m 26 jaar): niet te tonen");
        // NL, January to March 2024: 2 of 5 are 18-26 (HANDA, HANDF), but 2 is hidden; over 2021-2022 none of 26,135 are
        assertThat(visitor.get("/instroom?region=NL&from=2021-01&to=2022-12").body())
                .contains("Jongvolwassenen (18 t/m 26 jaar): 0,0% van de instroom (0 van 26.135).");
        List<String> pageCells = pageCells(page);
        // three tables of three months: 5 profiles, 7 origins, 4 age bands, each with a total column
        assertThat(pageCells).hasSize(3 * (6 + 8 + 5));
        // January by profile: small counts hidden, zeros shown, and a <5 that protects the quarter and year beside it an x
        assertThat(pageCells.subList(0, 6)).containsExactly("<5", "0", "x", "0", "0", "<5");
        assertThat(csvCells(visitor.getAny("/instroom.csv" + query).body())).isEqualTo(pageCells);
        assertThat(xlsxCells(visitor, "/instroom.xlsx" + query)).isEqualTo(pageCells);

        String regionPage = visitor.get("/regions/ZK10?year=2024").body();
        List<String> regionCells = pageCells(regionPage);
        assertThat(regionCells).contains("€\u00a0166,67", "<5", "–");
        assertThat(csvCells(visitor.getAny("/regions/ZK10/cijfers.csv?year=2024").body())).isEqualTo(regionCells);
        assertThat(xlsxCells(visitor, "/regions/ZK10/cijfers.xlsx?year=2024")).isEqualTo(regionCells);
    }

    @Test
    void thePdfHoldsEveryCaptionAndRowOfTheCsvWithPageNumbersAndEmbeddedFonts() throws Exception {
        WebSession visitor = WebSession.anonymous(port);
        WebSession.Response answer = visitor.getAny("/regions/ZK10/cijfers.pdf?year=2024");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"cijfers-ZK10-2024.pdf\"");
        // a region's year, a region's quarter, and four national years that run over several pages
        for (String download : List.of("/regions/ZK10/cijfers.%s?year=2024", "/instroom.%s?region=ZK10&from=2024-01&to=2024-03",
                "/instroom.%s?region=NL&from=2021-01&to=2024-12")) {
            String csv = visitor.getAny(download.formatted("csv")).body();
            List<List<CSVRecord>> tables = csvTables(csv);
            assertThat(xlsxCells(visitor, download.formatted("xlsx"))).isEqualTo(csvCells(csv));
            try (PDDocument pdf = Loader.loadPDF(visitor.getBytes(download.formatted("pdf")))) {
                int pages = pdf.getNumberOfPages();
                List<List<String>> lines = pdfPages(pdf);
                for (int page = 1; page <= pages; page++) {
                    assertThat(lines.get(page - 1)).as("paginanummer").contains("Regiomonitor Wlz-ggz pagina " + page + " van " + pages);
                }
                assertCaptionsAndRowsInOrder(lines.stream().flatMap(List::stream).toList(), tables);
                assertEveryPageHeadsItsRows(lines, tables);
                for (PDPage page : pdf.getPages()) {
                    for (COSName name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as("lettertype %s ingebed", font.getName()).isTrue();
                        assertThat(font.getName()).contains("DejaVuSans");
                    }
                }
                if (download.contains("NL")) {
                    assertThat(pages).as("48 maanden in drie tabellen").isGreaterThan(2);
                }
            }
        }
    }

    @Autowired
    WaitlistFigures waitlist;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theWaitingListOfTheLatestSnapshotOnOrBeforeTheDate() throws Exception {
        WaitlistFigures.WaitlistTable july = waitlist.waitlist("NL", LocalDate.of(2024, 7, 15));
        assertThat(july.snapshot()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(july.clients()).containsEntry("ACTIEF", 9L).containsEntry("URGENT", 1L).containsEntry("NIET_ACTIEF", 0L);
        assertThat(july.total()).isEqualTo(10);
        WaitlistFigures.WaitlistTable june = waitlist.waitlist("ZK10", LocalDate.of(2024, 6, 29));
        assertThat(june.snapshot()).isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(june.clients()).containsEntry("ACTIEF", 2L);
        assertThat(waitlist.waitlist("ZK10", LocalDate.of(2020, 1, 1)).snapshot()).isNull();

        JsonNode answer = json.readTree(WebSession.anonymous(port).getJson("/api/v1/figures/waitlist?region=ZK10&date=2024-07-01").body());
        assertThat(answer.get("snapshot").asText()).isEqualTo("2024-06-30");
        assertThat(answer.get("clients").get("ACTIEF").get("display").asText()).isEqualTo("<5");
        assertThat(answer.get("clients").get("WACHT_OP_VOORKEUR").get("display").asText()).isEqualTo("0");
    }

    @Test
    void prevalencePerTenThousandAdultsForEveryRegionAndNl() throws Exception {
        long adultsZk02 = jdbc.queryForObject("select sum(inhabitants_18plus) from population where year = 2019 and region_code = 'ZK02'", Long.class);
        long adultsNl = jdbc.queryForObject("select sum(inhabitants_18plus) from population where year = 2019", Long.class);
        StockFigures.PrevalenceTable table = stock.prevalence(LocalDate.of(2022, 10, 1), "GGZ-W");
        assertThat(table.populationYear()).isEqualTo(2019);
        assertThat(table.rows()).hasSize(32);
        assertThat(table.rows().get(0).region()).isEqualTo("NL");
        assertThat(table.rows().get(0).perTenThousand()).isCloseTo(26_135 * 10_000.0 / adultsNl, Offset.offset(1e-9));
        StockFigures.PrevalenceRow zk02 = table.rows().stream().filter(r -> r.region().equals("ZK02")).findFirst().orElseThrow();
        assertThat(zk02.clients()).isEqualTo(26_135);
        assertThat(zk02.perTenThousand()).isCloseTo(26_135 * 10_000.0 / adultsZk02, Offset.offset(1e-9));

        JsonNode answer = json.readTree(WebSession.anonymous(port).getJson("/api/v1/figures/prevalence?date=2022-10-01").body());
        JsonNode zk02Line = null;
        for (JsonNode line : answer.get("rows")) {
            if (line.get("region").asText().equals("ZK02")) {
                zk02Line = line;
            }
        }
        assertThat(zk02Line.get("display").asText()).isEqualTo(String.format(Dutch.LOCALE, "%.1f",
                Math.round(26_135 * 100_000.0 / adultsZk02) / 10.0));
        assertThat(answer.get("rows").get(1).get("display").asText()).isEqualTo("0,0");
        assertThat(WebSession.anonymous(port).getJson("/api/v1/figures/prevalence?date=2022-10-01&series=GGZ-X").status()).isEqualTo(400);
    }

    @Autowired
    CostFigures costs;

    @Test
    void costPerClientPerDayAgainstTheBandOfAllRegions() throws Exception {
        CostFigures.CostTable zk10 = costs.costs("ZK10", 2024);
        CostFigures.CostRow ggz03w = zk10.rows().stream().filter(r -> r.category().code().equals("GGZ03W")).findFirst().orElseThrow();
        assertThat(ggz03w.perDay()).isEqualByComparingTo("166.67");
        assertThat(ggz03w.lowest()).isEqualByComparingTo("150.00");
        assertThat(ggz03w.median()).isEqualByComparingTo("166.67");
        assertThat(ggz03w.highest()).isEqualByComparingTo("210.00");
        assertThat(ggz03w.regionsInBand()).isEqualTo(3);
        CostFigures.CostRow all = zk10.rows().get(zk10.rows().size() - 1);
        assertThat(all.category().code()).isEqualTo("ALL");
        assertThat(all.perDay()).isEqualByComparingTo("162.50");
        assertThat(costs.costs("NL", 2024).rows().stream().filter(r -> r.category().code().equals("GGZ03W")).findFirst()
                .orElseThrow().perDay()).isEqualByComparingTo("168.89"); // 76,000 / 450
        assertThat(costs.costs("ZK01", 2024).rows().stream().filter(r -> r.category().code().equals("GGZ01W")).findFirst()
                .orElseThrow().perDay()).as("no GGZ01W costs in ZK01").isNull();

        JsonNode answer = json.readTree(WebSession.anonymous(port).getJson("/api/v1/figures/costs?region=ZK10&year=2024").body());
        assertThat(answer.get("rows").get(1).get("display").asText()).isEqualTo("€\u00a0166,67"); // a non-breaking space, as Dutch currency is written
    }

    @Autowired
    DeliveryFormFigures deliveryForms;

    @Test
    void deliveryFormsPerProfileOfTheClientsInCare() throws Exception {
        DeliveryFormFigures.FormTable zk10 = deliveryForms.deliveryForms("ZK10", LocalDate.of(2024, 7, 1));
        DeliveryFormFigures.FormRow ggz03w = zk10.rows().stream().filter(r -> r.profile().code().equals("GGZ03W")).findFirst().orElseThrow();
        assertThat(ggz03w.total()).isEqualTo(2);
        assertThat(ggz03w.clients()).containsEntry("VERBLIJF", 1L).containsEntry("PGB", 1L).containsEntry("MPT", 1L)
                .containsEntry("VPT", 0L);
        assertThat(ggz03w.share("VERBLIJF")).isEqualTo(50.0);
        DeliveryFormFigures.FormRow ggz05w = zk10.rows().stream().filter(r -> r.profile().code().equals("GGZ05W")).findFirst().orElseThrow();
        assertThat(ggz05w.clients()).containsEntry("VPT", 1L);
        // all profiles together, for the region as for NL: the clients in care by form, each the sum of its profiles
        DeliveryFormFigures.FormRow all = zk10.allProfiles();
        assertThat(all.profile().code()).isEqualTo("ALL");
        assertThat(all.total()).isEqualTo(zk10.rows().stream().filter(r -> r != all).mapToLong(DeliveryFormFigures.FormRow::total).sum());
        assertThat(all.clients().get("VERBLIJF")).isEqualTo(zk10.rows().stream().filter(r -> r != all)
                .mapToLong(r -> r.clients().get("VERBLIJF")).sum());
        // shown only where every profile it adds up is shown, so it gives no hidden profile away
        assertThat(all.cell("VERBLIJF").suppressed()).isTrue();
        DeliveryFormFigures.FormRow national = deliveryForms.deliveryForms("NL", LocalDate.of(2024, 7, 1)).rows().stream()
                .filter(r -> r.profile().code().equals("ALL")).findFirst().orElseThrow();
        assertThat(national.total()).isEqualTo(4);
        assertThat(national.clients()).containsEntry("VERBLIJF", 2L);

        JsonNode answer = json.readTree(WebSession.anonymous(port).getJson("/api/v1/figures/delivery-forms?region=ZK10&date=2024-07-01").body());
        JsonNode line = answer.get("rows").get(2); // GGZ03W
        assertThat(line.get("code").asText()).isEqualTo("GGZ03W");
        assertThat(line.get("clients").get("PGB").get("display").asText()).isEqualTo("<5");
        assertThat(line.get("share").path("PGB").isNumber()).as("a share of hidden cells would give them away").isFalse();
    }

    @Autowired
    FlowFigures flows;

    @Test
    void flowsBetweenRegionsInAYear() throws Exception {
        // HANDC is indicated in ZK01 and cared for in ZK10; MOVER moves from ZK01 to ZK10 in 2024
        FlowFigures.Flows zk10 = flows.flows("ZK10", 2024);
        assertThat(zk10.count(FlowFigures.Flow.CARED_HERE_INDICATED_ELSEWHERE)).isEqualTo(1);
        assertThat(zk10.count(FlowFigures.Flow.INDICATED_HERE_CARED_ELSEWHERE)).isZero();
        assertThat(zk10.count(FlowFigures.Flow.MOVED_IN)).isEqualTo(1);
        assertThat(zk10.count(FlowFigures.Flow.MOVED_OUT)).isZero();
        FlowFigures.Flows zk01 = flows.flows("ZK01", 2024);
        assertThat(zk01.count(FlowFigures.Flow.INDICATED_HERE_CARED_ELSEWHERE)).isEqualTo(1);
        assertThat(zk01.count(FlowFigures.Flow.MOVED_OUT)).isEqualTo(1);
        assertThat(zk01.count(FlowFigures.Flow.MOVED_IN)).isZero();
        FlowFigures.Flows national = flows.flows("NL", 2024);
        assertThat(national.count(FlowFigures.Flow.INDICATED_HERE_CARED_ELSEWHERE)).isEqualTo(1);
        assertThat(national.count(FlowFigures.Flow.MOVED_IN)).isEqualTo(1);
        assertThat(flows.flows("ZK10", 2023).count(FlowFigures.Flow.MOVED_IN)).isZero();

        String page = WebSession.anonymous(port).get("/regions/ZK10?year=2024").body();
        assertThat(page).contains("Cijfers Haaglanden (ZK10)").contains("€\u00a0166,67").contains("Verhuisd naar de regio");
        JsonNode answer = json.readTree(WebSession.anonymous(port).getJson("/api/v1/figures/flows?region=ZK10&year=2024").body());
        assertThat(answer.get("movedIn").get("display").asText()).isEqualTo("<5");
        assertThat(answer.get("movedOut").get("display").asText()).isEqualTo("0");
        JsonNode exchange = answer.get("doorstroom").get(0);
        assertThat(answer.get("doorstroom")).hasSize(1);
        assertThat(exchange.get("name").asText()).isEqualTo("Amstelland en De Meerlanden");
        assertThat(exchange.get("movedFrom").get("display").asText()).isEqualTo("<5");
        assertThat(exchange.get("movedTo").get("display").asText()).isEqualTo("0");
    }

    @Test
    void doorstroomNamesTheOtherRegionsAndAddsUpToTheMoves() throws Exception {
        // MOVER moved from ZK01 to ZK10 in 2024: one pair, both sides of it one cell
        FlowFigures.Doorstroom zk10 = flows.doorstroom("ZK10", 2024);
        assertThat(zk10.name()).isEqualTo("Haaglanden");
        assertThat(zk10.others()).extracting(FlowFigures.Exchange::name).containsExactly("Amstelland en De Meerlanden");
        assertThat(zk10.others().get(0).movedFrom()).isEqualTo(1);
        assertThat(zk10.others().get(0).movedTo()).isZero();
        assertThat(zk10.movedIn()).isEqualTo(zk10.others().stream().mapToLong(FlowFigures.Exchange::movedFrom).sum());
        FlowFigures.Doorstroom zk01 = flows.doorstroom("ZK01", 2024);
        assertThat(zk01.others()).extracting(FlowFigures.Exchange::code).containsExactly("ZK10");
        assertThat(zk01.others().get(0).movedToCell()).isEqualTo(zk10.others().get(0).movedFromCell());
        assertThat(flows.doorstroom("ZK10", 2023).others()).isEmpty();
        assertThat(flows.doorstroom("NL", 2024).others()).isEmpty();
        assertThat(flows.doorstroom("NL", 2024).movedIn()).isEqualTo(1);

        String page = WebSession.anonymous(port).get("/regions/ZK10?year=2024").body();
        // label, weg naar, vanuit: the name, never the code
        assertThat(PublishedOutputs.pageTable(page, "doorstroom")).containsExactly(
                List.of("Amstelland en De Meerlanden", "0", "<5"), List.of("Totaal", "0", "<5"));
        assertThat(page).contains("Doorstroom regio").contains("Cliënt gaat weg uit de regio naar")
                .contains("Cliënt komt naar de regio vanuit");
    }
}
