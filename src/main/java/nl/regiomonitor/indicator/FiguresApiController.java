package nl.regiomonitor.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.regiomonitor.common.Dutch;

/** The published figures as JSON; every number is a {@link Cell}. Readable without login. */
@RestController
@RequestMapping("/api/v1/figures")
@Tag(name = "Cijfers", description = "Gepubliceerde cijfers per regio en voor heel Nederland (NL)")
class FiguresApiController {

    private static final String REGION = "Regiocode, bijvoorbeeld ZK10, of NL voor heel Nederland";

    private final InfluxFigures influx;
    private final StockFigures stock;
    private final WaitlistFigures waitlist;
    private final CostFigures costs;
    private final DeliveryFormFigures deliveryForms;
    private final FlowFigures flows;

    FiguresApiController(
            InfluxFigures influx,
            StockFigures stock,
            WaitlistFigures waitlist,
            CostFigures costs,
            DeliveryFormFigures deliveryForms,
            FlowFigures flows) {
        this.deliveryForms = deliveryForms;
        this.flows = flows;
        this.influx = influx;
        this.stock = stock;
        this.waitlist = waitlist;
        this.costs = costs;
    }

    @Schema(description = "Instroom in één periode (een maand, tenzij anders gevraagd), per categorie en in totaal")
    record InfluxMonth(
            @Schema(description = "Laatste maand van de periode, jjjj-mm")
            YearMonth month,

            @Schema(description = "De periode: 2024-03, 2024-K1, 2024 of 2023-04..2024-03")
            String period,

            @Schema(description = "De periode in woorden, bijvoorbeeld 1e kwartaal 2024")
            String label,

            Map<String, Cell> cells,
            Cell total) {}

    @Schema(description = "Instroom per periode in de GGZ-W-profielen")
    record InfluxAnswer(
            String region,
            YearMonth from,
            YearMonth to,
            String by,

            @Schema(description = "month, quarter, year of rolling12")
            String period,

            List<Category> columns,
            List<InfluxMonth> rows) {}

    @GetMapping("/influx")
    @Operation(
            summary =
                    "Instroom per maand, kwartaal, jaar of voortschrijdend jaar in de GGZ-W-profielen, eventueel per profiel, "
                            + "herkomst of leeftijdsklasse",
            description = "Instroom = de eerste GGZ-W-indicatie van een cliënt, in de maand waarin die ingaat. "
                    + "Een cel met 1 tot 4 cliënten wordt getoond als '<5' zonder waarde; 'x' is verborgen om zo'n cel te beschermen "
                    + "(in de instroom kan een 'x' elk aantal zijn, ook 0). "
                    + "Maanden, kwartalen en jaren zijn samen beschermd: een kwartaal is de som van zijn maanden en verraadt "
                    + "geen verborgen maand. Alleen volledige kwartalen en jaren binnen from..to worden gegeven. Een voortschrijdend "
                    + "jaar (de 12 maanden tot en met een maand) wordt alleen getoond als het de som is van getoonde maanden, "
                    + "kwartalen en jaren; anders 'x'.")
    InfluxAnswer influx(
            @Parameter(description = REGION) @RequestParam String region,
            @Parameter(description = "Eerste maand, jjjj-mm") @RequestParam @DateTimeFormat(pattern = "yyyy-MM")
                    YearMonth from,
            @Parameter(description = "Laatste maand, jjjj-mm") @RequestParam @DateTimeFormat(pattern = "yyyy-MM")
                    YearMonth to,
            @Parameter(description = "none, profile, origin of ageband") @RequestParam(required = false) String by,
            @Parameter(description = "month (standaard), quarter, year of rolling12") @RequestParam(required = false)
                    String period) {
        Breakdown breakdown = Breakdown.parse(by);
        Period kind = Period.parse(period);
        InfluxFigures.InfluxTable table = influx.influx(region, from, to, breakdown, kind);
        List<InfluxMonth> rows = table.rows().stream()
                .map(r -> {
                    Map<String, Cell> cells = new LinkedHashMap<>();
                    r.counts().keySet().forEach(code -> cells.put(code, r.cell(code)));
                    return new InfluxMonth(
                            r.month(), r.period().key(), r.period().label(), cells, r.totalCell());
                })
                .toList();
        return new InfluxAnswer(
                region, from, to, breakdown.name().toLowerCase(Locale.ROOT), kind.code(), table.categories(), rows);
    }

    @Schema(description = "Een regel van de stand: een reeks (GGZ-W, GGZ-B) of een profiel")
    record StockLine(
            String code,
            String name,

            @Schema(description = "Waar voor het totaal van een reeks")
            boolean seriesTotal,

            Cell clients,
            Cell clientsYearBefore,

            @Schema(description = "Verandering in procenten; leeg als een van beide standen niet wordt getoond")
            Double changePercent,

            @Schema(description = "Verandering zoals in het regioperspectief, bijvoorbeeld +29,7%")
            String change) {}

    @Schema(description = "Stand op een peildatum, met de stand een jaar eerder")
    record StockAnswer(String region, LocalDate date, LocalDate yearBefore, List<StockLine> rows) {}

    @GetMapping("/stock")
    @Operation(
            summary =
                    "Stand (cliënten met een geldige indicatie) op een peildatum, met de verandering in procenten tegen een jaar eerder")
    StockAnswer stock(
            @Parameter(description = REGION) @RequestParam String region,
            @Parameter(description = "Peildatum, jjjj-mm-dd (het regioperspectief gebruikt 1 oktober)")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date,
            @Parameter(description = "none of profile") @RequestParam(required = false) String by) {
        StockFigures.StockTable table = stock.stock(region, date, Breakdown.parse(by));
        List<StockLine> rows = table.rows().stream()
                .map(r -> {
                    Cell now = r.cell();
                    Cell before = r.cellYearBefore();
                    boolean shown = r.changeShown();
                    return new StockLine(
                            r.category().code(),
                            r.category().name(),
                            r.seriesTotal(),
                            now,
                            before,
                            shown ? Math.round(r.change() * 10) / 10.0 : null,
                            shown ? r.changeDisplay() : "–");
                })
                .toList();
        return new StockAnswer(region, table.date(), table.yearBefore(), rows);
    }

    @Schema(description = "Prevalentie van een regio of NL: cliënten per 10.000 inwoners van 18 jaar en ouder")
    record PrevalenceLine(
            String region,
            String name,
            Cell clients,
            Cell adults,

            @Schema(
                    description =
                            "Per 10.000 inwoners 18+, één decimaal; leeg als het aantal cliënten niet wordt getoond")
            Double perTenThousand,

            @Schema(description = "Weergave, bijvoorbeeld 15,3")
            String display) {}

    @Schema(description = "Prevalentie op een peildatum, NL eerst en dan elke regio")
    record PrevalenceAnswer(LocalDate date, int populationYear, String series, List<PrevalenceLine> rows) {}

    @GetMapping("/prevalence")
    @Operation(summary = "Prevalentie: stand per 10.000 inwoners van 18 jaar en ouder, elke regio tegen NL")
    PrevalenceAnswer prevalence(
            @Parameter(description = "Peildatum, jjjj-mm-dd")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date,
            @Parameter(description = "GGZ-W (standaard) of GGZ-B") @RequestParam(defaultValue = "GGZ-W")
                    String series) {
        StockFigures.PrevalenceTable table = stock.prevalence(date, series);
        List<PrevalenceLine> rows = table.rows().stream()
                .map(r -> {
                    Cell clients = r.cell();
                    Double rate = r.shown() ? Math.round(r.perTenThousand() * 10) / 10.0 : null;
                    return new PrevalenceLine(
                            r.region(),
                            r.name(),
                            clients,
                            Cell.ofCount(r.adults()),
                            rate,
                            rate == null
                                    ? (clients.suppressed() ? "x" : "–")
                                    : String.format(Dutch.LOCALE, "%.1f", rate));
                })
                .toList();
        return new PrevalenceAnswer(table.date(), table.populationYear(), table.series(), rows);
    }

    @Schema(description = "Wachtlijst per wachtstatus op de laatste momentopname op of voor de gevraagde datum")
    record WaitlistAnswer(
            String region,
            LocalDate date,

            @Schema(description = "Datum van de gebruikte momentopname")
            LocalDate snapshot,

            List<Category> statuses,
            Map<String, Cell> clients,
            Cell total) {}

    @GetMapping("/waitlist")
    @Operation(
            summary =
                    "Wachtlijst per wachtstatus (actief plaatsen, urgent, wacht op voorkeur, niet actief) op een peildatum")
    WaitlistAnswer waitlist(
            @Parameter(description = REGION) @RequestParam String region,
            @Parameter(description = "Peildatum, jjjj-mm-dd")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date) {
        WaitlistFigures.WaitlistTable table = waitlist.waitlist(region, date);
        Map<String, Cell> cells = new LinkedHashMap<>();
        table.statuses().forEach(s -> cells.put(s.code(), table.cell(s.code())));
        return new WaitlistAnswer(region, date, table.snapshot(), table.statuses(), cells, table.totalCell());
    }

    @Schema(description = "Kosten per cliënt per dag van een profiel (of alle profielen), met de band van alle regio's")
    record CostLine(
            String code,
            String name,

            @Schema(description = "Gemiddelde kosten per cliënt per dag in euro's; leeg zonder kosten")
            BigDecimal perDay,

            BigDecimal lowest,
            BigDecimal median,
            BigDecimal highest,

            @Schema(description = "Aantal regio's in de band")
            int regionsInBand,

            @Schema(description = "Weergave, bijvoorbeeld € 166,67")
            String display) {}

    record CostAnswer(String region, int year, List<CostLine> rows) {}

    @GetMapping("/costs")
    @Operation(
            summary =
                    "Betaalbaarheid: gemiddelde kosten per cliënt per dag per profiel, tegen de band (laagste, mediaan, hoogste) van alle regio's")
    CostAnswer costs(
            @Parameter(description = REGION) @RequestParam String region,
            @Parameter(description = "Jaar, bijvoorbeeld 2024") @RequestParam int year) {
        CostFigures.CostTable table = costs.costs(region, year);
        List<CostLine> rows = table.rows().stream()
                .map(r -> new CostLine(
                        r.category().code(),
                        r.category().name(),
                        r.perDay(),
                        r.lowest(),
                        r.median(),
                        r.highest(),
                        r.regionsInBand(),
                        CostFigures.CostRow.display(r.perDay())))
                .toList();
        return new CostAnswer(region, year, rows);
    }

    @Schema(description = "Verzilvering van één profiel (of ALL): cliënten in zorg per leveringsvorm en hun aandeel")
    record FormLine(
            String code,
            String name,
            Map<String, Cell> clients,

            @Schema(description = "Aandeel per leveringsvorm in procenten; leeg waar de cel niet wordt getoond")
            Map<String, Double> share,

            Cell total) {}

    record FormAnswer(String region, LocalDate date, List<Category> forms, List<FormLine> rows) {}

    @GetMapping("/delivery-forms")
    @Operation(
            summary =
                    "Verzilvering: cliënten in zorg per leveringsvorm (verblijf, vpt, mpt, pgb), per profiel, op een peildatum")
    FormAnswer deliveryForms(
            @Parameter(description = REGION) @RequestParam String region,
            @Parameter(description = "Peildatum, jjjj-mm-dd")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date) {
        DeliveryFormFigures.FormTable table = deliveryForms.deliveryForms(region, date);
        List<FormLine> rows = table.rows().stream()
                .map(r -> {
                    Map<String, Cell> cells = new LinkedHashMap<>();
                    Map<String, Double> shares = new LinkedHashMap<>();
                    for (Category form : table.forms()) {
                        cells.put(form.code(), r.cell(form.code()));
                        shares.put(form.code(), r.shownShare(form.code()));
                    }
                    return new FormLine(r.profile().code(), r.profile().name(), cells, shares, r.totalCell());
                })
                .toList();
        return new FormAnswer(region, date, table.forms(), rows);
    }

    @Schema(description = "Verhuizingen tussen de regio en één andere regio in het jaar, beide kanten op")
    record ExchangeLine(
            @Schema(description = "Code van de andere regio")
            String code,

            @Schema(description = "Naam van de andere regio")
            String name,

            @Schema(description = "Cliënt gaat weg uit de regio naar deze regio")
            Cell movedTo,

            @Schema(description = "Cliënt komt naar de regio vanuit deze regio")
            Cell movedFrom) {}

    @Schema(description = "Stromen in een jaar tussen regio's")
    record FlowAnswer(
            String region,
            int year,

            @Schema(description = "Geïndiceerd in de regio, zorg geleverd in een andere regio (in dezelfde tijd)")
            Cell indicatedHereCaredElsewhere,

            @Schema(description = "Zorg geleverd in de regio, geïndiceerd in een andere regio (in dezelfde tijd)")
            Cell caredHereIndicatedElsewhere,

            @Schema(
                    description = "Verhuisd naar de regio: een nieuwe indicatie hier na een in een andere regio, "
                            + "geteld per cliënt en per regio van herkomst; de som van 'doorstroom' movedFrom")
            Cell movedIn,

            @Schema(
                    description = "Verhuisd uit de regio: per cliënt en per regio van bestemming geteld; "
                            + "de som van 'doorstroom' movedTo")
            Cell movedOut,

            @Schema(
                    description =
                            "Doorstroom: per andere regio met minstens één verhuizing (een kant op) de aantallen; "
                                    + "leeg voor NL. Beschermd samen met movedIn en movedOut")
            List<ExchangeLine> doorstroom) {}

    @GetMapping("/flows")
    @Operation(
            summary =
                    "Stromen: hier geïndiceerd en elders in zorg (en omgekeerd), verhuisd naar en uit de regio in een jaar, "
                            + "met de doorstroom per andere regio")
    FlowAnswer flows(
            @Parameter(description = REGION) @RequestParam String region,
            @Parameter(description = "Jaar, bijvoorbeeld 2024") @RequestParam int year) {
        FlowFigures.Flows f = flows.flows(region, year);
        List<ExchangeLine> doorstroom = flows.doorstroom(region, year).others().stream()
                .map(o -> new ExchangeLine(o.code(), o.name(), o.movedToCell(), o.movedFromCell()))
                .toList();
        return new FlowAnswer(
                region,
                year,
                f.cell(FlowFigures.Flow.INDICATED_HERE_CARED_ELSEWHERE),
                f.cell(FlowFigures.Flow.CARED_HERE_INDICATED_ELSEWHERE),
                f.cell(FlowFigures.Flow.MOVED_IN),
                f.cell(FlowFigures.Flow.MOVED_OUT),
                doorstroom);
    }
}
