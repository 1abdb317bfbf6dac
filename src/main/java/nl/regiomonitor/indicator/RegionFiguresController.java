package nl.regiomonitor.indicator;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import nl.regiomonitor.disclosure.SmallCells;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.security.AccessRules;
import nl.regiomonitor.web.FormProblems;
import nl.regiomonitor.web.RegionPanel;

/**
 * A region's published figures for a year on one page, and as CSV, XLSX and PDF with the same cells;
 * under {@code /intern} the same unprotected, for people with the right, not for publication.
 */
@Controller
class RegionFiguresController {

    private final RegionService regions;
    private final InfluxFigures influx;
    private final RegionTables tables;
    private final AccessRules rules;
    private final UnprotectedDownloads downloads;
    private final List<RegionPanel> panels;

    RegionFiguresController(
            RegionService regions,
            InfluxFigures influx,
            RegionTables tables,
            AccessRules rules,
            UnprotectedDownloads downloads,
            List<RegionPanel> panels) {
        this.regions = regions;
        this.influx = influx;
        this.tables = tables;
        this.rules = rules;
        this.downloads = downloads;
        this.panels = panels;
    }

    /** A panel of another capability as the page shows it. */
    record ShownPanel(String template, Object content) {}

    @GetMapping({"/regions/{region}", View.INTERNAL_PREFIX + "/regions/{region}"})
    String page(
            @PathVariable String region,
            @RequestParam(required = false) String year,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Region shown = regions.known(region);
        FormProblems problems = new FormProblems();
        Integer asked = problems.year("year", year, firstYear(), lastYear());
        int chosen = year(asked);
        View view = View.of(request);
        model.addAttribute("region", shown);
        model.addAttribute("year", chosen);
        // what was typed goes back in the field, so a mistake can be seen and mended
        model.addAttribute("typedYear", problems.isEmpty() ? String.valueOf(chosen) : year);
        model.addAttribute("problems", problems);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute(
                "links",
                ViewLinks.of(
                        view,
                        rules.mayRead(View.INTERNAL_PREFIX + "/regions/" + shown.code(), shown.code()),
                        "/regions/" + shown.code(),
                        "/regions/" + shown.code() + "/cijfers",
                        "?year=" + chosen));
        model.addAttribute("tables", problems.isEmpty() ? tables.tables(shown, chosen, view) : List.of());
        model.addAttribute(
                "panels",
                panels.stream()
                        .flatMap(
                                panel -> panel
                                        .content(shown.code())
                                        .map(content -> new ShownPanel(panel.template(), content))
                                        .stream())
                        .toList());
        return "indicator/region";
    }

    @GetMapping({
        "/regions/{region}/cijfers.csv",
        "/regions/{region}/cijfers.xlsx",
        "/regions/{region}/cijfers.pdf",
        View.INTERNAL_PREFIX + "/regions/{region}/cijfers.csv",
        View.INTERNAL_PREFIX + "/regions/{region}/cijfers.xlsx",
        View.INTERNAL_PREFIX + "/regions/{region}/cijfers.pdf"
    })
    void download(
            @PathVariable String region,
            @RequestParam(required = false) Integer year,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        download(TableDownloads.format(request), region, year, request, response);
    }

    private void download(
            String format, String region, Integer year, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Region shown = regions.known(region);
        int chosen = year(year);
        View view = View.of(request);
        String stem = view.fileStem("cijfers-" + shown.code() + "-" + chosen);
        List<FigureTable> content = tables.tables(shown, chosen, view);
        // recorded before the file leaves, so no unprotected download goes unrecorded
        downloads.record(view, stem + "." + format, shown.code());
        switch (format) {
            case "csv" -> TableDownloads.sendCsv(response, stem, content);
            case "xlsx" -> TableDownloads.sendXlsx(response, stem, content);
            default ->
                TableDownloads.sendPdf(
                        response,
                        stem,
                        view.mark("Cijfers " + shown.name() + " (" + shown.code() + "), " + chosen),
                        content,
                        new SmallCells(influx.threshold()));
        }
    }

    /** The first year with data: a page of an earlier year would hold nothing but empty tables. */
    private int firstYear() {
        YearMonth first = influx.firstMonth();
        return first == null ? influx.latestReferenceYear() : Math.min(first.getYear(), influx.latestReferenceYear());
    }

    /**
     * The last year with any data: its reference date (1 October) may lie beyond the data, but the year's other
     * figures (costs, waiting list, flows) are there.
     */
    private int lastYear() {
        YearMonth last = influx.lastMonth();
        return last == null ? influx.latestReferenceYear() : Math.max(last.getYear(), influx.latestReferenceYear());
    }

    /** The year asked, or the last year whose 1 October lies within the data. */
    private int year(Integer asked) {
        if (asked != null) {
            if (asked < 2000 || asked > 2100) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Onbekend jaar");
            }
            return asked;
        }
        return influx.latestReferenceYear();
    }
}
