package nl.regiomonitor.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.SmallCells;
import nl.regiomonitor.indicator.CostFigures;
import nl.regiomonitor.indicator.DeliveryFormFigures;
import nl.regiomonitor.indicator.FigureTable;
import nl.regiomonitor.indicator.FlowFigures;
import nl.regiomonitor.indicator.RegionTables;
import nl.regiomonitor.indicator.StockFigures;
import nl.regiomonitor.indicator.View;
import nl.regiomonitor.indicator.WaitlistFigures;
import nl.regiomonitor.monitor.InfluxTrend;
import nl.regiomonitor.plan.PlanObjectives;
import nl.regiomonitor.plan.PlanService;
import nl.regiomonitor.region.Area;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.signal.RegisterEntry;
import nl.regiomonitor.signal.RegisterKind;
import nl.regiomonitor.signal.RegisterSummary;
import nl.regiomonitor.signal.SignalRegister;
import nl.regiomonitor.web.PublicationNotice;
import nl.regiomonitor.web.RichText;

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
    static final Locale DUTCH = Dutch.LOCALE;
    static final String NOT_SHOWN = "; niet getoond om kleine aantallen te beschermen";
    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd-MM-yy");
    static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", DUTCH);
    static final List<String> SERIES = List.of("GGZ-W", "GGZ-B");

    private final CellSuppression suppression;
    private final RegionTables regionTables;
    private final ReportTexts texts;
    private final SignalRegister register;
    /** Absent on the command line, which protects the figures as they are instead of reading a publication. */
    private final ObjectProvider<PublicationNotice> publication;

    private final ReportFigures figures;
    private final InsightSummary insight;
    private final LookBack lookBack;
    private final PlanChapter planChapter;

    public RegionalReport(
            StockFigures stock,
            WaitlistFigures waitlist,
            DeliveryFormFigures deliveryForms,
            CostFigures costs,
            FlowFigures flows,
            RegionTables regionTables,
            ReportTexts texts,
            SignalRegister register,
            CellSuppression suppression,
            InfluxTrend influx,
            PlanService plans,
            PlanObjectives objectives,
            ObjectProvider<PublicationNotice> publication) {
        this.suppression = suppression;
        this.regionTables = regionTables;
        this.texts = texts;
        this.register = register;
        this.publication = publication;
        this.figures = new ReportFigures(stock, deliveryForms);
        this.insight = new InsightSummary(stock, costs, waitlist, flows, figures);
        this.lookBack = new LookBack(stock, waitlist, deliveryForms, suppression);
        this.planChapter = new PlanChapter(influx, plans, objectives);
    }

    /** The register's kinds that the look-back counts, as seed 004's tiles do. */
    private static final List<RegisterKind> COUNTED = List.of(
            RegisterKind.CLIENT_SIGNAL,
            RegisterKind.OCO_SIGNAL,
            RegisterKind.LOCATION_VISIT,
            RegisterKind.QUALITY_DIALOGUE,
            RegisterKind.EXPERT_BY_EXPERIENCE,
            RegisterKind.REGIONAL_MEETING,
            RegisterKind.CONTRACTED_PROVIDER);

    /** A number in the look-back: what it is, and its value as published. */
    public record Tile(String label, String value, String note) {}

    /** A figure: a table, the chart of it when there is one (SVG, the same in page and PDF), and where it comes from. */
    public record Figure(FigureTable table, String chart, String source) {

        /** A figure that is a table only. */
        static Figure withoutChart(FigureTable table, String source) {
            return new Figure(table, null, source);
        }
    }

    /**
     * A numbered part of the report: the care office's text ({@code html}, null where it wrote none, then {@code intro}
     * says what the part shows), its figures, and a list such as the contracted providers. {@code chapter} is the
     * heading of the chapter the part begins, such as "2. Sectorbeeld GGZ", else null.
     */
    public record Section(
            String chapterId,
            String chapter,
            String id,
            String number,
            String title,
            String html,
            String intro,
            List<Figure> figures,
            String listTitle,
            List<String> list) {

        /** A part within a chapter, without a list. */
        static Section part(String id, String number, String title, String html, String intro, List<Figure> figures) {
            return new Section(null, null, id, number, title, html, intro, figures, null, List.of());
        }

        /** A part of only the care office's text, or the figures' text. */
        static Section text(String id, String number, String title, String html) {
            return part(id, number, title, html, null, List.of());
        }

        /** This part as the first of chapter {@code chapter}. */
        Section opening(String chapterId, String chapter) {
            return new Section(chapterId, chapter, id, number, title, html, intro, figures, listTitle, list);
        }

        /** This part with a titled list after its figures. */
        Section withList(String listTitle, List<String> list) {
            return new Section(chapterId, chapter, id, number, title, html, intro, figures, listTitle, list);
        }
    }

    /** A titled text of the care office, as safe HTML. */
    public record Task(String title, String html) {}

    /** The region's monthly influx as the Instroommonitor draws and judges it. */
    public record Influx(String chart, String caption, String sentence, String source) {}

    /** An objective of the region's plan and whether the published figures say it is on course. */
    public record Objective(int number, String description, String measure, String course, String sentence) {}

    /** The region's plan van aanpak as the report names it; {@code link} leads to the plan, behind login. */
    public record Plan(String title, String status, String link, List<Objective> objectives) {}

    /**
     * @param publishedOn the day of publication in words, null for a draft
     * @param publication which published figures the report holds, such as "cijfers t/m december 2024, publicatie 7 van …"
     * @param introduction the care office's texts as safe HTML, null where it wrote none
     * @param parts chapters 2 and 3: the sector, the summary of the region's insight (the care office's, else the
     *              sentences the figures give) and the region's demand, affordability, accessibility and quality
     * @param projects innovation and stimulus-budget projects from the register, their description as safe HTML
     * @param small the words for a hidden small count at the threshold the figures were protected with
     */
    public record Report(
            Region region,
            int year,
            String referenceDate,
            String publishedOn,
            String publication,
            String introduction,
            String lookBackNote,
            List<Tile> lookBack,
            List<Section> parts,
            String regionalPlan,
            Influx influx,
            Plan plan,
            List<Task> tasks,
            List<Task> projects,
            String disclaimer,
            String contact,
            SmallCells small) {}

    /** The report as a draft: the figures as they are now. */
    public Report build(Region region, int year) {
        return build(region, year, null);
    }

    /** The report as published on {@code publishedOn}, or a draft when that is null. */
    public Report build(Region region, int year, LocalDate publishedOn) {
        LocalDate day = RegionTables.referenceDate(year);
        Sources sources = Sources.forYear(year, publicationLine());
        Map<String, FigureTable> regional = new LinkedHashMap<>();
        regionTables.tables(region, year, View.PUBLISHED).forEach(t -> regional.put(t.id(), t));
        Map<TextKind, String> written = new EnumMap<>(TextKind.class);
        List<ReportTexts.Text> all = texts.list(region.code(), year);
        all.stream().filter(t -> t.kind().single()).forEach(t -> written.put(t.kind(), t.html()));
        List<RegisterEntry> entries = register.list(region.code(), year);
        RegisterSummary summary = register.summary(region.code(), year);

        List<Section> parts = new ArrayList<>();
        parts.add(Section.part(
                        "sectorbeeld",
                        "2.1",
                        "Trends en ontwikkelingen",
                        written.get(TextKind.SECTOR),
                        "Het aantal cliënten met een indicatie per zorgprofiel in heel Nederland op 1 oktober, en de verandering "
                                + "in het laatste jaar.",
                        List.of(
                                figures.stockOverTime(
                                        "nl-w", Area.NATIONAL.code(), Area.NATIONAL.name(), "GGZ-W", year, sources),
                                figures.stockOverTime(
                                        "nl-b", Area.NATIONAL.code(), Area.NATIONAL.name(), "GGZ-B", year, sources)))
                .opening("sector-kop", "2. Sectorbeeld GGZ"));
        Influx regionInflux = planChapter.influx(region, year, sources);
        String summaryHtml = written.containsKey(TextKind.SUMMARY)
                ? written.get(TextKind.SUMMARY)
                : RichText.toHtml(insight.text(region, year, summary, regionInflux));
        parts.add(Section.text("samenvatting", "3.1", "Samenvatting van het regio-inzicht", summaryHtml)
                .opening("regio-inzicht-kop", "3. Regio-inzicht " + region.name()));
        List<Figure> demand = new ArrayList<>();
        demand.add(figures.stockOverTime("regio-w", region.code(), region.name(), "GGZ-W", year, sources));
        demand.add(figures.stockOverTime("regio-b", region.code(), region.name(), "GGZ-B", year, sources));
        SERIES.forEach(series -> demand.add(figures.distribution(region, series, year, sources)));
        demand.add(figures.prevalence(region, day, sources));
        parts.add(Section.part(
                "zorgvraag",
                "3.2",
                "Zorgvraag",
                written.get(TextKind.DEMAND),
                "Het aantal cliënten met een indicatie per zorgprofiel in " + region.name()
                        + ", hoe zij over de profielen "
                        + "verdeeld zijn tegen het landelijk beeld, en de indicatieprevalentie.",
                demand));
        String wholeYear = "1 januari tot en met 31 december " + year;
        parts.add(Section.part(
                "betaalbaarheid",
                "3.3",
                "Betaalbaarheid",
                written.get(TextKind.AFFORDABILITY),
                "De gemiddelde kosten per cliënt per dag tegen de bandbreedte van alle regio's, en hoe cliënten hun zorg "
                        + "ontvangen (verzilvering per leveringsvorm).",
                List.of(
                        Figure.withoutChart(
                                regional.get("kosten"),
                                sources.of("declaraties van zorgaanbieders", "kalenderjaar " + year)),
                        figures.deliveryShares(region, year, sources),
                        Figure.withoutChart(
                                regional.get("verzilvering"), sources.of("zorgtoewijzingen en indicaties", null)))));
        List<Figure> access = new ArrayList<>();
        access.add(Figure.withoutChart(regional.get("wachtlijst"), sources.of("wachtlijstinformatie", null)));
        access.add(
                Figure.withoutChart(regional.get("stromen"), sources.of("indicaties en zorgtoewijzingen", wholeYear)));
        if (regional.containsKey("doorstroom")) {
            access.add(Figure.withoutChart(regional.get("doorstroom"), sources.of("indicaties", wholeYear)));
        }
        List<String> providers = entries.stream()
                .filter(e -> e.kind() == RegisterKind.CONTRACTED_PROVIDER)
                .map(RegisterEntry::name)
                .distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
        parts.add(Section.part(
                        "toegankelijkheid",
                        "3.4",
                        "Toegankelijkheid",
                        written.get(TextKind.ACCESSIBILITY),
                        "De wachtlijst per wachtstatus, de stromen tussen regio's en de gecontracteerde zorgaanbieders.",
                        access)
                .withList("Gecontracteerde zorgaanbieders Wlz " + year + " in de regio " + region.name(), providers));
        parts.add(Section.part(
                "kwaliteit",
                "3.5",
                "Kwaliteit",
                written.get(TextKind.QUALITY),
                "Signalen van cliënten en van onafhankelijke cliëntondersteuners (OCO) per categorie, en de locatiebezoeken "
                        + "van " + year + ", uit het register van het zorgkantoor.",
                List.of(ReportFigures.signals(summary, year, sources), ReportFigures.visits(entries, year, sources))));

        List<Task> tasks = all.stream()
                .filter(t -> t.kind() == TextKind.REGIONAL_TASK)
                .map(t -> new Task(t.title(), t.html()))
                .toList();
        List<Task> projects = entries.stream()
                .filter(e -> e.kind() == RegisterKind.INNOVATION_PROJECT || e.kind() == RegisterKind.STIMULUS_PROJECT)
                .map(e -> new Task(
                        e.kind().dutch() + ": " + e.name(),
                        "<p>" + HtmlUtils.htmlEscape(e.description(), "UTF-8") + "</p>"))
                .toList();
        List<Tile> tiles = lookBack.tiles(region, day);
        COUNTED.forEach(kind -> tiles.add(new Tile(kind.plural(), String.valueOf(summary.count(kind)), "in " + year)));
        return new Report(
                region,
                year,
                LONG.format(day),
                publishedOn == null ? null : LONG.format(publishedOn),
                sources.publication(),
                written.get(TextKind.INTRODUCTION),
                written.get(TextKind.LOOK_BACK),
                tiles,
                parts,
                written.get(TextKind.REGIONAL_PLAN),
                regionInflux,
                planChapter.plan(region),
                tasks,
                projects,
                written.get(TextKind.DISCLAIMER),
                written.get(TextKind.CONTACT),
                suppression.smallCells());
    }

    /**
     * The texts the editor offers where the care office wrote none: the summary the figures give, to change as it sees
     * fit. Saved unchanged, a default is not stored, so it keeps following the figures.
     */
    public Map<TextKind, String> defaultTexts(Region region, int year) {
        RegisterSummary summary = register.summary(region.code(), year);
        Influx regionInflux = planChapter.influx(region, year, Sources.forYear(year, publicationLine()));
        return Map.of(TextKind.SUMMARY, insight.text(region, year, summary, regionInflux));
    }

    /** Which publication the figures are of, such as "cijfers t/m december 2024, publicatie 7 van 30 november 2026"; or null. */
    private String publicationLine() {
        PublicationNotice notice = publication.getIfAvailable();
        return notice == null ? null : notice.line().orElse(null);
    }
}
