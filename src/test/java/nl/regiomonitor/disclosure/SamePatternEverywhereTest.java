package nl.regiomonitor.disclosure;

import static nl.regiomonitor.PublishedOutputs.assertCaptionsAndRowsInOrder;
import static nl.regiomonitor.PublishedOutputs.assertEveryPageHeadsItsRows;
import static nl.regiomonitor.PublishedOutputs.csvCells;
import static nl.regiomonitor.PublishedOutputs.csvTables;
import static nl.regiomonitor.PublishedOutputs.pageCells;
import static nl.regiomonitor.PublishedOutputs.pageTable;
import static nl.regiomonitor.PublishedOutputs.pdfPages;
import static nl.regiomonitor.PublishedOutputs.xlsxCells;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.PublishedOutputs;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.disclosure.ProtectionPattern.Mark;

/**
 * One protection pattern, whatever output publishes it: for a region of the demo data whose tables
 * hide cells both by the primary rule ({@code <5}) and to protect them ({@code x}), the page, its CSV,
 * XLSX and PDF downloads and the API hold the same cells, one by one.
 */
class SamePatternEverywhereTest extends IntegrationTest {

    /** The Instroommonitor's default period. */
    private static final int MONTHS = 24;

    @Autowired
    List<PublishedTables> publishers;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @Test
    void theInstroommonitorItsDownloadsAndTheApiHoldTheSameCells() throws Exception {
        // the latest 24 months in which a region has both kinds of hidden cells
        // one table per calendar year, keys like "2024-03|ZK28|PROFILE|GGZ03W": the months' marks by region
        TreeMap<YearMonth, Map<String, Set<Mark>>> byMonth = new TreeMap<>();
        published("instroom ").values().forEach(pattern -> {
            for (int c = 0; c < pattern.table().size(); c++) {
                String key = pattern.table().key(c);
                String period = key.substring(0, key.indexOf('|'));
                String rest = key.substring(period.length() + 1);
                if (period.matches("\\d{4}-\\d{2}") && rest.startsWith("ZK")) {
                    byMonth.computeIfAbsent(YearMonth.parse(period), m -> new TreeMap<>())
                            .computeIfAbsent(rest.substring(0, rest.indexOf('|')), r -> EnumSet.noneOf(Mark.class))
                            .add(pattern.mark(c));
                }
            }
        });
        List<YearMonth> months = new ArrayList<>(byMonth.keySet());
        List<Map<String, Set<Mark>>> marks = new ArrayList<>(byMonth.values());
        String region = null;
        int end = months.size();
        while (end >= MONTHS && (region = regionWithBoth(marks.subList(end - MONTHS, end))) == null) {
            end--;
        }
        assertThat(region)
                .as("een regio met <5 en x in %d maanden van de demogegevens", MONTHS)
                .isNotNull();
        YearMonth from = months.get(end - MONTHS);
        YearMonth to = months.get(end - 1);
        System.out.printf("Instroom: %s, %s t/m %s%n", region, from, to);

        WebSession visitor = WebSession.anonymous(port);
        String query = "?region=%s&from=%s&to=%s&period=month".formatted(region, from, to);
        String page = visitor.get("/instroom" + query).body();
        List<String> cells = assertTheDownloadsHoldThePageCells(visitor, page, "/instroom.%s" + query);
        assertThat(cells).as("de vergeleken cellen").contains("<5", "x");

        // each breakdown's rows, every category in column order and then the total, as the three page tables hold them
        List<String> api = new ArrayList<>();
        for (String by : List.of("profile", "origin", "ageband")) {
            JsonNode answer = api("/api/v1/figures/influx" + query + "&by=" + by);
            List<String> codes = texts(answer.get("columns").findValues("code"));
            for (JsonNode row : answer.get("rows")) {
                assertThat(fieldNames(row.get("cells")))
                        .as("kolommen van %s", by)
                        .isEqualTo(codes);
                row.get("cells").forEach(cell -> api.add(cell.get("display").asText()));
                api.add(row.get("total").get("display").asText());
            }
            assertThat(texts(answer.get("rows").findValues("month")))
                    .as("maanden van %s", by)
                    .isEqualTo(monthsFrom(from, to));
        }
        assertThat(api).as("API per profiel, herkomst en leeftijdsklasse").isEqualTo(cells);

        // the trend is published for fixed windows only: the API answers for the nearest, a year within the period
        JsonNode answer = api("/api/v1/trend/influx" + query);
        YearMonth windowFrom = YearMonth.parse(answer.get("from").asText());
        YearMonth windowTo = YearMonth.parse(answer.get("to").asText());
        assertThat(windowFrom).isAfterOrEqualTo(from);
        assertThat(windowTo).isBeforeOrEqualTo(to);
        JsonNode trend = answer.get("points");
        assertThat(texts(trend.findValues("month"))).isEqualTo(monthsFrom(windowFrom, windowTo));
        int skip = monthsFrom(from, windowFrom).size() - 1;
        assertThat(texts(trend.findValues("clients").stream()
                        .map(c -> c.get("display"))
                        .toList()))
                .as("trend tegen de totaalkolom van de eerste tabel")
                .isEqualTo(pageTable(page, "profiel").stream()
                        .map(row -> row.get(row.size() - 1))
                        .toList()
                        .subList(skip, skip + trend.size()));

        // the same region per quarter: page, downloads, API and the quarterly trend hold the same cells
        YearMonth quartersFrom = from;
        while ((quartersFrom.getMonthValue() - 1) % 3 != 0) {
            quartersFrom = quartersFrom.plusMonths(1);
        }
        YearMonth quartersTo = to;
        while (quartersTo.getMonthValue() % 3 != 0) {
            quartersTo = quartersTo.minusMonths(1);
        }
        String quarters = "?region=%s&from=%s&to=%s&period=quarter".formatted(region, quartersFrom, quartersTo);
        String quarterPage = visitor.get("/instroom" + quarters).body();
        List<String> quarterCells = assertTheDownloadsHoldThePageCells(visitor, quarterPage, "/instroom.%s" + quarters);
        List<String> quarterApi = new ArrayList<>();
        for (String by : List.of("profile", "origin", "ageband")) {
            JsonNode rows =
                    api("/api/v1/figures/influx" + quarters + "&by=" + by).get("rows");
            assertThat(rows)
                    .as("kwartalen van %s", by)
                    .hasSize(monthsFrom(quartersFrom, quartersTo).size() / 3);
            for (JsonNode row : rows) {
                assertThat(row.get("period").asText()).matches("\\d{4}-K[1-4]");
                row.get("cells")
                        .forEach(cell -> quarterApi.add(cell.get("display").asText()));
                quarterApi.add(row.get("total").get("display").asText());
            }
        }
        assertThat(quarterApi).as("API per kwartaal").isEqualTo(quarterCells);
        assertThat(pageTable(quarterPage, "profiel").get(0).get(0)).contains("kwartaal");
        JsonNode quarterTrend = api("/api/v1/trend/influx?region=%s&period=quarter".formatted(region));
        assertThat(quarterTrend.get("period").asText()).isEqualTo("quarter");
        for (JsonNode point : quarterTrend.get("points")) {
            assertThat(YearMonth.parse(point.get("month").asText()).getMonthValue() % 3)
                    .as("een kwartaal eindigt in maart, juni, ...")
                    .isZero();
        }
    }

    @Test
    void theRegionPageItsDownloadsAndTheApiHoldTheSameCells() throws Exception {
        // the latest reference date on which a region's stock has a cell hidden to protect another
        String region = null;
        LocalDate day = null;
        for (Map.Entry<String, ProtectionPattern> stock :
                published("stand ").descendingMap().entrySet()) {
            region = marksByRegion(stock.getValue()).entrySet().stream()
                    .filter(e -> e.getValue().contains(Mark.SECONDARY))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            if (region != null) {
                day = LocalDate.parse(stock.getKey());
                break;
            }
        }
        assertThat(region)
                .as("een regio met een x in de stand van de demogegevens")
                .isNotNull();
        int year = day.getYear();
        System.out.printf("Regio: %s, %d (peildatum %s)%n", region, year, day);

        WebSession visitor = WebSession.anonymous(port);
        String page = visitor.get("/regions/" + region + "?year=" + year).body();
        List<String> cells =
                assertTheDownloadsHoldThePageCells(visitor, page, "/regions/" + region + "/cijfers.%s?year=" + year);
        assertThat(cells).as("de vergeleken cellen").contains("x");

        List<List<String>> stock = new ArrayList<>();
        for (JsonNode row : api("/api/v1/figures/stock?region=%s&date=%s&by=profile".formatted(region, day))
                .get("rows")) {
            stock.add(List.of(
                    row.get(row.get("seriesTotal").asBoolean() ? "name" : "code")
                            .asText(),
                    row.get("clients").get("display").asText(),
                    row.get("clientsYearBefore").get("display").asText(),
                    row.get("change").asText()));
        }
        assertThat(stock).as("stand").isEqualTo(pageTable(page, "stand"));

        JsonNode waitlist = api("/api/v1/figures/waitlist?region=%s&date=%s".formatted(region, day));
        List<List<String>> waiting = new ArrayList<>();
        assertThat(fieldNames(waitlist.get("clients")))
                .isEqualTo(texts(waitlist.get("statuses").findValues("code")));
        for (JsonNode status : waitlist.get("statuses")) {
            waiting.add(List.of(
                    status.get("name").asText(),
                    waitlist.get("clients")
                            .get(status.get("code").asText())
                            .get("display")
                            .asText()));
        }
        waiting.add(List.of("Totaal", waitlist.get("total").get("display").asText()));
        assertThat(waiting).as("wachtlijst").isEqualTo(pageTable(page, "wachtlijst"));

        // the page leaves out a profile whose total is 0, which the API shows as 0: a hidden total must be on the page
        JsonNode forms = api("/api/v1/figures/delivery-forms?region=%s&date=%s".formatted(region, day));
        List<List<String>> delivered = new ArrayList<>();
        for (JsonNode row : forms.get("rows")) {
            assertThat(fieldNames(row.get("clients")))
                    .isEqualTo(texts(forms.get("forms").findValues("code")));
            List<String> line = new ArrayList<>();
            line.add(
                    row.get("code").asText().equals("ALL")
                            ? "Alle profielen"
                            : row.get("code").asText());
            row.get("clients").forEach(cell -> line.add(cell.get("display").asText()));
            line.add(row.get("total").get("display").asText());
            if (!line.get(line.size() - 1).equals("0")) {
                delivered.add(line);
            }
        }
        assertThat(delivered).as("verzilvering").isEqualTo(pageTable(page, "verzilvering"));

        JsonNode flows = api("/api/v1/figures/flows?region=%s&year=%d".formatted(region, year));
        assertThat(Stream.of("indicatedHereCaredElsewhere", "caredHereIndicatedElsewhere", "movedIn", "movedOut")
                        .map(flow -> flows.get(flow).get("display").asText())
                        .toList())
                .as("stromen")
                .isEqualTo(pageTable(page, "stromen").stream()
                        .map(row -> row.get(1))
                        .toList());
    }

    /**
     * The page's cells, once the CSV and XLSX downloads ({@code download} with the extension as
     * {@code %s}) hold exactly these cells and the PDF prints every caption and row of the CSV.
     */
    private static List<String> assertTheDownloadsHoldThePageCells(WebSession visitor, String page, String download)
            throws IOException {
        List<String> cells = pageCells(page);
        String csv = visitor.getAny(download.formatted("csv")).body();
        assertThat(csvCells(csv).stream().map(PublishedOutputs::shown).toList())
                .as("CSV")
                .isEqualTo(cells);
        assertThat(xlsxCells(visitor, download.formatted("xlsx"))).as("XLSX").isEqualTo(csvCells(csv));
        List<List<CSVRecord>> tables = csvTables(csv);
        try (PDDocument pdf = Loader.loadPDF(visitor.getBytes(download.formatted("pdf")))) {
            List<List<String>> pages = pdfPages(pdf);
            assertCaptionsAndRowsInOrder(pages.stream().flatMap(List::stream).toList(), tables);
            assertEveryPageHeadsItsRows(pages, tables);
        }
        return cells;
    }

    /** The patterns published under a name that starts with {@code prefix} ("stand ", …), by the rest of the name in order. */
    private TreeMap<String, ProtectionPattern> published(String prefix) {
        TreeMap<String, ProtectionPattern> patterns = new TreeMap<>();
        for (PublishedTables publisher : publishers) {
            publisher.published().forEach((name, pattern) -> {
                if (name.startsWith(prefix)) {
                    patterns.put(name.substring(prefix.length()), pattern);
                }
            });
        }
        return patterns;
    }

    /** The marks a pattern gives the cells of each region, by region code (keys look like "ZK28|PROFILE|GGZ03W"). */
    private static Map<String, Set<Mark>> marksByRegion(ProtectionPattern pattern) {
        Map<String, Set<Mark>> marks = new TreeMap<>();
        for (int c = 0; c < pattern.table().size(); c++) {
            String key = pattern.table().key(c);
            if (key.startsWith("ZK")) {
                marks.computeIfAbsent(key.substring(0, key.indexOf('|')), r -> EnumSet.noneOf(Mark.class))
                        .add(pattern.mark(c));
            }
        }
        return marks;
    }

    /** The first region (by code) that has a {@code <5} and an {@code x} in these months together, or null. */
    private static String regionWithBoth(List<Map<String, Set<Mark>>> months) {
        Map<String, Set<Mark>> together = new TreeMap<>();
        months.forEach(month ->
                month.forEach((region, marks) -> together.computeIfAbsent(region, r -> EnumSet.noneOf(Mark.class))
                        .addAll(marks)));
        return together.entrySet().stream()
                .filter(e -> e.getValue().containsAll(Set.of(Mark.PRIMARY, Mark.SECONDARY)))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private JsonNode api(String path) throws IOException {
        WebSession.Response answer = WebSession.anonymous(port).getJson(path);
        assertThat(answer.status()).as("GET %s", path).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }

    private static List<String> monthsFrom(YearMonth from, YearMonth to) {
        return Stream.iterate(from, m -> !m.isAfter(to), m -> m.plusMonths(1))
                .map(YearMonth::toString)
                .toList();
    }
}
