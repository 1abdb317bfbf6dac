package nl.regiomonitor.indicator;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.servlet.http.HttpServletResponse;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** A region's published figures for a year on one page, and as CSV, XLSX and PDF with the same cells. */
@Controller
class RegionFiguresController {

    private final RegionService regions;
    private final InfluxFigures influx;
    private final RegionTables tables;

    RegionFiguresController(RegionService regions, InfluxFigures influx, RegionTables tables) {
        this.regions = regions;
        this.influx = influx;
        this.tables = tables;
    }

    @GetMapping("/regions/{region}")
    String page(@PathVariable String region, @RequestParam(required = false) Integer year, Model model) {
        Region shown = region(region);
        int chosen = year(year);
        model.addAttribute("region", shown);
        model.addAttribute("year", chosen);
        model.addAttribute("tables", tables.tables(shown, chosen));
        return "indicator/region";
    }

    @GetMapping("/regions/{region}/cijfers.csv")
    void csv(@PathVariable String region, @RequestParam(required = false) Integer year, HttpServletResponse response)
            throws IOException {
        Region shown = region(region);
        int chosen = year(year);
        TableDownloads.sendCsv(response, "cijfers-" + shown.code() + "-" + chosen, tables.tables(shown, chosen));
    }

    @GetMapping("/regions/{region}/cijfers.xlsx")
    void xlsx(@PathVariable String region, @RequestParam(required = false) Integer year, HttpServletResponse response)
            throws IOException {
        Region shown = region(region);
        int chosen = year(year);
        TableDownloads.sendXlsx(response, "cijfers-" + shown.code() + "-" + chosen, tables.tables(shown, chosen));
    }

    @GetMapping("/regions/{region}/cijfers.pdf")
    void pdf(@PathVariable String region, @RequestParam(required = false) Integer year, HttpServletResponse response)
            throws IOException {
        Region shown = region(region);
        int chosen = year(year);
        TableDownloads.sendPdf(response, "cijfers-" + shown.code() + "-" + chosen,
                "Cijfers " + shown.name() + " (" + shown.code() + "), " + chosen, tables.tables(shown, chosen));
    }

    private Region region(String code) {
        return regions.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekende regio"));
    }

    /** The year asked, or the last year whose 1 October lies within the data. */
    private int year(Integer asked) {
        if (asked != null) {
            if (asked < 2000 || asked > 2100) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Onbekend jaar");
            }
            return asked;
        }
        YearMonth last = influx.lastMonth();
        if (last == null) {
            return LocalDate.now().getYear();
        }
        return last.getMonthValue() >= 10 ? last.getYear() : last.getYear() - 1;
    }
}
