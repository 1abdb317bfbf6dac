package nl.regiomonitor.report;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.web.Attachment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The regioperspectief: as published (frozen, open to everyone) and as a draft of the figures and
 * texts as they are now (for the people of the region), each as a page and as a PDF.
 */
@Controller
class ReportController {

    private final RegionService regions;
    private final RegionalReport reports;
    private final ReportPublications publications;

    ReportController(RegionService regions, RegionalReport reports, ReportPublications publications) {
        this.regions = regions;
        this.reports = reports;
        this.publications = publications;
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
    void publishedPdf(@PathVariable String region, @PathVariable int year, HttpServletResponse response) throws IOException {
        Region shown = regions.known(region);
        ReportPublications.Publication publication = publications.find(shown.code(), year(year))
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
    void draftPdf(@PathVariable String region, @PathVariable int year, HttpServletResponse response) throws IOException {
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
