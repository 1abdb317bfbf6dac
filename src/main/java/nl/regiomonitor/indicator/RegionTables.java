package nl.regiomonitor.indicator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.region.Area;
import nl.regiomonitor.region.Region;

/**
 * A region's figures for one year as the tables its page shows and its downloads hold: stock on
 * 1 October with the change, prevalence against NL, delivery forms, costs against the band of all
 * regions, the waiting list, the flows and the doorstroom (moves to and from each other region).
 */
@Component
public class RegionTables {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy");

    private final StockFigures stock;
    private final WaitlistFigures waitlist;
    private final CostFigures costs;
    private final DeliveryFormFigures deliveryForms;
    private final FlowFigures flows;

    RegionTables(
            StockFigures stock,
            WaitlistFigures waitlist,
            CostFigures costs,
            DeliveryFormFigures deliveryForms,
            FlowFigures flows) {
        this.stock = stock;
        this.waitlist = waitlist;
        this.costs = costs;
        this.deliveryForms = deliveryForms;
        this.flows = flows;
    }

    /** The regioperspectief counts on 1 October (SPEC.md §3). */
    public static LocalDate referenceDate(int year) {
        return LocalDate.of(year, 10, 1);
    }

    public List<FigureTable> tables(Region region, int year, View view) {
        LocalDate day = referenceDate(year);
        String dayText =
                DateTimeFormatter.ofPattern("d MMMM yyyy", Dutch.LOCALE).format(day);
        List<FigureTable> tables = new ArrayList<>();

        StockFigures.StockTable s = stock.stock(region.code(), day, Breakdown.PROFILE);
        tables.add(new FigureTable(
                "stand",
                view.mark("Stand op " + dayText),
                "Profiel",
                List.of(DAY.format(s.date()), DAY.format(s.yearBefore()), "Verandering"),
                s.rows().stream()
                        .map(r -> {
                            Cell now = view.cell(r.cell(), r.clients());
                            Cell before = view.cell(r.cellYearBefore(), r.clientsYearBefore());
                            return new FigureTable.Row(
                                    r.seriesTotal()
                                            ? r.category().name()
                                            : r.category().code(),
                                    List.of(
                                            now,
                                            before,
                                            Cell.ofText(view.shows(r.changeShown()) ? r.changeDisplay() : "–")));
                        })
                        .toList()));

        StockFigures.PrevalenceTable prevalence = stock.prevalence(day, InfluxFigures.SERIES);
        List<FigureTable.Row> prevalenceRows = new ArrayList<>();
        for (StockFigures.PrevalenceRow r : prevalence.rows()) {
            if (r.region().equals(region.code()) || Area.isNational(r.region())) {
                prevalenceRows.add(new FigureTable.Row(
                        r.name(),
                        List.of(Cell.ofText(
                                view.shows(r.shown())
                                        ? String.format(Dutch.LOCALE, "%.1f", r.perTenThousand())
                                        : "–"))));
            }
        }
        tables.add(new FigureTable(
                "prevalentie",
                view.mark("Prevalentie GGZ-W op ") + dayText + " (bevolking " + prevalence.populationYear() + ")",
                "Gebied",
                List.of("Per 10.000 inwoners van 18+"),
                List.copyOf(prevalenceRows)));

        DeliveryFormFigures.FormTable f = deliveryForms.deliveryForms(region.code(), day);
        List<String> formColumns = new ArrayList<>();
        f.forms().forEach(form -> formColumns.add(DeliveryFormFigures.shortName(form)));
        formColumns.add("Totaal");
        tables.add(new FigureTable(
                "verzilvering",
                view.mark("Verzilvering: cliënten in zorg per leveringsvorm op " + dayText),
                "Profiel",
                formColumns,
                f.rows().stream()
                        .filter(r -> r.total() > 0)
                        .map(r -> {
                            List<Cell> cells = new ArrayList<>();
                            f.forms()
                                    .forEach(form -> cells.add(view.cell(
                                            r.cell(form.code()), r.clients().get(form.code()))));
                            cells.add(view.cell(r.totalCell(), r.total()));
                            return new FigureTable.Row(
                                    r.profile().code().equals(DeliveryFormFigures.ALL_PROFILES)
                                            ? "Alle profielen"
                                            : r.profile().code(),
                                    List.copyOf(cells));
                        })
                        .toList()));

        CostFigures.CostTable c = costs.costs(region.code(), year);
        tables.add(new FigureTable(
                "kosten",
                view.mark("Kosten per cliënt per dag in " + year),
                "Profiel",
                List.of(region.name(), "Laagste regio", "Mediaan regio's", "Hoogste regio"),
                c.rows().stream()
                        .map(r -> new FigureTable.Row(
                                r.category().code().equals("ALL")
                                        ? "Alle profielen"
                                        : r.category().code(),
                                List.of(
                                        Cell.ofText(CostFigures.CostRow.display(r.perDay())),
                                                Cell.ofText(CostFigures.CostRow.display(r.lowest())),
                                        Cell.ofText(CostFigures.CostRow.display(r.median())),
                                                Cell.ofText(CostFigures.CostRow.display(r.highest())))))
                        .toList()));

        WaitlistFigures.WaitlistTable w = waitlist.waitlist(region.code(), day);
        List<FigureTable.Row> waitRows = new ArrayList<>();
        w.statuses()
                .forEach(status -> waitRows.add(new FigureTable.Row(
                        status.name(),
                        List.of(view.cell(w.cell(status.code()), w.clients().get(status.code()))))));
        waitRows.add(new FigureTable.Row("Totaal", List.of(view.cell(w.totalCell(), w.total()))));
        tables.add(new FigureTable(
                "wachtlijst",
                view.mark(
                        w.snapshot() == null
                                ? "Wachtlijst: geen momentopname op of vóór " + dayText
                                : "Wachtlijst, momentopname van " + DAY.format(w.snapshot())),
                "Wachtstatus",
                List.of("Cliënten"),
                List.copyOf(waitRows)));

        FlowFigures.Flows fl = flows.flows(region.code(), year);
        Function<FlowFigures.Flow, List<Cell>> flow = kind -> List.of(view.cell(fl.cell(kind), fl.count(kind)));
        tables.add(new FigureTable(
                "stromen",
                view.mark("Stromen in " + year),
                "Stroom",
                List.of("Cliënten"),
                List.of(
                        new FigureTable.Row(
                                "Hier geïndiceerd, elders in zorg",
                                flow.apply(FlowFigures.Flow.INDICATED_HERE_CARED_ELSEWHERE)),
                        new FigureTable.Row(
                                "Hier in zorg, elders geïndiceerd",
                                flow.apply(FlowFigures.Flow.CARED_HERE_INDICATED_ELSEWHERE)),
                        new FigureTable.Row("Verhuisd naar de regio", flow.apply(FlowFigures.Flow.MOVED_IN)),
                        new FigureTable.Row("Verhuisd uit de regio", flow.apply(FlowFigures.Flow.MOVED_OUT)))));

        // the pair cells and the totals are those of the stromen table's protection, so both tables show the same
        FlowFigures.Doorstroom d = flows.doorstroom(region.code(), year);
        List<FigureTable.Row> doorstroomRows = new ArrayList<>();
        d.others()
                .forEach(o -> doorstroomRows.add(new FigureTable.Row(
                        o.name(),
                        List.of(
                                view.cell(o.movedToCell(), o.movedTo()),
                                view.cell(o.movedFromCell(), o.movedFrom())))));
        doorstroomRows.add(new FigureTable.Row(
                "Totaal", List.of(view.cell(d.movedOutCell(), d.movedOut()), view.cell(d.movedInCell(), d.movedIn()))));
        tables.add(new FigureTable(
                "doorstroom",
                view.mark("Doorstroom regio's in " + year + ": verhuisd naar en vanuit andere regio's"),
                "Regio",
                List.of("Cliënt gaat weg uit de regio naar", "Cliënt komt naar de regio vanuit"),
                List.copyOf(doorstroomRows)));
        return tables;
    }
}
