package nl.regiomonitor.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.SmallCells;
import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Category;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.DeliveryFormFigures;
import nl.regiomonitor.indicator.FigureTable;
import nl.regiomonitor.indicator.Headline;
import nl.regiomonitor.indicator.RegionTables;
import nl.regiomonitor.indicator.StockFigures;
import nl.regiomonitor.indicator.View;
import nl.regiomonitor.indicator.WaitlistFigures;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.signal.RegisterEntry;
import nl.regiomonitor.signal.RegisterKind;
import nl.regiomonitor.signal.RegisterSummary;
import nl.regiomonitor.signal.SignalRegister;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

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
    private static final String NOT_SHOWN = "; niet getoond om kleine aantallen te beschermen";
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd-MM-yy");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);

    private final StockFigures stock;
    private final WaitlistFigures waitlist;
    private final DeliveryFormFigures deliveryForms;
    private final CellSuppression suppression;
    private final RegionTables regionTables;
    private final ReportTexts texts;
    private final SignalRegister register;

    RegionalReport(StockFigures stock, WaitlistFigures waitlist, DeliveryFormFigures deliveryForms, RegionTables regionTables,
                   ReportTexts texts, SignalRegister register, CellSuppression suppression) {
        this.stock = stock;
        this.waitlist = waitlist;
        this.deliveryForms = deliveryForms;
        this.suppression = suppression;
        this.regionTables = regionTables;
        this.texts = texts;
        this.register = register;
    }

    /** The register's kinds that the look-back counts, as seed 004's tiles do. */
    private static final List<RegisterKind> COUNTED = List.of(RegisterKind.CLIENT_SIGNAL, RegisterKind.OCO_SIGNAL,
            RegisterKind.LOCATION_VISIT, RegisterKind.QUALITY_DIALOGUE, RegisterKind.EXPERT_BY_EXPERIENCE,
            RegisterKind.REGIONAL_MEETING, RegisterKind.CONTRACTED_PROVIDER);

    /** A number in the look-back: what it is, and its value as published. */
    public record Tile(String label, String value, String note) {
    }

    /** A figure: a table, with the chart of it when there is one (SVG, the same in page and PDF). */
    public record Figure(FigureTable table, String chart) {
    }

    /** A titled part of the report with its figures. */
    public record Section(String id, String title, String intro, List<Figure> figures) {
    }

    /** A titled text of the care office, as safe HTML. */
    public record Task(String title, String html) {
    }

    /**
     * @param publishedOn the day of publication in words, null for a draft
     * @param introduction the care office's texts as safe HTML, null where it wrote none
     * @param projects innovation and stimulus-budget projects from the register, their description as safe HTML
     * @param small the words for a hidden small count at the threshold the figures were protected with
     */
    public record Report(Region region, int year, String referenceDate, String publishedOn, String introduction, String lookBackNote,
                         List<Tile> lookBack, List<Section> sections, List<Task> projects, List<Task> tasks, String disclaimer,
                         SmallCells small) {
    }

    /** The report as a draft: the figures as they are now. */
    public Report build(Region region, int year) {
        return build(region, year, null);
    }

    /** The report as published on {@code publishedOn}, or a draft when that is null. */
    public Report build(Region region, int year, LocalDate publishedOn) {
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
                        distribution(region, day), new Figure(regional.get("prevalentie"), null))));
        sections.add(new Section("betaalbaarheid", "3.2 Betaalbaarheid",
                "Gemiddelde kosten per cliënt per dag tegen de band van alle regio's, en hoe cliënten hun zorg ontvangen "
                        + "(verzilvering).", List.of(new Figure(regional.get("kosten"), null), new Figure(regional.get("verzilvering"), null))));
        sections.add(new Section("toegankelijkheid", "3.3 Toegankelijkheid",
                "De wachtlijst per wachtstatus en de stromen tussen regio's.",
                List.of(new Figure(regional.get("wachtlijst"), null), new Figure(regional.get("stromen"), null))));
        List<RegisterEntry> entries = register.list(region.code(), year);
        RegisterSummary summary = register.summary(region.code(), year);
        sections.add(new Section("kwaliteit", "3.4 Kwaliteit",
                "Signalen van cliënten en van onafhankelijke cliëntondersteuners (OCO) per categorie, en de locatiebezoeken van "
                        + year + ", uit het register van het zorgkantoor.", List.of(signals(summary, year), visits(entries, year))));
        List<ReportTexts.Text> written = texts.list(region.code(), year);
        List<Task> tasks = written.stream().filter(t -> t.kind() == TextKind.REGIONAL_TASK).map(t -> new Task(t.title(), t.html())).toList();
        List<Task> projects = entries.stream()
                .filter(e -> e.kind() == RegisterKind.INNOVATION_PROJECT || e.kind() == RegisterKind.STIMULUS_PROJECT)
                .map(e -> new Task(e.kind().dutch() + ": " + e.name(), "<p>" + HtmlUtils.htmlEscape(e.description(), "UTF-8") + "</p>"))
                .toList();
        List<Tile> tiles = lookBack(region, day);
        COUNTED.forEach(kind -> tiles.add(new Tile(kind.plural(), String.valueOf(summary.count(kind)), "in " + year)));
        return new Report(region, year, LONG.format(day), publishedOn == null ? null : LONG.format(publishedOn),
                html(written, TextKind.INTRODUCTION), html(written, TextKind.LOOK_BACK), tiles, sections, projects, tasks,
                html(written, TextKind.DISCLAIMER), suppression.smallCells());
    }

    private static String html(List<ReportTexts.Text> written, TextKind kind) {
        return written.stream().filter(t -> t.kind() == kind).findFirst().map(ReportTexts.Text::html).orElse(null);
    }

    /**
     * Seed 004's tiles that come from the figures: clients in care by form, growth of indicated clients, the waiting
     * list. A tile never shows an {@code x}: where the figure is hidden it shows the nearest aggregate that is shown
     * (a series' profiles together; the waiting-list statuses that are hidden, together) and says so, or a dash.
     */
    private List<Tile> lookBack(Region region, LocalDate day) {
        List<Tile> tiles = new ArrayList<>();
        String peildatum = "peildatum " + LONG.format(day);
        DeliveryFormFigures.FormTable forms = deliveryForms.deliveryForms(region.code(), day);
        tiles.add(tile("Cliënten in zorg", deliveryForms.headline(forms, null), peildatum));
        forms.forms().forEach(form -> tiles.add(tile("In zorg: " + form.name(), deliveryForms.headline(forms, form.code()), peildatum)));
        StockFigures.StockTable s = stock.stock(region.code(), day, Breakdown.NONE);
        for (StockFigures.StockRow row : s.rows()) {
            tiles.add(tile("Cliënten met een " + row.category().code() + "-indicatie", Headline.of(row.cell(), Map.of()), peildatum));
            tiles.add(new Tile("Groei " + row.category().code() + " ten opzichte van een jaar eerder",
                    row.changeShown() ? row.changeDisplay() : "–", peildatum));
        }
        WaitlistFigures.WaitlistTable w = waitlist.waitlist(region.code(), day);
        String snapshot = w.snapshot() == null ? "geen momentopname" : "momentopname " + LONG.format(w.snapshot());
        List<Category> hidden = w.statuses().stream().filter(status -> w.cell(status.code()).suppressed()).toList();
        w.statuses().stream().filter(status -> !hidden.contains(status))
                .forEach(status -> tiles.add(new Tile("Wachtlijst: " + status.name(), w.cell(status.code()).display(), snapshot)));
        if (!hidden.isEmpty()) {
            // the list minus the statuses shown: worked out from published cells, with the small-count rule of a cell
            String rest = "–";
            if (!w.totalCell().suppressed()) {
                long sum = w.total() - w.statuses().stream().filter(status -> !hidden.contains(status))
                        .mapToLong(status -> w.clients().get(status.code())).sum();
                rest = sum > 0 && sum < w.pattern().threshold() ? suppression.smallCells().label() : Cell.ofCount(sum).display();
            }
            String names = String.join(", ", hidden.stream().map(Category::name).toList()).toLowerCase(DUTCH);
            tiles.add(new Tile("Wachtlijst: " + names + (hidden.size() > 1 ? " samen" : ""), rest,
                    rest.equals("–") ? snapshot + NOT_SHOWN : snapshot));
        }
        return tiles;
    }

    /** A tile of a headline: what it counts when that is an aggregate, and why when nothing can be shown. */
    private static Tile tile(String label, Headline headline, String note) {
        if (!headline.shown()) {
            return new Tile(label, headline.display(), note + NOT_SHOWN);
        }
        if (headline.scope() == null) {
            return new Tile(label, headline.display(), note);
        }
        return new Tile(label + " (" + headline.scope() + ")", headline.display(),
                note + "; alleen " + headline.scope() + ": het totaal is verborgen om kleine aantallen te beschermen");
    }

    /**
     * How the region's clients spread over the profiles of their series, against NL: each profile's
     * share of its series. A share is shown only where both counts are, since it would give them back.
     */
    private Figure distribution(Region region, LocalDate day) {
        StockFigures.StockTable here = stock.stock(region.code(), day, Breakdown.PROFILE);
        StockFigures.StockTable national = stock.stock("NL", day, Breakdown.PROFILE);
        List<FigureTable.Row> rows = new ArrayList<>();
        StockFigures.StockRow hereTotal = null;
        StockFigures.StockRow nationalTotal = null;
        for (int i = 0; i < here.rows().size(); i++) {
            StockFigures.StockRow row = here.rows().get(i);
            if (row.seriesTotal()) {
                hereTotal = row;
                nationalTotal = national.rows().get(i);
            } else {
                rows.add(new FigureTable.Row(row.category().code(), List.of(Cell.ofText(share(row, hereTotal)),
                        Cell.ofText(share(national.rows().get(i), nationalTotal)))));
            }
        }
        return new Figure(new FigureTable("verdeling", "Verdeling over de profielen op " + LONG.format(day) + ": " + region.name()
                + " tegen Nederland", "Profiel", List.of(region.name() + " (aandeel in de reeks)", "Nederland (aandeel in de reeks)"), rows), null);
    }

    private static String share(StockFigures.StockRow profile, StockFigures.StockRow total) {
        if (profile.cell().suppressed() || total.cell().suppressed() || total.clients() == 0) {
            return "–";
        }
        return String.format(DUTCH, "%.1f%%", 100.0 * profile.clients() / total.clients());
    }

    /** Client and OCO signals per category in the year. */
    private static Figure signals(RegisterSummary summary, int year) {
        List<FigureTable.Row> rows = summary.signals().stream()
                .map(c -> new FigureTable.Row(c.category().name(), List.of(Cell.ofCount(c.clientSignals()), Cell.ofCount(c.ocoSignals()))))
                .toList();
        return new Figure(new FigureTable("signalen", "Signalen per categorie in " + year, "Categorie",
                List.of(RegisterKind.CLIENT_SIGNAL.plural(), RegisterKind.OCO_SIGNAL.plural()), rows), null);
    }

    /** The location visits of the year: when, which provider, what kind of location. */
    private static Figure visits(List<RegisterEntry> entries, int year) {
        List<FigureTable.Row> rows = entries.stream().filter(e -> e.kind() == RegisterKind.LOCATION_VISIT)
                .map(e -> new FigureTable.Row(SHORT.format(e.date()), List.of(Cell.ofText(e.name()),
                        Cell.ofText(e.locationKind() == null ? "–" : e.locationKind().dutch())))).toList();
        return new Figure(new FigureTable("bezoeken", "Locatiebezoeken in " + year, "Datum", List.of("Zorgaanbieder", "Soort locatie"), rows),
                null);
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

    /**
     * Texts the editor offers for a kind the care office has not written yet, generated from the figures (for
     * example the summary's sentences). Left as they are, they are not stored.
     */
    public Map<TextKind, String> defaultTexts(Region region, int year) {
        return Map.of();
    }
}
