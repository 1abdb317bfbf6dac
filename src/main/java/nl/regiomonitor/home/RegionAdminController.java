package nl.regiomonitor.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import nl.regiomonitor.indicator.InfluxFigures;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.region.RegionService;

/** A region's own administration: where its care office imports and reads the region's audit trail. */
@Controller
class RegionAdminController {

    private final RegionService regions;
    private final ImportService imports;
    private final InfluxFigures influx;

    RegionAdminController(RegionService regions, ImportService imports, InfluxFigures influx) {
        this.regions = regions;
        this.imports = imports;
        this.influx = influx;
    }

    @GetMapping("/regions/{region}/admin")
    String admin(@PathVariable String region, Model model) {
        model.addAttribute("region", regions.known(region));
        model.addAttribute("imports", imports.history(10, region));
        model.addAttribute("reportYear", influx.latestReferenceYear());
        return "home/region-admin";
    }
}
