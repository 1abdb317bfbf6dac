package nl.regiomonitor.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.SmallCells;
import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Category;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.CostFigures;
import nl.regiomonitor.indicator.DeliveryFormFigures;
import nl.regiomonitor.indicator.FigureTable;
import nl.regiomonitor.indicator.FlowFigures;
import nl.regiomonitor.indicator.Headline;
import nl.regiomonitor.indicator.Period;
import nl.regiomonitor.indicator.RegionTables;
import nl.regiomonitor.indicator.StockFigures;
import nl.regiomonitor.indicator.View;
import nl.regiomonitor.indicator.WaitlistFigures;
import nl.regiomonitor.plan.ActionPlan;
import nl.regiomonitor.plan.PlanObjectives;
import nl.regiomonitor.plan.PlanService;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.signal.RegisterEntry;
import nl.regiomonitor.signal.RegisterKind;
import nl.regiomonitor.signal.RegisterSummary;
import nl.regiomonitor.signal.SignalRegister;
import nl.regiomonitor.monitor.InfluxTrend;
import nl.regiomonitor.monitor.PublishedTrend;
import nl.regiomonitor.monitor.TrendChart;
import nl.regiomonitor.web.PublicationNotice;
import nl.regiomonitor.web.RichText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * The regioperspectief of a region and year (SPEC.md §5), with seed 004's outline: introduction, look-back,
 * sector, the region's insight (summary, demand, affordability, accessibility, quality), the regional plan and
 * the disclaimer with a colophon. Built from the published, protected figures only: every number in it is a
 * cell of a table the audit checks, or worked out from shown cells alone. The same report feeds the page and
 * the PDF.
 */
@Service
public class RegionalReport {

    /** Reference dates a stock table shows side by side: this year's and the four before, as seed 004. */
    static final int DATES = 5;
    /** Years the distribution over the profiles compares, as seed 004. */
    static final int DISTRIBUTION_YEARS = 3;
    /** Months of influx the plan chapter's chart shows. */
    static final int INFLUX_MONTHS = 24;
    /** The years a report can be asked for, on the page and on the command line. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    private static final String NOT_SHOWN = "; niet getoond om kleine aantallen te beschermen";
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd-MM-yy");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Dutch.LOCALE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Dutch.LOCALE);
    private static final List<String> SERIES = List.of("GGZ-W", "GGZ-B");

    private final StockFigures stock;
    private final WaitlistFigures waitlist;
    private final DeliveryFormFigures deliveryForms;
    private final CostFigures costs;
    private final FlowFigures flows;
    private final CellSuppression suppression;
    private final RegionTables regionTables;
    private final ReportTexts texts;
    private final SignalRegister register;
    private final InfluxTrend influx;
    private final PlanService plans;
    private final PlanObjectives objectives;
    /** Absent on the command line, which protects the figures as they are instead of reading a publication. */
    private final ObjectProvider<PublicationNotice> publication;

    public RegionalReport(StockFigures stock, WaitlistFigures waitlist, DeliveryFormFigures deliveryForms, CostFigures costs, FlowFigures flows,
                   RegionTables regionTables, ReportTexts texts, SignalRegister register, CellSuppression suppression,
                   InfluxTrend influx, PlanService plans, PlanObjectives objectives, ObjectProvider<PublicationNotice> publication) {
        this.stock = stock;
        this.waitlist = waitlist;
        this.deliveryForms = deliveryForms;
        this.costs = costs;
        this.flows = flows;
        this.suppression = suppression;
        this.regionTables = regionTables;
        this.texts = texts;
        this.register = register;
        this.influx = influx;
        this.plans = plans;
        this.objectives = objectives;
        this.publication = publication;
    }

    /** The register's kinds that the look-back counts, as seed 004's tiles do. */
    private static final List<RegisterKind> COUNTED = List.of(RegisterKind.CLIENT_SIGNAL, RegisterKind.OCO_SIGNAL,
            RegisterKind.LOCATION_VISIT, RegisterKind.QUALITY_DIALOGUE, RegisterKind.EXPERT_BY_EXPERIENCE,
            RegisterKind.REGIONAL_MEETING, RegisterKind.CONTRACTED_PROVIDER);

    /** A number in the look-back: what it is, and its value as published. */
    public record Tile(String label, String value, String note) {
    }

    /** A figure: a table, the chart of it when there is one (SVG, the same in page and PDF), and where it comes from. */
    public record Figure(FigureTable table, String chart, String source) {
    }

    /**
     * A numbered part of the report: the care office's text ({@code html}, null where it wrote none, then {@code intro}
     * says what the part shows), its figures, and a list such as the contracted providers. {@code chapter} is the
     * heading of the chapter the part begins, such as "2. Sectorbeeld GGZ", else null.
     */
    public record Section(String chapterId, String chapter, String id, String number, String title, String html, String intro,
                          List<Figure> figures, String listTitle, List<String> list) {
    }

    /** A titled text of the care office, as safe HTML. */
    public record Task(String title, String html) {
    }

    /** The region's monthly influx as the Instroommonitor draws and judges it. */
    public record Influx(String chart, String caption, String sentence, String source) {
    }

    /** An objective of the region's plan and whether the published figures say it is on course. */
    public record Objective(int number, String description, String measure, String course, String sentence) {
    }

    /** The region's plan van aanpak as the report names it; {@code link} leads to the plan, behind login. */
    public record Plan(String title, String status, String link, List<Objective> objectives) {
    }

    /**
     * @param publishedOn the day of publication in words, null for a draft
     * @param publication which published figures the report holds, such as "cijfers t/m december 2024, publicatie 7 van …"
     * @param introduction the care office's texts as safe HTML, null where it wrote none
     * @param parts chapters 2 and 3: the sector, the summary of the region's insight (the care office's, else the
     *              sentences the figures give) and the region's demand, affordability, accessibility and quality
     * @param projects innovation and stimulus-budget projects from the register, their description as safe HTML
     * @param small the words for a hidden small count at the threshold the figures were protected with
     */
    public record Report(Region region, int year, String referenceDate, String publishedOn, String publication, String introduction,
                         String lookBackNote, List<Tile> lookBack, List<Section> parts,
                         String regionalPlan, Influx influx, Plan plan, List<Task> tasks, List<Task> projects, String disclaimer,
                         String contact, SmallCells small) {
    }

    /** The report as a draft: the figures as they are now. */
    public Report build(Region region, int year) {
        return build(region, year, null);
    }

    /** The report as published on {@code publishedOn}, or a draft when that is null. */
    public Report build(Region region, int year, LocalDate publishedOn) {
        LocalDate day = RegionTables.referenceDate(year);
        String line = publicationLine();
        Sources sources = new Sources(LONG.format(day), year, line);
        Map<String, FigureTable> regional = new LinkedHashMap<>();
        regionTables.tables(region, year, View.PUBLISHED).forEach(t -> regional.put(t.id(), t));
        Map<TextKind, String> written = new EnumMap<>(TextKind.class);
        List<ReportTexts.Text> all = texts.list(region.code(), year);
        all.stream().filter(t -> t.kind().single()).forEach(t -> written.put(t.kind(), t.html()));
        List<RegisterEntry> entries = register.list(region.code(), year);
        RegisterSummary summary = register.summary(region.code(), year);

        List<Section> parts = new ArrayList<>();
        parts.add(new Section("sector-kop", "2. Sectorbeeld GGZ", "sectorbeeld", "2.1", "Trends en ontwikkelingen", written.get(TextKind.SECTOR),
                "Het aantal cliënten met een indicatie per zorgprofiel in heel Nederland op 1 oktober, en de verandering in het "
                        + "laatste jaar.", List.of(stockOverTime("nl-w", "NL", "Nederland", "GGZ-W", year, sources),
                stockOverTime("nl-b", "NL", "Nederland", "GGZ-B", year, sources)), null, List.of()));
        Influx regionInflux = regionInflux(region, year, line);
        String summaryHtml = written.containsKey(TextKind.SUMMARY) ? written.get(TextKind.SUMMARY)
                : RichText.toHtml(summaryText(region, year, summary, regionInflux));
        parts.add(new Section("regio-inzicht-kop", "3. Regio-inzicht " + region.name(), "samenvatting", "3.1",
                "Samenvatting van het regio-inzicht", summaryHtml, null, List.of(), null, List.of()));
        List<Figure> demand = new ArrayList<>();
        demand.add(stockOverTime("regio-w", region.code(), region.name(), "GGZ-W", year, sources));
        demand.add(stockOverTime("regio-b", region.code(), region.name(), "GGZ-B", year, sources));
        SERIES.forEach(series -> demand.add(distribution(region, series, year, sources)));
        demand.add(prevalence(region, day, sources));
        parts.add(new Section(null, null, "zorgvraag", "3.2", "Zorgvraag", written.get(TextKind.DEMAND),
                "Het aantal cliënten met een indicatie per zorgprofiel in " + region.name() + ", hoe zij over de profielen verdeeld "
                        + "zijn tegen het landelijk beeld, en de indicatieprevalentie.", demand, null, List.of()));
        parts.add(new Section(null, null, "betaalbaarheid", "3.3", "Betaalbaarheid", written.get(TextKind.AFFORDABILITY),
                "De gemiddelde kosten per cliënt per dag tegen de bandbreedte van alle regio's, en hoe cliënten hun zorg ontvangen "
                        + "(verzilvering per leveringsvorm).",
                List.of(new Figure(regional.get("kosten"), null, sources.of("declaraties van zorgaanbieders", "kalenderjaar " + year)),
                        deliveryShares(region, year, sources),
                        new Figure(regional.get("verzilvering"), null, sources.of("zorgtoewijzingen en indicaties", null))),
                null, List.of()));
        List<Figure> access = new ArrayList<>();
        access.add(new Figure(regional.get("wachtlijst"), null, sources.of("wachtlijstinformatie", null)));
        access.add(new Figure(regional.get("stromen"), null, sources.of("indicaties en zorgtoewijzingen", "1 januari tot en met 31 december " + year)));
        if (regional.containsKey("doorstroom")) {
            access.add(new Figure(regional.get("doorstroom"), null, sources.of("indicaties", "1 januari tot en met 31 december " + year)));
        }
        List<String> providers = entries.stream().filter(e -> e.kind() == RegisterKind.CONTRACTED_PROVIDER).map(RegisterEntry::name)
                .distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        parts.add(new Section(null, null, "toegankelijkheid", "3.4", "Toegankelijkheid", written.get(TextKind.ACCESSIBILITY),
                "De wachtlijst per wachtstatus, de stromen tussen regio's en de gecontracteerde zorgaanbieders.", access,
                "Gecontracteerde zorgaanbieders Wlz " + year + " in de regio " + region.name(), providers));
        parts.add(new Section(null, null, "kwaliteit", "3.5", "Kwaliteit", written.get(TextKind.QUALITY),
                "Signalen van cliënten en van onafhankelijke cliëntondersteuners (OCO) per categorie, en de locatiebezoeken van "
                        + year + ", uit het register van het zorgkantoor.",
                List.of(signals(summary, year, sources), visits(entries, year, sources)), null, List.of()));

        List<Task> tasks = all.stream().filter(t -> t.kind() == TextKind.REGIONAL_TASK).map(t -> new Task(t.title(), t.html())).toList();
        List<Task> projects = entries.stream()
                .filter(e -> e.kind() == RegisterKind.INNOVATION_PROJECT || e.kind() == RegisterKind.STIMULUS_PROJECT)
                .map(e -> new Task(e.kind().dutch() + ": " + e.name(), "<p>" + HtmlUtils.htmlEscape(e.description(), "UTF-8") + "</p>"))
                .toList();
        List<Tile> tiles = lookBack(region, day);
        COUNTED.forEach(kind -> tiles.add(new Tile(kind.plural(), String.valueOf(summary.count(kind)), "in " + year)));
        return new Report(region, year, LONG.format(day), publishedOn == null ? null : LONG.format(publishedOn), line,
                written.get(TextKind.INTRODUCTION), written.get(TextKind.LOOK_BACK), tiles, parts,
                written.get(TextKind.REGIONAL_PLAN), regionInflux, plan(region), tasks, projects, written.get(TextKind.DISCLAIMER),
                written.get(TextKind.CONTACT), suppression.smallCells());
    }

    /**
     * The texts the editor offers where the care office wrote none: the summary the figures give, to change as it sees
     * fit. Saved unchanged, a default is not stored, so it keeps following the figures.
     */
    public Map<TextKind, String> defaultTexts(Region region, int year) {
        RegisterSummary summary = register.summary(region.code(), year);
        return Map.of(TextKind.SUMMARY, summaryText(region, year, summary, regionInflux(region, year, publicationLine())));
    }

    /** Which publication the figures are of, such as "cijfers t/m december 2024, publicatie 7 van 30 november 2026"; or null. */
    private String publicationLine() {
        PublicationNotice notice = publication.getIfAvailable();
        return notice == null ? null : notice.line().orElse(null);
    }

    /** Where the figures come from, written under each. */
    private record Sources(String referenceDate, int year, String publication) {

        /** "Bron: indicaties, Regiomonitor Wlz-ggz; peildatum 1 oktober 2024; cijfers t/m …, publicatie 7 van …." */
        String of(String what, String when) {
            return "Bron: " + what + ", Regiomonitor Wlz-ggz; " + (when == null ? "peildatum " + referenceDate : when)
                    + (publication == null ? "" : "; " + publication) + ".";
        }
    }

    // ---- the summary of the region's insight, from shown cells only

    /**
     * Seed 004's "Samenvatting van het regio-inzicht" as sentences the published figures give, in the care office's light
     * markup: a sentence appears only where every number it needs is shown.
     */
    String summaryText(Region region, int year, RegisterSummary register, Influx regionInflux) {
        LocalDate day = RegionTables.referenceDate(year);
        List<String> demand = new ArrayList<>();
        StockFigures.StockTable s = stock.stock(region.code(), day, Breakdown.NONE);
        for (StockFigures.StockRow row : s.rows()) {
            if (!row.cell().suppressed() && !row.cellYearBefore().suppressed() && row.clientsYearBefore() > 0) {
                long now = row.clients();
                long before = row.clientsYearBefore();
                String change = now == before ? "evenveel als een jaar eerder"
                        : String.format(Dutch.LOCALE, "%s van %.1f%% ten opzichte van een jaar eerder (%s)", now > before ? "een stijging" : "een daling",
                        Math.abs(100.0 * (now - before) / before), Cell.ofCount(before).display());
                demand.add("Op " + LONG.format(day) + " hadden " + Cell.ofCount(now).display() + " cliënten in " + region.name() + " een "
                        + row.category().code() + "-indicatie, " + change + ".");
            }
        }
        for (String series : SERIES) {
            StockFigures.PrevalenceTable prevalence = stock.prevalence(day, series);
            StockFigures.PrevalenceRow here = prevalence.rows().stream().filter(r -> r.region().equals(region.code())).findFirst().orElse(null);
            StockFigures.PrevalenceRow nl = prevalence.rows().get(0);
            if (here != null && here.shown() && nl.shown() && nl.adults() > 0 && here.adults() > 0) {
                String own = String.format(Dutch.LOCALE, "%.1f", here.perTenThousand());
                String national = String.format(Dutch.LOCALE, "%.1f", nl.perTenThousand());
                String where = own.equals(national) ? "gelijk aan" : here.perTenThousand() < nl.perTenThousand() ? "onder" : "boven";
                demand.add("De indicatieprevalentie " + series + " ligt met " + own + " per 10.000 inwoners van 18 jaar en ouder " + where
                        + " het landelijk gemiddelde (" + national + ").");
            }
        }
        List<String> affordability = new ArrayList<>();
        costs.costs(region.code(), year).rows().stream().filter(r -> r.category().code().equals("ALL") && r.perDay() != null).findFirst()
                .ifPresent(all -> {
                    // the band runs from the lowest to the highest region, this one included: the median says more
                    BigDecimal diff = all.perDay().subtract(all.median()).multiply(BigDecimal.valueOf(100))
                            .divide(all.median(), 1, RoundingMode.HALF_UP);
                    String relation = diff.signum() == 0 ? "gelijk aan de mediaan"
                            : String.format(Dutch.LOCALE, "%.1f%% %s de mediaan", diff.abs(), diff.signum() < 0 ? "onder" : "boven");
                    affordability.add("De kosten per cliënt per dag liggen binnen de bandbreedte van de regio's: " + CostFigures.CostRow.display(all.perDay())
                            + " bij een bandbreedte van " + CostFigures.CostRow.display(all.lowest()) + " tot "
                            + CostFigures.CostRow.display(all.highest()) + " (" + relation + " van " + CostFigures.CostRow.display(all.median())
                            + ").");
                });
        List<String> access = new ArrayList<>();
        Shares forms = formShares(region.code(), day, "GGZ-W");
        if (forms != null) {
            String first = forms.parts().get(0);
            access.add(String.format(Dutch.LOCALE, "Van de cliënten met een GGZ-W-indicatie die zorg ontvangen, krijgt %.1f%% die als %s.",
                    forms.shares().get(0), first.equalsIgnoreCase("verblijf") ? "verblijfszorg (zzp)" : first));
        }
        WaitlistFigures.WaitlistTable w = waitlist.waitlist(region.code(), day);
        if (w.snapshot() != null && !w.totalCell().suppressed()) {
            access.add("Op de wachtlijst stonden op " + LONG.format(w.snapshot()) + " " + w.totalCell().display() + " cliënten.");
        }
        FlowFigures.Flows f = flows.flows(region.code(), year);
        Cell elsewhere = f.cell(FlowFigures.Flow.INDICATED_HERE_CARED_ELSEWHERE);
        Cell here = f.cell(FlowFigures.Flow.CARED_HERE_INDICATED_ELSEWHERE);
        if (!elsewhere.suppressed() && !here.suppressed()) {
            access.add("In " + year + " ontvingen " + elsewhere.display() + " cliënten met een indicatie uit " + region.name()
                    + " hun zorg in een andere regio, en kregen " + here.display() + " cliënten met een indicatie uit een andere regio "
                    + "hier zorg.");
        }
        Cell out = f.cell(FlowFigures.Flow.MOVED_OUT);
        Cell in = f.cell(FlowFigures.Flow.MOVED_IN);
        if (!out.suppressed() && !in.suppressed() && (f.count(FlowFigures.Flow.MOVED_OUT) > 0 || f.count(FlowFigures.Flow.MOVED_IN) > 0)) {
            access.add("Er verlieten " + out.display() + " cliënten de regio voor een indicatie elders; " + in.display()
                    + " cliënten kwamen naar de regio.");
        }
        List<String> quality = new ArrayList<>();
        quality.add("In " + year + " ontving het zorgkantoor " + count(register.count(RegisterKind.CLIENT_SIGNAL), "klantsignaal", "klantsignalen")
                + " en " + count(register.count(RegisterKind.OCO_SIGNAL), "OCO-signaal", "OCO-signalen") + ", bezocht het "
                + count(register.count(RegisterKind.LOCATION_VISIT), "locatie", "locaties") + " en voerde het "
                + count(register.count(RegisterKind.QUALITY_DIALOGUE), "kwaliteitsdialoog", "kwaliteitsdialogen") + ".");
        StringBuilder text = new StringBuilder();
        paragraph(text, "Zorgvraag", demand);
        paragraph(text, "Betaalbaarheid", affordability);
        paragraph(text, "Toegankelijkheid", access);
        paragraph(text, "Kwaliteit", quality);
        if (regionInflux != null) {
            paragraph(text, "Instroom", List.of(regionInflux.sentence()));
        }
        return text.toString().strip();
    }

    private static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private static void paragraph(StringBuilder text, String heading, List<String> sentences) {
        if (!sentences.isEmpty()) {
            text.append("**").append(heading).append(".** ").append(String.join(" ", sentences)).append("\n\n");
        }
    }

    // ---- look-back

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
        forms.forms().forEach(form -> tiles.add(tile("In zorg: " + DeliveryFormFigures.shortName(form),
                deliveryForms.headline(forms, form.code()), peildatum)));
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
            String names = String.join(", ", hidden.stream().map(Category::name).toList()).toLowerCase(Dutch.LOCALE);
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
        return new Tile(label + ", " + headline.scope(), headline.display(),
                note + "; alleen " + headline.scope() + ": het totaal is verborgen om kleine aantallen te beschermen");
    }

    // ---- figures

    /** Shares of a series' clients per part (profile or form), from shown cells only; null when any needed cell is hidden. */
    private record Shares(List<String> parts, List<Double> shares) {
    }

    /**
     * How a series' clients spread over its profiles in the region and in NL over the last years, as 100% bars. A share is
     * shown only where every count of its bar is, since it would give them back.
     */
    private Figure distribution(Region region, String series, int year, Sources sources) {
        List<String> rows = new ArrayList<>();
        List<List<Double>> bars = new ArrayList<>();
        List<String> profiles = null;
        List<String> columns = new ArrayList<>();
        List<List<Cell>> byProfile = new ArrayList<>();
        for (String[] scope : List.of(new String[] {region.code(), region.name()}, new String[] {"NL", "Nederland"})) {
            for (int y = year - DISTRIBUTION_YEARS + 1; y <= year; y++) {
                StockFigures.StockTable table = stock.stock(scope[0], RegionTables.referenceDate(y), Breakdown.PROFILE);
                List<StockFigures.StockRow> parts = profilesOf(table, series);
                if (profiles == null) {
                    profiles = parts.stream().map(r -> r.category().code()).toList();
                    profiles.forEach(p -> byProfile.add(new ArrayList<>()));
                }
                long total = parts.stream().mapToLong(StockFigures.StockRow::clients).sum();
                boolean shown = total > 0 && parts.stream().noneMatch(r -> r.cell().suppressed());
                List<Double> shares = parts.stream().map(r -> shown ? 100.0 * r.clients() / total : null).toList();
                rows.add(scope[1] + " " + y);
                columns.add(scope[1] + " " + y);
                bars.add(shares);
                for (int p = 0; p < shares.size(); p++) {
                    byProfile.get(p).add(Cell.ofText(shares.get(p) == null ? "–" : String.format(Dutch.LOCALE, "%.1f%%", shares.get(p))));
                }
            }
        }
        List<FigureTable.Row> tableRows = new ArrayList<>();
        for (int p = 0; p < profiles.size(); p++) {
            tableRows.add(new FigureTable.Row(profiles.get(p), byProfile.get(p)));
        }
        String caption = "Verdeling over de zorgprofielen " + series + ": " + region.name() + " tegen Nederland, op 1 oktober";
        String id = "verdeling-" + series.toLowerCase(Locale.ROOT);
        String chart = BarChart.stacked("grafiek-" + id, caption, "Zorgprofiel", rows,
                profiles.stream().map(RegionalReport::profileNumber).toList(), bars);
        return new Figure(new FigureTable(id, caption, "Profiel", columns, tableRows), chart,
                sources.of("indicaties", "peildatum 1 oktober " + (year - DISTRIBUTION_YEARS + 1) + " tot en met " + year));
    }

    /** "1" for GGZ01W: the number seed 004's charts write on a profile. */
    private static String profileNumber(String code) {
        String digits = code.replaceAll("\\D", "");
        return digits.isEmpty() ? code : String.valueOf(Integer.parseInt(digits));
    }

    /** Prevalence per profile and per series, region against NL, per 10,000 inhabitants of 18 and over. */
    private Figure prevalence(Region region, LocalDate day, Sources sources) {
        StockFigures.StockTable profiles = stock.stock("NL", day, Breakdown.PROFILE);
        List<String> codes = new ArrayList<>();
        for (String series : SERIES) {
            profilesOf(profiles, series).forEach(r -> codes.add(r.category().code()));
            codes.add(series);
        }
        List<FigureTable.Row> rows = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<BarChart.Bar> here = new ArrayList<>();
        List<BarChart.Bar> nl = new ArrayList<>();
        int populationYear = 0;
        for (String code : codes) {
            StockFigures.PrevalenceTable table = stock.prevalence(day, code);
            populationYear = table.populationYear();
            StockFigures.PrevalenceRow own = table.rows().stream().filter(r -> r.region().equals(region.code())).findFirst().orElseThrow();
            StockFigures.PrevalenceRow national = table.rows().get(0);
            rows.add(new FigureTable.Row(code, List.of(Cell.ofText(perTenThousand(own)), Cell.ofText(perTenThousand(national)))));
            if (code.endsWith("W") && !code.equals("GGZ-W")) {
                groups.add(code);
                here.add(new BarChart.Bar(own.shown() ? own.perTenThousand() : null, perTenThousand(own)));
                nl.add(new BarChart.Bar(national.shown() ? national.perTenThousand() : null, perTenThousand(national)));
            }
        }
        String caption = "Indicatieprevalentie per zorgprofiel op " + LONG.format(day) + ": " + region.name() + " tegen Nederland";
        String chart = BarChart.groupedBars("grafiek-prevalentie", caption + " (GGZ-W)", "Zorgprofiel GGZ-W",
                "Per 10.000 inwoners van 18+", groups, List.of(region.name(), "Nederland"), List.of(here, nl));
        return new Figure(new FigureTable("prevalentie-profiel", caption, "Profiel of reeks",
                List.of(region.name() + " (per 10.000 inwoners van 18+)", "Nederland (per 10.000 inwoners van 18+)"), rows), chart,
                sources.of("indicaties en bevolking (CBS, " + populationYear + ")", null));
    }

    private static String perTenThousand(StockFigures.PrevalenceRow row) {
        return row.shown() && row.adults() > 0 ? String.format(Dutch.LOCALE, "%.1f", row.perTenThousand()) : "–";
    }

    /** The share of each delivery form among a series' clients in care, or null when a cell it needs is hidden. */
    private Shares formShares(String region, LocalDate day, String series) {
        DeliveryFormFigures.FormTable table = deliveryForms.deliveryForms(region, day);
        List<String> codes = profilesOf(stock.stock("NL", day, Breakdown.PROFILE), series).stream().map(r -> r.category().code()).toList();
        List<DeliveryFormFigures.FormRow> rows = table.rows().stream().filter(r -> codes.contains(r.profile().code())).toList();
        long total = 0;
        List<Long> perForm = new ArrayList<>();
        for (Category form : table.forms()) {
            long sum = 0;
            for (DeliveryFormFigures.FormRow row : rows) {
                if (row.cell(form.code()).suppressed()) {
                    return null;
                }
                sum += row.clients().get(form.code());
            }
            perForm.add(sum);
            total += sum;
        }
        if (total == 0) {
            return null;
        }
        long all = total;
        return new Shares(table.forms().stream().map(DeliveryFormFigures::shortName).toList(),
                perForm.stream().map(n -> 100.0 * n / all).toList());
    }

    /** Seed 004's "Ontwikkeling aantal cliënten per leveringsvorm": the GGZ-W shares per form, last year and this. */
    private Figure deliveryShares(Region region, int year, Sources sources) {
        List<String> rows = new ArrayList<>();
        List<List<Double>> bars = new ArrayList<>();
        List<String> forms = null;
        List<List<Cell>> columns = new ArrayList<>();
        for (int y = year - 1; y <= year; y++) {
            LocalDate day = RegionTables.referenceDate(y);
            Shares shares = formShares(region.code(), day, "GGZ-W");
            DeliveryFormFigures.FormTable table = deliveryForms.deliveryForms(region.code(), day);
            if (forms == null) {
                forms = table.forms().stream().map(DeliveryFormFigures::shortName).toList();
            }
            int n = forms.size();
            List<Double> values = shares == null ? Collections.nCopies(n, null) : shares.shares();
            rows.add(region.name() + " " + y);
            bars.add(values);
            columns.add(values.stream().map(v -> Cell.ofText(v == null ? "–" : String.format(Dutch.LOCALE, "%.1f%%", v))).toList());
        }
        List<FigureTable.Row> tableRows = new ArrayList<>();
        for (int f = 0; f < forms.size(); f++) {
            int form = f;
            tableRows.add(new FigureTable.Row(forms.get(f), columns.stream().map(c -> c.get(form)).toList()));
        }
        String caption = "Cliënten met een GGZ-W-indicatie in zorg per leveringsvorm (aandeel), " + region.name();
        String chart = BarChart.stacked("grafiek-leveringsvorm", caption, "Leveringsvorm", rows, forms, bars);
        return new Figure(new FigureTable("leveringsvorm", caption, "Leveringsvorm", rows, tableRows), chart,
                sources.of("zorgtoewijzingen en indicaties", "peildatum 1 oktober " + (year - 1) + " en " + year));
    }

    /** Client and OCO signals per category in the year. */
    private static Figure signals(RegisterSummary summary, int year, Sources sources) {
        List<FigureTable.Row> rows = summary.signals().stream()
                .map(c -> new FigureTable.Row(c.category().name(), List.of(Cell.ofCount(c.clientSignals()), Cell.ofCount(c.ocoSignals()))))
                .toList();
        return new Figure(new FigureTable("signalen", "Signalen per categorie in " + year, "Categorie",
                List.of(RegisterKind.CLIENT_SIGNAL.plural(), RegisterKind.OCO_SIGNAL.plural()), rows), null,
                sources.of("register van het zorgkantoor", "kalenderjaar " + year));
    }

    /** The location visits of the year: when, which provider, what kind of location. */
    private static Figure visits(List<RegisterEntry> entries, int year, Sources sources) {
        List<FigureTable.Row> rows = entries.stream().filter(e -> e.kind() == RegisterKind.LOCATION_VISIT)
                .map(e -> new FigureTable.Row(SHORT.format(e.date()), List.of(Cell.ofText(e.name()),
                        Cell.ofText(e.locationKind() == null ? "–" : e.locationKind().dutch())))).toList();
        return new Figure(new FigureTable("bezoeken", "Locatiebezoeken in " + year, "Datum", List.of("Zorgaanbieder", "Soort locatie"), rows),
                null, sources.of("register van het zorgkantoor", "kalenderjaar " + year));
    }

    /**
     * One series' stock per profile on five reference dates with the change in the last year as a table, and the last
     * two dates as a chart (two colours can be told apart; the table holds the rest).
     */
    private Figure stockOverTime(String id, String scope, String scopeName, String series, int year, Sources sources) {
        List<LocalDate> days = new ArrayList<>();
        for (int y = year - DATES + 1; y <= year; y++) {
            days.add(RegionTables.referenceDate(y));
        }
        List<StockFigures.StockTable> tables = days.stream().map(d -> stock.stock(scope, d, Breakdown.PROFILE)).toList();
        List<StockFigures.StockRow> profiles = profilesOf(tables.get(0), series);
        List<String> columns = new ArrayList<>(days.stream().map(SHORT::format).toList());
        columns.add("Verandering laatste jaar");
        List<FigureTable.Row> rows = new ArrayList<>();
        List<List<Cell>> chartValues = List.of(new ArrayList<>(), new ArrayList<>());
        for (StockFigures.StockRow profile : profiles) {
            List<Cell> cells = new ArrayList<>();
            for (int d = 0; d < days.size(); d++) {
                StockFigures.StockRow row = rowOf(tables.get(d), profile.category().code());
                cells.add(row.cell());
                if (d >= days.size() - 2) {
                    chartValues.get(d - days.size() + 2).add(row.cell());
                }
            }
            StockFigures.StockRow last = rowOf(tables.get(days.size() - 1), profile.category().code());
            cells.add(Cell.ofText(last.changeShown() ? last.changeDisplay() : "–"));
            rows.add(new FigureTable.Row(profile.category().code(), cells));
        }
        String caption = "Aantal indicaties " + series + " per zorgprofiel, " + scopeName;
        FigureTable table = new FigureTable("stand-" + id, caption, "Profiel", columns, rows);
        String chart = BarChart.grouped("grafiek-" + id, caption + ", 1 oktober " + (year - 1) + " en " + year, "Zorgprofiel",
                "Cliënten met een indicatie", profiles.stream().map(r -> r.category().code()).toList(),
                days.subList(days.size() - 2, days.size()).stream().map(d -> "1 oktober " + d.getYear()).toList(), chartValues);
        return new Figure(table, chart, sources.of("indicaties", "peildatum 1 oktober " + (year - DATES + 1) + " tot en met " + year));
    }

    /** The profiles of {@code series} in a stock table, whose rows are each series' total followed by its profiles. */
    private static List<StockFigures.StockRow> profilesOf(StockFigures.StockTable table, String series) {
        List<StockFigures.StockRow> profiles = new ArrayList<>();
        String current = null;
        for (StockFigures.StockRow row : table.rows()) {
            if (row.seriesTotal()) {
                current = row.category().code();
            } else if (series.equals(current)) {
                profiles.add(row);
            }
        }
        return profiles;
    }

    private static StockFigures.StockRow rowOf(StockFigures.StockTable table, String code) {
        return table.rows().stream().filter(r -> r.category().code().equals(code)).findFirst().orElseThrow();
    }

    // ---- the plan chapter

    /**
     * The region's monthly influx up to the end of the year (or the last month with data), drawn and judged as the
     * Instroommonitor does; per quarter where the months are too small for a verdict. Null without data in or before
     * the year.
     */
    private Influx regionInflux(Region region, int year, String line) {
        YearMonth first = influx.firstMonth();
        YearMonth last = influx.lastMonth();
        if (last == null || YearMonth.of(year, 12).isBefore(first)) {
            return null;
        }
        YearMonth to = YearMonth.of(year, 12).isBefore(last) ? YearMonth.of(year, 12) : last;
        // months before the first data are no zeros: they would read as a rise
        YearMonth from = to.minusMonths(INFLUX_MONTHS - 1).isBefore(first) ? first : to.minusMonths(INFLUX_MONTHS - 1);
        PublishedTrend trend = influx.published(region.code(), from, to, null, Period.MONTH);
        Period period = Period.MONTH;
        String per = "per maand";
        if (!trend.judged()) {
            PublishedTrend quarterly = influx.published(region.code(), from, to, null, Period.QUARTER);
            if (quarterly.judged()) {
                trend = quarterly;
                period = Period.QUARTER;
                per = "per kwartaal (per maand te klein voor een oordeel)";
            }
        }
        String caption = "Instroom GGZ-W " + per + ", " + region.name() + ", " + MONTH.format(from) + " tot en met " + MONTH.format(to);
        String chart = TrendChart.svg(trend, period, caption, InfluxTrend.targetPer(region.code(), period), "grafiek-instroom");
        return new Influx(chart, caption, trend.sentence(), new Sources(null, year, line).of("indicaties (nieuwe cliënten GGZ-W)",
                MONTH.format(from) + " tot en met " + MONTH.format(to)));
    }

    /** The region's plan van aanpak with its objectives, or null when it has none. */
    private Plan plan(Region region) {
        return plans.forReport(region.code()).map(p -> {
            List<Objective> list = new ArrayList<>();
            Function<ActionPlan.Objective, String> measure = o -> {
                List<String> parts = new ArrayList<>();
                if (o.figureLabel() != null) {
                    parts.add(o.figureLabel() + (o.profileCode() == null || o.profileCode().isBlank() ? "" : " " + o.profileCode()));
                }
                if (o.directionLabel() != null) {
                    parts.add(o.directionLabel().toLowerCase(Dutch.LOCALE));
                }
                if (o.targetValue() != null) {
                    parts.add("streefwaarde " + (o.figure() == null ? o.targetValue().stripTrailingZeros().toPlainString().replace('.', ',')
                            : o.figure().amount(o.targetValue())));
                }
                if (o.targetDate() != null) {
                    parts.add("uiterlijk " + LONG.format(o.targetDate()));
                }
                return String.join(", ", parts);
            };
            for (PlanObjectives.Followed f : objectives.of(p)) {
                list.add(new Objective(f.number(), f.objective().description(), measure.apply(f.objective()),
                        f.course() == null ? (f.followed() ? "Nog niet te beoordelen" : "Niet per maand gevolgd") : f.course().dutch(),
                        f.sentence()));
            }
            return new Plan(p.title(), p.statusLabel(), "/plannen/" + p.id(), list);
        }).orElse(null);
    }
}
