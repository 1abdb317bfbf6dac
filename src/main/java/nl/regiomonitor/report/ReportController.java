package nl.regiomonitor.report;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The regioperspectief of a region and year as a page and as a PDF with the same content. */
@Controller
class ReportController {

    private final RegionService regions;
    private final RegionalReport reports;

    ReportController(RegionService regions, RegionalReport reports) {
        this.regions = regions;
        this.reports = reports;
    }

    @GetMapping("/regioperspectief/{region}/{year}")
    String page(@PathVariable String region, @PathVariable int year, Model model) {
        model.addAttribute("report", reports.build(region(region), year(year)));
        return "report/regioperspectief";
    }

    @GetMapping("/regioperspectief/{region}/{year}.pdf")
    void pdf(@PathVariable String region, @PathVariable int year, HttpServletResponse response) throws IOException {
        RegionalReport.Report report = reports.build(region(region), year(year));
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ReportPdf.fileName(report) + "\"");
        ReportPdf.write(report, response.getOutputStream());
    }

    private Region region(String code) {
        return regions.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekende regio"));
    }

    private static int year(int year) {
        if (year < RegionalReport.FIRST_YEAR || year > RegionalReport.LAST_YEAR) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekend jaar");
        }
        return year;
    }
}
