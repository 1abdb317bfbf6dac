package nl.regiomonitor.region;

import java.util.List;
import java.util.Map;

import nl.regiomonitor.ingest.HoldingsService;
import nl.regiomonitor.ingest.HoldingsService.Holdings;
import nl.regiomonitor.ingest.ImportService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: every region with its population and the client data held, and the latest imports. */
@Controller
class StartPageController {

    /** One line of the regions table. */
    record RegionLine(Region region, Holdings holdings) {
    }

    private final RegionService regions;
    private final HoldingsService holdings;
    private final ImportService imports;

    StartPageController(RegionService regions, HoldingsService holdings, ImportService imports) {
        this.regions = regions;
        this.holdings = holdings;
        this.imports = imports;
    }

    @GetMapping("/")
    String start(Model model) {
        Map<String, Holdings> held = holdings.perRegion();
        List<RegionLine> lines = regions.regions().stream()
                .map(r -> new RegionLine(r, held.getOrDefault(r.code(), Holdings.NONE)))
                .toList();
        model.addAttribute("lines", lines);
        model.addAttribute("populationYear", lines.isEmpty() ? null : lines.get(0).region().populationYear());
        model.addAttribute("total", new RegionLine(
                new Region("NL", "Nederland", lines.stream().mapToLong(l -> l.region().inhabitants()).sum(),
                        lines.stream().mapToLong(l -> l.region().inhabitants18plus()).sum(), null),
                new Holdings(lines.stream().mapToLong(l -> l.holdings().clients()).sum(),
                        lines.stream().mapToLong(l -> l.holdings().indications()).sum(),
                        lines.stream().mapToLong(l -> l.holdings().allocations()).sum())));
        model.addAttribute("imports", imports.history(10));
        return "region/start";
    }
}
