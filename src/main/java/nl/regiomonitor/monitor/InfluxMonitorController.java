package nl.regiomonitor.monitor;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.disclosure.SmallCells;
import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.FigureTable;
import nl.regiomonitor.indicator.InfluxFigures;
import nl.regiomonitor.indicator.InvalidFigureRequest;
import nl.regiomonitor.indicator.Period;
import nl.regiomonitor.indicator.TableDownloads;
import nl.regiomonitor.indicator.UnprotectedDownloads;
import nl.regiomonitor.indicator.View;
import nl.regiomonitor.indicator.ViewLinks;
import nl.regiomonitor.publication.Publication;
import nl.regiomonitor.publication.PublicationService;
import nl.regiomonitor.region.Area;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.security.AccessRules;
import nl.regiomonitor.trend.TrendWindow;
import nl.regiomonitor.web.FormProblems;

/**
 * The Instroommonitor: the monthly GGZ-W influx of a region or NL as a control chart with its
 * judgement in words, and the tables by profile, origin and age band, with downloads that hold
 * the same cells as the page. Published, so open to everyone.
 */
@Controller
class InfluxMonitorController {

    private final InfluxFigures influx;
    private final InfluxTrend trend;
    private final RegionService regions;
    private final AccessRules rules;
    private final UnprotectedDownloads downloads;
    private final ObjectProvider<PublicationService> publications;

    InfluxMonitorController(
            InfluxFigures influx,
            InfluxTrend trend,
            RegionService regions,
            AccessRules rules,
            UnprotectedDownloads downloads,
            ObjectProvider<PublicationService> publications) {
        this.influx = influx;
        this.trend = trend;
        this.regions = regions;
        this.rules = rules;
        this.downloads = downloads;
        this.publications = publications;
    }

    /**
     * The place and period a page or download is about: the trend's window (the whole series when none is asked),
     * and the months of the tables: the window's, or the period asked cut off at the last month with data (a table
     * may show any months, as its cells are protected month by month). {@code note} says what differs from the question.
     */
    private record Question(
            String region,
            String regionName,
            TrendWindow window,
            YearMonth from,
            YearMonth to,
            String note,
            Period period,
            String periodNote) {

        /** A question by month, before the best period for its counts is chosen. */
        static Question monthly(
                String region, String regionName, TrendWindow window, YearMonth from, YearMonth to, String note) {
            return new Question(region, regionName, window, from, to, note, Period.MONTH, null);
        }

        /** The question as a link's query: the period asked, or the window; and the length of a row. */
        String query() {
            return "?region=" + region
                    + (window.from().equals(from) && window.to().equals(to) && note == null
                            ? "&window=" + window.key()
                            : "&from=" + from + "&to=" + to)
                    + "&period=" + period.code();
        }

        /** The trend's points: the rows' period, but a quarter for rolling years, which share eleven months. */
        Period trendPeriod() {
            return period == Period.ROLLING12 ? Period.QUARTER : period;
        }

        Question withPeriod(Period chosen, String why) {
            return new Question(region, regionName, window, from, to, note, chosen, why);
        }
    }

    /** What the visitor typed or chose, put back in the form as it was. Months count only when no fixed window is chosen. */
    record Typed(String window, String from, String to) {
        public boolean months() {
            return (window == null || window.isBlank()) && !(blank(from) && blank(to));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    @GetMapping({"/instroom", View.INTERNAL_PREFIX + "/instroom"})
    String page(
            @RequestParam(defaultValue = Area.NATIONAL_CODE) String region,
            @RequestParam(required = false) String window,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String period,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        FormProblems problems = new FormProblems();
        YearMonth first = problems.month("from", from, "de eerste maand");
        YearMonth last = problems.month("to", to, "de laatste maand");
        check(problems, window, first, last, period);
        // a question that cannot be answered shows the form again, with the reasons, not another period's figures
        Question q = problems.isEmpty()
                ? question(region, window, first, last, period)
                : question(region, null, null, null).withPeriod(Period.MONTH, null);
        View view = View.of(request);
        model.addAttribute("q", q);
        model.addAttribute("typed", new Typed(window, from, to));
        model.addAttribute("problems", problems);
        model.addAttribute(
                "links",
                ViewLinks.of(
                        view,
                        rules.mayRead(View.INTERNAL_PREFIX + "/instroom", q.region()),
                        "/instroom",
                        "/instroom",
                        q.query()));
        model.addAttribute("regions", regions.regions());
        model.addAttribute("windows", trend.windows());
        model.addAttribute("periods", Period.values());
        model.addAttribute("dataUntil", trend.lastMonth() == null ? null : TrendWindow.month(trend.lastMonth()));
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "monitor/influx";
        }
        model.addAttribute("judgement", judgement(q, view));
        model.addAttribute("tables", tables(q, view));
        model.addAttribute("youngAdults", youngAdults(q, view));
        return "monitor/influx";
    }

    /** Adds the reasons a question from the form cannot be answered, each at its field. */
    private void check(FormProblems problems, String window, YearMonth first, YearMonth last, String period) {
        problems.inOrder(
                "to",
                first,
                last,
                "De laatste maand (" + last + ") ligt vóór de eerste (" + first
                        + "). Kies een laatste maand die op of na de eerste ligt.");
        if (period != null && !period.isBlank()) {
            try {
                Period.parse(period);
            } catch (InvalidFigureRequest e) {
                problems.add(
                        "period",
                        "Kies een indeling uit de lijst: per maand, per kwartaal, per jaar of per voortschrijdend jaar.");
            }
        }
        if (problems.isEmpty() && !trend.windows().isEmpty()) {
            try {
                trend.choose(window, first, last);
            } catch (InvalidFigureRequest e) {
                problems.add(window != null && !window.isBlank() ? "window" : "from", e.getMessage());
            }
        }
    }

    @GetMapping({
        "/instroom.csv",
        "/instroom.xlsx",
        "/instroom.pdf",
        View.INTERNAL_PREFIX + "/instroom.csv",
        View.INTERNAL_PREFIX + "/instroom.xlsx",
        View.INTERNAL_PREFIX + "/instroom.pdf"
    })
    void download(
            @RequestParam(defaultValue = Area.NATIONAL_CODE) String region,
            @RequestParam(required = false) String window,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
            @RequestParam(required = false) String period,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        download(TableDownloads.format(request), question(region, window, from, to, period), request, response);
    }

    private void download(String format, Question q, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        View view = View.of(request);
        String stem = view.fileStem("instroom-" + q.region() + "-" + q.from() + "-" + q.to()
                + (q.period() == Period.MONTH ? "" : "-" + q.period().code()));
        List<FigureTable> content = tables(q, view);
        // recorded before the file leaves, so no unprotected download goes unrecorded
        downloads.record(view, stem + "." + format, q.region());
        switch (format) {
            case "csv" -> TableDownloads.sendCsv(response, stem, content);
            case "xlsx" -> TableDownloads.sendXlsx(response, stem, content);
            // the verdict and chart as the page shows them, above the tables: the PDF is what boards are sent
            default ->
                TableDownloads.sendPdf(
                        response,
                        stem,
                        view.mark("Instroommonitor " + q.regionName()),
                        content,
                        new SmallCells(influx.threshold()),
                        new TableDownloads.Lead(
                                "monitor/fragments.html", "pdf-lead", Map.of("judgement", judgement(q, view))));
        }
    }

    /** The verdict, chart and source line of a question, the same on the page and in the PDF. */
    private InfluxJudgement judgement(Question q, View view) {
        // the unprotected view judges the true monthly counts
        boolean unprotected = view != View.PUBLISHED;
        PublishedTrend result = unprotected
                ? trend.unprotected(q.region(), q.window(), null)
                : trend.published(q.region(), q.window(), null, q.trendPeriod());
        Period period = unprotected ? Period.MONTH : q.trendPeriod();
        // the aim is per month: a quarter's or year's point is held against three or twelve times it
        Double target = InfluxTrend.targetPer(q.region(), period);
        String chart = TrendChart.svg(
                result,
                period,
                view.mark("Instroom GGZ-W " + period.dutch() + ", " + q.regionName()),
                target,
                "instroomgrafiek");
        YearMonth through = trend.lastMonth();
        Long version = publications.stream()
                .flatMap(p -> p.current().stream())
                .map(Publication::version)
                .findFirst()
                .orElse(null);
        String scope = (through == null ? "Nog geen cijfers." : "Cijfers t/m " + TrendWindow.month(through) + ".")
                + " Oordeel en grafiek: " + q.window().label() + ".";
        List<String> notes = new ArrayList<>();
        if (q.note() != null) {
            notes.add(q.note());
        }
        if (q.periodNote() != null) {
            notes.add(q.periodNote());
        }
        return new InfluxJudgement(
                result,
                period,
                chart,
                TrendChart.source(through, version, unprotected),
                target,
                unprotected,
                q.period() == Period.ROLLING12,
                PublishedTrend.standIn(influx.threshold()),
                scope,
                notes);
    }

    /**
     * The question, with the length of a row: the period asked, or else the best view of the region
     * ({@link InfluxFigures#bestView}), saying why when that is not the month.
     */
    private Question question(String region, String window, YearMonth from, YearMonth to, String period) {
        Question q = question(region, window, from, to);
        if (period != null && !period.isBlank()) {
            return q.withPeriod(Period.parse(period), null);
        }
        InfluxFigures.BestView best = influx.bestView(q.region(), q.from(), q.to());
        return q.withPeriod(best.period(), best.reason());
    }

    private Question question(String region, String window, YearMonth from, YearMonth to) {
        String name = Area.isNational(region)
                ? Area.NATIONAL.name()
                : regions.known(region).name();
        try {
            InfluxTrend.WindowChoice choice = trend.choose(window, from, to);
            TrendWindow w = choice.window();
            if (!choice.snapped()) {
                return Question.monthly(region, name, w, w.from(), w.to(), null);
            }
            YearMonth first = trend.windows().get(0).from();
            YearMonth start = from == null ? w.from() : TrendWindow.max(from, first);
            YearMonth end = to == null || to.isAfter(trend.lastMonth()) ? trend.lastMonth() : to;
            String tables =
                    " De tabellen gaan over " + FigureTable.monthLabel(start) + " t/m " + FigureTable.monthLabel(end)
                            + (to != null && to.isAfter(end)
                                    ? ": na " + TrendWindow.month(end) + " zijn er nog geen gegevens."
                                    : ".");
            return Question.monthly(region, name, w, start, end, choice.note() + tables);
        } catch (InvalidFigureRequest e) {
            // a page still shows what there is: the whole series, and why not what was asked
            if (trend.windows().isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
            }
            TrendWindow whole = trend.windows().get(0);
            return Question.monthly(
                    region, name, whole, whole.from(), whole.to(), e.getMessage() + " Hieronder staat de hele reeks.");
        }
    }

    /**
     * The share of 18–26-year-olds in the period's influx, as the page says it. The two sums over the
     * period are published only when every month's cell they add up is shown: a sum over hidden
     * months would give them back.
     */
    private String youngAdults(Question q, View view) {
        InfluxFigures.InfluxTable byAge = influx.influx(q.region(), q.from(), q.to(), Breakdown.AGEBAND, q.period());
        long young = byAge.rows().stream()
                .mapToLong(r -> r.counts().getOrDefault(InfluxFigures.YOUNG_ADULTS, 0L))
                .sum();
        long all =
                byAge.rows().stream().mapToLong(InfluxFigures.MonthRow::total).sum();
        if (all == 0) {
            return "Geen instroom in deze periode.";
        }
        boolean anyHidden = byAge.rows().stream()
                .anyMatch(r -> r.totalCell().suppressed()
                        || r.cell(InfluxFigures.YOUNG_ADULTS).suppressed());
        if (!view.shows(!anyHidden)) {
            return "Aandeel jongvolwassenen (18 t/m 26 jaar): niet te tonen, omdat in deze periode cellen met kleine "
                    + "aantallen zitten die de som zou verraden.";
        }
        return String.format(
                Dutch.LOCALE,
                "Jongvolwassenen (18 t/m 26 jaar): %.1f%% van de instroom (%s van %s).",
                100.0 * young / all,
                Cell.ofCount(young).display(),
                Cell.ofCount(all).display());
    }

    private List<FigureTable> tables(Question q, View view) {
        // a coarser period says so; "tot en met" rather than "t/m", which the PDF may break at its slash
        String where = q.period() == Period.MONTH
                ? " — " + q.regionName() + ", " + FigureTable.monthLabel(q.from()) + " t/m "
                        + FigureTable.monthLabel(q.to())
                : " " + q.period().dutch() + " — " + q.regionName() + ", " + FigureTable.monthLabel(q.from())
                        + " tot en met " + FigureTable.monthLabel(q.to());
        return List.of(
                FigureTable.ofInflux(
                        "profiel",
                        view.mark("Instroom GGZ-W per profiel" + where),
                        influx.influx(q.region(), q.from(), q.to(), Breakdown.PROFILE, q.period()),
                        view),
                FigureTable.ofInflux(
                        "herkomst",
                        view.mark("Instroom GGZ-W per herkomst" + where),
                        influx.influx(q.region(), q.from(), q.to(), Breakdown.ORIGIN, q.period()),
                        view),
                FigureTable.ofInflux(
                        "leeftijd",
                        view.mark("Instroom GGZ-W per leeftijdsklasse" + where),
                        influx.influx(q.region(), q.from(), q.to(), Breakdown.AGEBAND, q.period()),
                        view));
    }
}
