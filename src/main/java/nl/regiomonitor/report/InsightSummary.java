package nl.regiomonitor.report;

import static nl.regiomonitor.report.RegionalReport.DUTCH;
import static nl.regiomonitor.report.RegionalReport.LONG;
import static nl.regiomonitor.report.RegionalReport.SERIES;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.CostFigures;
import nl.regiomonitor.indicator.FlowFigures;
import nl.regiomonitor.indicator.RegionTables;
import nl.regiomonitor.indicator.StockFigures;
import nl.regiomonitor.indicator.WaitlistFigures;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.report.RegionalReport.Influx;
import nl.regiomonitor.signal.RegisterKind;
import nl.regiomonitor.signal.RegisterSummary;

/**
 * The summary of the region's insight that the figures give, as the report shows it where the care office
 * wrote none and as the editor offers it to start from. Kept apart from {@link RegionalReport}: it is prose
 * with its own rule (a sentence only where every number in it is shown), not a part of the layout.
 */
final class InsightSummary {

    private final StockFigures stock;
    private final CostFigures costs;
    private final WaitlistFigures waitlist;
    private final FlowFigures flows;
    private final ReportFigures figures;

    InsightSummary(
            StockFigures stock, CostFigures costs, WaitlistFigures waitlist, FlowFigures flows, ReportFigures figures) {
        this.stock = stock;
        this.costs = costs;
        this.waitlist = waitlist;
        this.flows = flows;
        this.figures = figures;
    }

    /**
     * Seed 004's "Samenvatting van het regio-inzicht" as sentences the published figures give, in the care office's light
     * markup: a sentence appears only where every number it needs is shown.
     */
    String text(Region region, int year, RegisterSummary register, Influx regionInflux) {
        LocalDate day = RegionTables.referenceDate(year);
        List<String> demand = new ArrayList<>();
        StockFigures.StockTable s = stock.stock(region.code(), day, Breakdown.NONE);
        for (StockFigures.StockRow row : s.rows()) {
            if (!row.cell().suppressed() && !row.cellYearBefore().suppressed() && row.clientsYearBefore() > 0) {
                long now = row.clients();
                long before = row.clientsYearBefore();
                String change = now == before
                        ? "evenveel als een jaar eerder"
                        : String.format(
                                DUTCH,
                                "%s van %.1f%% ten opzichte van een jaar eerder (%s)",
                                now > before ? "een stijging" : "een daling",
                                Math.abs(100.0 * (now - before) / before),
                                Cell.ofCount(before).display());
                demand.add("Op " + LONG.format(day) + " hadden "
                        + Cell.ofCount(now).display() + " cliënten in " + region.name() + " een "
                        + row.category().code() + "-indicatie, " + change + ".");
            }
        }
        for (String series : SERIES) {
            StockFigures.PrevalenceTable prevalence = stock.prevalence(day, series);
            StockFigures.PrevalenceRow here = prevalence.rows().stream()
                    .filter(r -> r.region().equals(region.code()))
                    .findFirst()
                    .orElse(null);
            StockFigures.PrevalenceRow nl = prevalence.rows().get(0);
            if (here != null && here.shown() && nl.shown() && nl.adults() > 0 && here.adults() > 0) {
                String own = String.format(DUTCH, "%.1f", here.perTenThousand());
                String national = String.format(DUTCH, "%.1f", nl.perTenThousand());
                String where = own.equals(national)
                        ? "gelijk aan"
                        : here.perTenThousand() < nl.perTenThousand() ? "onder" : "boven";
                demand.add("De indicatieprevalentie " + series + " ligt met " + own
                        + " per 10.000 inwoners van 18 jaar en ouder " + where + " het landelijk gemiddelde ("
                        + national + ").");
            }
        }
        List<String> affordability = new ArrayList<>();
        costs.costs(region.code(), year).rows().stream()
                .filter(r -> r.category().code().equals("ALL") && r.perDay() != null)
                .findFirst()
                .ifPresent(all -> {
                    // the band runs from the lowest to the highest region, this one included: the median says more
                    BigDecimal diff = all.perDay()
                            .subtract(all.median())
                            .multiply(BigDecimal.valueOf(100))
                            .divide(all.median(), 1, RoundingMode.HALF_UP);
                    String relation = diff.signum() == 0
                            ? "gelijk aan de mediaan"
                            : String.format(
                                    DUTCH, "%.1f%% %s de mediaan", diff.abs(), diff.signum() < 0 ? "onder" : "boven");
                    affordability.add("De kosten per cliënt per dag liggen binnen de bandbreedte van de regio's: "
                            + CostFigures.CostRow.display(all.perDay())
                            + " bij een bandbreedte van " + CostFigures.CostRow.display(all.lowest()) + " tot "
                            + CostFigures.CostRow.display(all.highest()) + " (" + relation + " van "
                            + CostFigures.CostRow.display(all.median())
                            + ").");
                });
        List<String> access = new ArrayList<>();
        ReportFigures.Shares forms = figures.formShares(region.code(), day, "GGZ-W");
        if (forms != null) {
            String first = forms.parts().get(0);
            access.add(String.format(
                    DUTCH,
                    "Van de cliënten met een GGZ-W-indicatie die zorg ontvangen, krijgt %.1f%% die als %s.",
                    forms.shares().get(0),
                    first.equalsIgnoreCase("verblijf") ? "verblijfszorg (zzp)" : first));
        }
        WaitlistFigures.WaitlistTable w = waitlist.waitlist(region.code(), day);
        if (w.snapshot() != null && !w.totalCell().suppressed()) {
            access.add("Op de wachtlijst stonden op " + LONG.format(w.snapshot()) + " "
                    + w.totalCell().display() + " cliënten.");
        }
        FlowFigures.Flows f = flows.flows(region.code(), year);
        Cell elsewhere = f.cell(FlowFigures.Flow.INDICATED_HERE_CARED_ELSEWHERE);
        Cell here = f.cell(FlowFigures.Flow.CARED_HERE_INDICATED_ELSEWHERE);
        if (!elsewhere.suppressed() && !here.suppressed()) {
            access.add("In " + year + " ontvingen " + elsewhere.display() + " cliënten met een indicatie uit "
                    + region.name()
                    + " hun zorg in een andere regio, en kregen " + here.display()
                    + " cliënten met een indicatie uit een andere regio "
                    + "hier zorg.");
        }
        Cell out = f.cell(FlowFigures.Flow.MOVED_OUT);
        Cell in = f.cell(FlowFigures.Flow.MOVED_IN);
        if (!out.suppressed()
                && !in.suppressed()
                && (f.count(FlowFigures.Flow.MOVED_OUT) > 0 || f.count(FlowFigures.Flow.MOVED_IN) > 0)) {
            access.add("Er verlieten " + out.display() + " cliënten de regio voor een indicatie elders; " + in.display()
                    + " cliënten kwamen naar de regio.");
        }
        List<String> quality = new ArrayList<>();
        quality.add("In " + year + " ontving het zorgkantoor "
                + count(register.count(RegisterKind.CLIENT_SIGNAL), "klantsignaal", "klantsignalen")
                + " en " + count(register.count(RegisterKind.OCO_SIGNAL), "OCO-signaal", "OCO-signalen")
                + ", bezocht het "
                + count(register.count(RegisterKind.LOCATION_VISIT), "locatie", "locaties") + " en voerde het "
                + count(register.count(RegisterKind.QUALITY_DIALOGUE), "kwaliteitsdialoog", "kwaliteitsdialogen")
                + ".");
        StringBuilder text = new StringBuilder();
        paragraph(text, "Zorgvraag", demand);
        paragraph(text, "Betaalbaarheid", affordability);
        paragraph(text, "Toegankelijkheid", access);
        paragraph(text, "Kwaliteit", quality);
        if (regionInflux != null) {
            paragraph(text, "Instroom", List.of(regionInflux.sentence()));
        }
        return text.toString().strip();
    }

    private static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private static void paragraph(StringBuilder text, String heading, List<String> sentences) {
        if (!sentences.isEmpty()) {
            text.append("**")
                    .append(heading)
                    .append(".** ")
                    .append(String.join(" ", sentences))
                    .append("\n\n");
        }
    }
}
