package nl.regiomonitor.report;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import nl.regiomonitor.indicator.InfluxFigures;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.security.AccessRules;
import nl.regiomonitor.web.Attachment;
import nl.regiomonitor.web.FormProblems;

/**
 * The regioperspectief: as published (frozen, open to everyone) and as a draft of the figures and
 * texts as they are now (for the people of the region), each as a page and as a PDF.
 */
@Controller
class ReportController {

    private final RegionService regions;
    private final RegionalReport reports;
    private final ReportPublications publications;

    private final InfluxFigures influx;
    private final AccessRules access;

    ReportController(
            RegionService regions,
            RegionalReport reports,
            ReportPublications publications,
            InfluxFigures influx,
            AccessRules access) {
        this.regions = regions;
        this.reports = reports;
        this.publications = publications;
        this.influx = influx;
        this.access = access;
    }

    /** A region in the list of a year: its report when published, and the editor when the visitor may write it. */
    record ListLine(Region region, ReportPublications.Listed published, String editor) {}

    /**
     * Every region's regioperspectief of a year, published or not yet, so a report can be found without knowing its
     * address. Without a year: the newest year with a publication, else the year of the newest data.
     */
    @GetMapping("/regioperspectief")
    String list(@RequestParam(required = false) String year, Model model, HttpServletResponse response) {
        List<Integer> published = publications.years();
        int dataYear = influx.latestReferenceYear();
        FormProblems problems = new FormProblems();
        Integer asked = problems.year("year", year, RegionalReport.FIRST_YEAR, RegionalReport.LAST_YEAR);
        int chosen = asked != null ? asked : published.isEmpty() ? dataYear : published.get(0);
        if (!problems.isEmpty()) {
            // the list of the year that would have been shown, under the reason the asked year is not
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("problems", problems);
        Map<String, ReportPublications.Listed> listed = publications.listed(chosen);
        List<ListLine> lines = regions.regions().stream()
                .map(r -> {
                    String editor = "/regions/" + r.code() + "/regioperspectief/" + chosen;
                    return new ListLine(r, listed.get(r.code()), access.mayRead(editor, r.code()) ? editor : null);
                })
                .toList();
        // the years worth choosing: every year with a publication and the recent years of the data
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.addAll(published);
        for (int y = dataYear; y > dataYear - 5; y--) {
            years.add(y);
        }
        years.add(chosen);
        model.addAttribute("year", chosen);
        model.addAttribute("years", years);
        model.addAttribute("lines", lines);
        model.addAttribute("publishedCount", listed.size());
        return "report/list";
    }

    @GetMapping("/regioperspectief/{region}/{year}")
    String published(@PathVariable String region, @PathVariable int year, Model model, HttpServletResponse response) {
        Region shown = regions.known(region);
        Optional<ReportPublications.Publication> publication = publications.find(shown.code(), year(year));
        model.addAttribute("region", shown);
        model.addAttribute("year", year);
        if (publication.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "report/not-published";
        }
        model.addAttribute("publication", publication.get());
        return "report/published";
    }

    @GetMapping("/regioperspectief/{region}/{year}.pdf")
    void publishedPdf(@PathVariable String region, @PathVariable int year, HttpServletResponse response)
            throws IOException {
        Region shown = regions.known(region);
        ReportPublications.Publication publication = publications
                .find(shown.code(), year(year))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Attachment.headers(response, "application/pdf", ReportPdf.fileName(shown, year));
        response.getOutputStream().write(publication.pdf());
    }

    @GetMapping("/regions/{region}/regioperspectief/{year}/concept")
    String draft(@PathVariable String region, @PathVariable int year, Model model) {
        model.addAttribute("report", reports.build(regions.known(region), year(year)));
        return "report/regioperspectief";
    }

    @GetMapping("/regions/{region}/regioperspectief/{year}/concept.pdf")
    void draftPdf(@PathVariable String region, @PathVariable int year, HttpServletResponse response)
            throws IOException {
        Region shown = regions.known(region);
        RegionalReport.Report report = reports.build(shown, year(year));
        Attachment.headers(response, "application/pdf", ReportPdf.fileName(shown, year));
        ReportPdf.write(report, response.getOutputStream());
    }

    static int year(int year) {
        if (year < RegionalReport.FIRST_YEAR || year > RegionalReport.LAST_YEAR) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekend jaar");
        }
        return year;
    }
}
