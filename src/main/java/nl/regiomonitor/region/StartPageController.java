package nl.regiomonitor.region;

import java.util.List;
import java.util.Map;

import nl.regiomonitor.ingest.HoldingsService;
import nl.regiomonitor.ingest.HoldingsService.Holdings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: every region with its population, and for national users the client data held. */
@Controller
class StartPageController {

    /** One line of the regions table. */
    record RegionLine(Region region, Holdings holdings) {
    }

    private final RegionService regions;
    private final HoldingsService holdings;

    StartPageController(RegionService regions, HoldingsService holdings) {
        this.regions = regions;
        this.holdings = holdings;
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
        return "region/start";
    }
}
