package nl.regiomonitor.trend;

import java.time.YearMonth;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Trend", description = "Is een verandering in kleine aantallen echt? Controlekaart en oordeel per maandreeks")
class TrendApiController {

    private final InfluxTrend trend;

    TrendApiController(InfluxTrend trend) {
        this.trend = trend;
    }

    @Schema(description = "Oordeel over de maandelijkse instroom: punten met interval en grenzen, run-regels, oordeel en stabiel niveau")
    record TrendAnswer(String region, YearMonth from, YearMonth to, String profile, List<PublishedTrend.Point> points, RunRules rules,
                       @Schema(description = "DALEND, STIJGEND, STABIEL of GEEN_SIGNAAL") Verdict verdict,
                       @JsonInclude(JsonInclude.Include.ALWAYS)
                       @Schema(description = "Stabiel niveau per maand (middellijn van de laatste stabiele fase), of leeg") Double stableLevel,
                       @Schema(description = "Maand sinds wanneer de instroom daalt of stijgt") YearMonth since,
                       List<PublishedTrend.PhaseLevel> phases, boolean laney,
                       @Schema(description = "Het oordeel in een Nederlandse zin") String sentence,
                       @Schema(description = "Landelijk doel per maand (alleen bij NL)") Double target) {
    }

    @GetMapping("/api/v1/trend/influx")
    @Operation(summary = "Oordeel over de maandelijkse GGZ-W-instroom van een regio of NL: daalt, stijgt, stabiel of geen signaal",
            description = "Exacte Poisson-intervallen (Garwood), c-kaart met Laney-correctie bij overdispersie, Anhøj-regels "
                    + "en een faseknip bij een blijvende verschuiving. Het oordeel rekent met de werkelijke aantallen; "
                    + "een maand die in de instroomtabel verborgen is ('<5' of 'x') staat hier ook zonder waarde, interval en signaal.")
    TrendAnswer influx(@Parameter(description = "Regiocode, bijvoorbeeld ZK10, of NL") @RequestParam String region,
                       @Parameter(description = "Eerste maand, jjjj-mm") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                       @Parameter(description = "Laatste maand, jjjj-mm") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
                       @Parameter(description = "Alleen dit GGZ-W-profiel, bijvoorbeeld GGZ03W") @RequestParam(required = false) String profile) {
        PublishedTrend t = trend.published(region, from, to, profile);
        TrendResult r = t.result();
        return new TrendAnswer(region, from, to, profile, t.points(), r.rules(), r.verdict(), t.stableLevel(), r.since(),
                t.phases(), r.laney(), t.sentence(), InfluxTrend.targetFor(region, profile));
    }
}
