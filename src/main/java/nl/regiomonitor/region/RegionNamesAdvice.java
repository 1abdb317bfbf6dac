package nl.regiomonitor.region;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the region names as {@code regionNames} (code → name), so the menu says "Beheer Haaglanden", not a code. */
@ControllerAdvice(annotations = Controller.class)
class RegionNamesAdvice {

    private final RegionService regions;

    RegionNamesAdvice(RegionService regions) {
        this.regions = regions;
    }

    @ModelAttribute("regionNames")
    Map<String, String> regionNames() {
        return regions.names();
    }
}
