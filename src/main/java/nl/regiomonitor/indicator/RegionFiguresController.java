package nl.regiomonitor.indicator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import nl.regiomonitor.region.Region;
import nl.regiomonitor.region.RegionService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A region's published figures on one page, for a year: stock on 1 October with the change,
 * prevalence against NL, delivery forms, costs against the band of all regions, the waiting list
 * and the flows. Every number is a {@link Cell}.
 */
@Controller
class RegionFiguresController {

    private final RegionService regions;
    private final InfluxFigures influx;
    private final StockFigures stock;
    private final WaitlistFigures waitlist;
    private final CostFigures costs;
    private final DeliveryFormFigures deliveryForms;
    private final FlowFigures flows;

    RegionFiguresController(RegionService regions, InfluxFigures influx, StockFigures stock, WaitlistFigures waitlist,
                            CostFigures costs, DeliveryFormFigures deliveryForms, FlowFigures flows) {
        this.regions = regions;
        this.influx = influx;
        this.stock = stock;
        this.waitlist = waitlist;
        this.costs = costs;
        this.deliveryForms = deliveryForms;
        this.flows = flows;
    }

    @GetMapping("/regions/{region}")
    String page(@PathVariable String region, @RequestParam(required = false) Integer year, Model model) {
        Region shown = regions.find(region).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekende regio"));
        int chosen = year == null ? defaultYear() : year;
        if (chosen < 2000 || chosen > 2100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Onbekend jaar");
        }
        // the regioperspectief counts on 1 October (SPEC.md §3)
        LocalDate referenceDate = LocalDate.of(chosen, 10, 1);
        model.addAttribute("region", shown);
        model.addAttribute("regions", regions.regions());
        model.addAttribute("year", chosen);
        model.addAttribute("referenceDate", referenceDate);
        model.addAttribute("referenceDateText", DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL")).format(referenceDate));
        model.addAttribute("stock", stock.stock(region, referenceDate, Breakdown.PROFILE));
        StockFigures.PrevalenceTable prevalence = stock.prevalence(referenceDate, InfluxFigures.SERIES);
        model.addAttribute("prevalenceYear", prevalence.populationYear());
        model.addAttribute("prevalenceNl", prevalence.rows().get(0));
        model.addAttribute("prevalenceRegion", prevalence.rows().stream().filter(r -> r.region().equals(region)).findFirst().orElseThrow());
        model.addAttribute("forms", deliveryForms.deliveryForms(region, referenceDate));
        model.addAttribute("costs", costs.costs(region, chosen));
        model.addAttribute("waitlist", waitlist.waitlist(region, referenceDate));
        model.addAttribute("flows", flows.flows(region, chosen));
        return "indicator/region";
    }

    /** The last year whose 1 October lies within the data. */
    private int defaultYear() {
        YearMonth last = influx.lastMonth();
        if (last == null) {
            return LocalDate.now().getYear();
        }
        return last.getMonthValue() >= 10 ? last.getYear() : last.getYear() - 1;
    }
}
