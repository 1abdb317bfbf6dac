package nl.regiomonitor.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.FigureTable;
import nl.regiomonitor.indicator.RegionTables;
import nl.regiomonitor.indicator.StockFigures;
import nl.regiomonitor.indicator.View;
import nl.regiomonitor.indicator.WaitlistFigures;
import nl.regiomonitor.region.Region;
import org.springframework.stereotype.Service;

/**
 * The regioperspectief of a region and year (SPEC.md §5, seed 004), built from the published,
 * protected figures only: every number in it is a cell of a table the audit checks. The same
 * report feeds the page and the PDF.
 */
@Service
public class RegionalReport {

    /** Reference dates shown side by side: this year's and the four before, as seed 004. */
    static final int DATES = 5;
    /** The years a report can be asked for, on the page and on the command line. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd-MM-yy");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);

    private final StockFigures stock;
    private final WaitlistFigures waitlist;
    private final RegionTables regionTables;

    RegionalReport(StockFigures stock, WaitlistFigures waitlist, RegionTables regionTables) {
        this.stock = stock;
        this.waitlist = waitlist;
        this.regionTables = regionTables;
    }

    /** A number in the look-back: what it is, and its value as published. */
    public record Tile(String label, String value, String note) {
    }

    /** A figure: a table, with the chart of it when there is one (SVG, the same in page and PDF). */
    public record Figure(FigureTable table, String chart) {
    }

    /** A titled part of the report with its figures. */
    public record Section(String id, String title, String intro, List<Figure> figures) {
    }

    public record Report(Region region, int year, String referenceDate, List<Tile> lookBack, List<Section> sections) {
    }

    public Report build(Region region, int year) {
        LocalDate day = RegionTables.referenceDate(year);
        Map<String, FigureTable> regional = new LinkedHashMap<>();
        regionTables.tables(region, year, View.PUBLISHED).forEach(t -> regional.put(t.id(), t));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("sectorbeeld", "2. Sectorbeeld GGZ",
                "Het aantal cliënten met een indicatie per zorgprofiel in heel Nederland, op 1 oktober van vijf jaren.",
                List.of(stockOverTime("nl-w", "NL", "Nederland", "GGZ-W", year), stockOverTime("nl-b", "NL", "Nederland", "GGZ-B", year))));
        sections.add(new Section("zorgvraag", "3.1 Zorgvraag in " + region.name(),
                "Het aantal cliënten met een indicatie per zorgprofiel in de regio, en de prevalentie tegen het landelijk beeld.",
                List.of(stockOverTime("regio-w", region.code(), region.name(), "GGZ-W", year),
                        stockOverTime("regio-b", region.code(), region.name(), "GGZ-B", year),
                        new Figure(regional.get("prevalentie"), null))));
        sections.add(new Section("betaalbaarheid", "3.2 Betaalbaarheid",
                "Gemiddelde kosten per cliënt per dag tegen de band van alle regio's, en hoe cliënten hun zorg ontvangen "
                        + "(verzilvering).", List.of(new Figure(regional.get("kosten"), null), new Figure(regional.get("verzilvering"), null))));
        sections.add(new Section("toegankelijkheid", "3.3 Toegankelijkheid",
                "De wachtlijst per wachtstatus en de stromen tussen regio's.",
                List.of(new Figure(regional.get("wachtlijst"), null), new Figure(regional.get("stromen"), null))));
        return new Report(region, year, LONG.format(day), lookBack(region, day), sections);
    }

    /** Seed 004's tiles that come from the figures: the growth of indicated clients and the waiting list. */
    private List<Tile> lookBack(Region region, LocalDate day) {
        List<Tile> tiles = new ArrayList<>();
        StockFigures.StockTable s = stock.stock(region.code(), day, Breakdown.NONE);
        for (StockFigures.StockRow row : s.rows()) {
            tiles.add(new Tile("Cliënten met een " + row.category().code() + "-indicatie", row.cell().display(), "peildatum " + LONG.format(day)));
            tiles.add(new Tile("Groei " + row.category().code() + " ten opzichte van een jaar eerder",
                    row.changeShown() ? row.changeDisplay() : "–", "peildatum " + LONG.format(day)));
        }
        WaitlistFigures.WaitlistTable w = waitlist.waitlist(region.code(), day);
        w.statuses().forEach(status -> tiles.add(new Tile("Wachtlijst: " + status.name(), w.cell(status.code()).display(),
                w.snapshot() == null ? "geen momentopname" : "momentopname " + LONG.format(w.snapshot()))));
        return tiles;
    }

    /** One series' stock per profile on five reference dates, with the change in the last year, as table and chart. */
    private Figure stockOverTime(String id, String scope, String scopeName, String series, int year) {
        List<LocalDate> days = new ArrayList<>();
        for (int y = year - DATES + 1; y <= year; y++) {
            days.add(RegionTables.referenceDate(y));
        }
        List<StockFigures.StockTable> tables = days.stream().map(d -> stock.stock(scope, d, Breakdown.PROFILE)).toList();
        // the rows are each series' total followed by its profiles
        List<StockFigures.StockRow> profiles = new ArrayList<>();
        String current = null;
        for (StockFigures.StockRow row : tables.get(0).rows()) {
            if (row.seriesTotal()) {
                current = row.category().code();
            } else if (series.equals(current)) {
                profiles.add(row);
            }
        }
        List<String> columns = new ArrayList<>(days.stream().map(SHORT::format).toList());
        columns.add("Verandering laatste jaar");
        List<FigureTable.Row> rows = new ArrayList<>();
        List<List<Cell>> chartValues = new ArrayList<>();
        days.forEach(d -> chartValues.add(new ArrayList<>()));
        for (StockFigures.StockRow profile : profiles) {
            List<Cell> cells = new ArrayList<>();
            for (int d = 0; d < days.size(); d++) {
                StockFigures.StockRow row = rowOf(tables.get(d), profile.category().code());
                cells.add(row.cell());
                chartValues.get(d).add(row.cell());
            }
            StockFigures.StockRow last = rowOf(tables.get(days.size() - 1), profile.category().code());
            cells.add(Cell.ofText(last.changeShown() ? last.changeDisplay() : "–"));
            rows.add(new FigureTable.Row(profile.category().code(), cells));
        }
        String caption = "Aantal indicaties " + series + " per zorgprofiel, " + scopeName;
        FigureTable table = new FigureTable("stand-" + id, caption, "Profiel", columns, rows);
        String chart = BarChart.svg("grafiek-" + id, caption, profiles.stream().map(r -> r.category().code()).toList(),
                days.stream().map(SHORT::format).toList(), chartValues);
        return new Figure(table, chart);
    }

    private static StockFigures.StockRow rowOf(StockFigures.StockTable table, String code) {
        return table.rows().stream().filter(r -> r.category().code().equals(code)).findFirst().orElseThrow();
    }
}
