package nl.regiomonitor.monitor;

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

import nl.regiomonitor.indicator.InfluxFigures;
import nl.regiomonitor.indicator.Period;
import nl.regiomonitor.trend.RunRules;
import nl.regiomonitor.trend.TrendWindow;
import nl.regiomonitor.trend.Verdict;

@RestController
@Tag(
        name = "Trend",
        description = "Is een verandering in kleine aantallen echt? Controlekaart en oordeel per maandreeks")
class TrendApiController {

    private final InfluxTrend trend;
    private final InfluxFigures influx;

    TrendApiController(InfluxTrend trend, InfluxFigures influx) {
        this.trend = trend;
        this.influx = influx;
    }

    @Schema(
            description =
                    "Oordeel over de maandelijkse instroom in een vaste periode: punten met interval en grenzen, run-regels, "
                            + "oordeel en stabiel niveau")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrendAnswer(
            String region,
            String profile,

            @Schema(description = "De lengte van een punt: month, quarter of year")
            String period,

            @Schema(description = "De vaste periode waarover het oordeel gaat")
            TrendWindow window,

            @Schema(description = "Eerste maand van de periode")
            YearMonth from,

            @Schema(description = "Laatste maand van de periode")
            YearMonth to,

            @Schema(description = "De gevraagde eerste maand, als die niet die van een vaste periode is")
            YearMonth requestedFrom,

            @Schema(description = "De gevraagde laatste maand, als die niet die van een vaste periode is")
            YearMonth requestedTo,

            @Schema(description = "Toelichting als een andere periode is gevraagd dan een vaste")
            String note,

            @Schema(description = "Laatste maand met gegevens: 'cijfers t/m'")
            YearMonth dataUntil,

            List<PublishedTrend.Point> points,

            @Schema(description = "Regels van Anhøj over de hele periode; leeg zonder oordeel")
            RunRules rules,

            @Schema(
                    description =
                            "DALEND, STIJGEND, STABIEL of GEEN_SIGNAAL; leeg als er te veel maanden verborgen zijn "
                                    + "voor een oordeel")
            Verdict verdict,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "Stabiel niveau per maand (middellijn van de laatste stabiele fase), of leeg")
            Double stableLevel,

            @Schema(description = "Maand sinds wanneer de instroom daalt of stijgt")
            YearMonth since,

            List<PublishedTrend.PhaseLevel> phases,

            @Schema(description = "Grenzen verbreed voor overdispersie (Laney); leeg zonder oordeel")
            Boolean laney,

            @Schema(description = "Het oordeel in een Nederlandse zin")
            String sentence,

            @Schema(description = "Landelijk doel per maand (alleen bij NL)")
            Double target) {}

    @Schema(description = "De vaste perioden waarover het oordeel van een reeks wordt gepubliceerd")
    record WindowList(
            String region,
            String profile,

            @Schema(description = "Laatste maand met gegevens")
            YearMonth dataUntil,

            List<TrendWindow> windows) {}

    @GetMapping("/api/v1/trend/influx")
    @Operation(
            summary =
                    "Oordeel over de GGZ-W-instroom per maand, kwartaal of jaar van een regio of NL in een vaste periode: daalt, "
                            + "stijgt, stabiel of geen signaal",
            description =
                    "Exacte Poisson-intervallen (Garwood), c-kaart met Laney-correctie bij overdispersie, Anhøj-regels "
                            + "en een faseknip bij een blijvende verschuiving. Het oordeel rekent alleen met de gepubliceerde cellen: "
                            + "een maand '<5' telt mee als 2, een maand 'x' telt niet mee, en als meer dan een derde van de maanden "
                            + "verborgen is, is er geen oordeel. Het oordeel wordt alleen gegeven over vaste perioden (zie "
                            + "/api/v1/trend/influx/periods): de hele reeks of een kalenderjaar, tot en met de laatste maand met gegevens. "
                            + "Wie een andere periode vraagt met from/to, krijgt de dichtstbijzijnde vaste periode met een toelichting "
                            + "(window, requestedFrom, requestedTo, note); een periode zonder gegevens geeft 400. Met period=quarter of "
                            + "period=year is een punt een kwartaal of jaar (alleen hele kwartalen en jaren): waar de maanden te klein zijn "
                            + "voor een oordeel, zijn de kwartalen dat vaak niet. Een voortschrijdend jaar krijgt geen oordeel (400).")
    TrendAnswer influx(
            @Parameter(description = "Regiocode, bijvoorbeeld ZK10, of NL") @RequestParam String region,
            @Parameter(description = "Vaste periode: 'reeks' of een jaar, bijvoorbeeld 2024")
                    @RequestParam(required = false)
                    String window,
            @Parameter(description = "Gevraagde eerste maand, jjjj-mm")
                    @RequestParam(required = false)
                    @DateTimeFormat(pattern = "yyyy-MM")
                    YearMonth from,
            @Parameter(description = "Gevraagde laatste maand, jjjj-mm")
                    @RequestParam(required = false)
                    @DateTimeFormat(pattern = "yyyy-MM")
                    YearMonth to,
            @Parameter(description = "Alleen dit GGZ-W-profiel, bijvoorbeeld GGZ03W") @RequestParam(required = false)
                    String profile,
            @Parameter(
                            description =
                                    "Een punt per month (standaard), quarter of year; een punt is de laatste maand van "
                                            + "zijn periode")
                    @RequestParam(required = false)
                    String period) {
        Period kind = Period.parse(period);
        InfluxTrend.WindowChoice choice = trend.choose(window, from, to);
        PublishedTrend t = trend.published(region, choice.window(), profile, kind);
        TrendWindow w = choice.window();
        return new TrendAnswer(
                region,
                profile,
                kind.code(),
                w,
                w.from(),
                w.to(),
                choice.snapped() ? from : null,
                choice.snapped() ? to : null,
                choice.note(),
                influx.lastMonth(),
                t.points(),
                t.rules(),
                t.verdict(),
                t.stableLevel(),
                t.since(),
                t.phases(),
                t.laney(),
                t.sentence(),
                InfluxTrend.targetFor(region, profile));
    }

    @GetMapping("/api/v1/trend/influx/periods")
    @Operation(
            summary =
                    "De vaste perioden waarover het oordeel over de GGZ-W-instroom van een regio of NL wordt gepubliceerd")
    WindowList periods(
            @Parameter(description = "Regiocode, bijvoorbeeld ZK10, of NL") @RequestParam String region,
            @Parameter(description = "Alleen dit GGZ-W-profiel, bijvoorbeeld GGZ03W") @RequestParam(required = false)
                    String profile) {
        YearMonth last = influx.lastMonth();
        if (last != null) {
            // checks the region and profile as the trend itself does
            influx.monthlyCells(region, last, last, profile);
        }
        return new WindowList(region, profile, last, trend.windows());
    }
}
