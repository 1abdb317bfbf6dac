package nl.regiomonitor.region;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "Regio's", description = "Zorgkantoorregio's en hun inwoners")
class RegionApiController {

    private final RegionService regions;

    RegionApiController(RegionService regions) {
        this.regions = regions;
    }

    @GetMapping
    @Operation(summary = "Alle zorgkantoorregio's met het aantal inwoners (totaal en 18+) in het laatst bekende jaar")
    List<Region> regions() {
        return regions.regions();
    }
}
