package nl.regiomonitor.trend;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.FigureTable;
import nl.regiomonitor.indicator.InfluxFigures;
import nl.regiomonitor.indicator.TableDownloads;
import nl.regiomonitor.region.RegionService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Instroommonitor: the monthly GGZ-W influx of a region or NL as a control chart with its
 * judgement in words, and the tables by profile, origin and age band, with downloads that hold
 * the same cells as the page. Published, so open to everyone.
 */
@Controller
class InfluxMonitorController {

    /** Months shown when no period is asked for: the last two years of data. */
    static final int DEFAULT_MONTHS = 24;

    private final InfluxFigures influx;
    private final InfluxTrend trend;
    private final RegionService regions;

    InfluxMonitorController(InfluxFigures influx, InfluxTrend trend, RegionService regions) {
        this.influx = influx;
        this.trend = trend;
        this.regions = regions;
    }

    /** The period and place a page or download is about, with the defaults filled in. */
    private record Question(String region, String regionName, YearMonth from, YearMonth to) {
    }

    @GetMapping("/instroom")
    String page(@RequestParam(defaultValue = "NL") String region,
                @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to, Model model) {
        Question q = question(region, from, to);
        model.addAttribute("q", q);
        model.addAttribute("regions", regions.regions());
        PublishedTrend result = trend.published(q.region(), q.from(), q.to(), null);
        model.addAttribute("trend", result);
        model.addAttribute("chart", TrendChart.svg(result, "Instroom GGZ-W per maand, " + q.regionName(),
                InfluxTrend.targetFor(q.region(), null), "instroomgrafiek"));
        model.addAttribute("tables", tables(q));
        model.addAttribute("youngAdults", youngAdults(q));
        return "trend/influx";
    }

    @GetMapping("/instroom.csv")
    void csv(@RequestParam(defaultValue = "NL") String region,
             @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
             @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
             HttpServletResponse response) throws IOException {
        Question q = question(region, from, to);
        TableDownloads.sendCsv(response, fileStem(q), tables(q));
    }

    @GetMapping("/instroom.xlsx")
    void xlsx(@RequestParam(defaultValue = "NL") String region,
              @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
              @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
              HttpServletResponse response) throws IOException {
        Question q = question(region, from, to);
        TableDownloads.sendXlsx(response, fileStem(q), tables(q));
    }

    @GetMapping("/instroom.pdf")
    void pdf(@RequestParam(defaultValue = "NL") String region,
             @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
             @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
             HttpServletResponse response) throws IOException {
        Question q = question(region, from, to);
        TableDownloads.sendPdf(response, fileStem(q), "Instroommonitor " + q.regionName(), tables(q));
    }

    private static String fileStem(Question q) {
        return "instroom-" + q.region() + "-" + q.from() + "-" + q.to();
    }

    private Question question(String region, YearMonth from, YearMonth to) {
        String name = "NL".equals(region) ? "Nederland" : regions.find(region).map(r -> r.name())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekende regio"));
        YearMonth last = influx.lastMonth() == null ? YearMonth.now() : influx.lastMonth();
        YearMonth end = to == null ? last : to;
        YearMonth start = from == null ? end.minusMonths(DEFAULT_MONTHS - 1) : from;
        if (start.isAfter(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "De eerste maand ligt na de laatste");
        }
        return new Question(region, name, start, end);
    }

    /**
     * The share of 18–26-year-olds in the period's influx, as the page says it. The two sums over the
     * period are published only when every month's cell they add up is shown: a sum over hidden
     * months would give them back.
     */
    private String youngAdults(Question q) {
        InfluxFigures.InfluxTable byAge = influx.influx(q.region(), q.from(), q.to(), Breakdown.AGEBAND);
        long young = byAge.rows().stream().mapToLong(r -> r.counts().getOrDefault(InfluxFigures.YOUNG_ADULTS, 0L)).sum();
        long all = byAge.rows().stream().mapToLong(InfluxFigures.MonthRow::total).sum();
        if (all == 0) {
            return "Geen instroom in deze periode.";
        }
        boolean anyHidden = byAge.rows().stream()
                .anyMatch(r -> r.totalCell().suppressed() || r.cell(InfluxFigures.YOUNG_ADULTS).suppressed());
        if (anyHidden) {
            return "Aandeel jongvolwassenen (18 t/m 26 jaar): niet te tonen, omdat in deze periode maanden met kleine "
                    + "aantallen zitten die de som zou verraden.";
        }
        return String.format(Locale.forLanguageTag("nl-NL"), "Jongvolwassenen (18 t/m 26 jaar): %.1f%% van de instroom (%s van %s).",
                100.0 * young / all, Cell.ofCount(young).display(), Cell.ofCount(all).display());
    }

    private List<FigureTable> tables(Question q) {
        String where = " — " + q.regionName() + ", " + FigureTable.monthLabel(q.from()) + " t/m " + FigureTable.monthLabel(q.to());
        return List.of(
                FigureTable.ofInflux("profiel", "Instroom GGZ-W per profiel" + where,
                        influx.influx(q.region(), q.from(), q.to(), Breakdown.PROFILE)),
                FigureTable.ofInflux("herkomst", "Instroom GGZ-W per herkomst" + where,
                        influx.influx(q.region(), q.from(), q.to(), Breakdown.ORIGIN)),
                FigureTable.ofInflux("leeftijd", "Instroom GGZ-W per leeftijdsklasse" + where,
                        influx.influx(q.region(), q.from(), q.to(), Breakdown.AGEBAND)));
    }
}
