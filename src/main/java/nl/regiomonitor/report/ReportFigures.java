package nl.regiomonitor.report;

import static nl.regiomonitor.report.RegionalReport.DATES;
import static nl.regiomonitor.report.RegionalReport.DISTRIBUTION_YEARS;
import static nl.regiomonitor.report.RegionalReport.DUTCH;
import static nl.regiomonitor.report.RegionalReport.LONG;
import static nl.regiomonitor.report.RegionalReport.SERIES;
import static nl.regiomonitor.report.RegionalReport.SHORT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Category;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.DeliveryFormFigures;
import nl.regiomonitor.indicator.FigureTable;
import nl.regiomonitor.indicator.RegionTables;
import nl.regiomonitor.indicator.StockFigures;
import nl.regiomonitor.region.Area;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.report.RegionalReport.Figure;
import nl.regiomonitor.signal.RegisterEntry;
import nl.regiomonitor.signal.RegisterKind;
import nl.regiomonitor.signal.RegisterSummary;

/**
 * The report's own figures, each a table with its chart, worked out from published cells only: stock over
 * time, the spread over the profiles, prevalence, delivery forms, signals and visits. Apart from
 * {@link RegionalReport}, which puts chapters together from them and from the region's tables.
 */
final class ReportFigures {

    private final StockFigures stock;
    private final DeliveryFormFigures deliveryForms;

    ReportFigures(StockFigures stock, DeliveryFormFigures deliveryForms) {
        this.stock = stock;
        this.deliveryForms = deliveryForms;
    }

    /** Shares of a series' clients per part (profile or form), from shown cells only; null when any needed cell is hidden. */
    record Shares(List<String> parts, List<Double> shares) {}

    /**
     * How a series' clients spread over its profiles in the region and in NL over the last years, as 100% bars. A share is
     * shown only where every count of its bar is, since it would give them back.
     */
    Figure distribution(Region region, String series, int year, Sources sources) {
        List<String> rows = new ArrayList<>();
        List<List<Double>> bars = new ArrayList<>();
        List<String> profiles = null;
        List<String> columns = new ArrayList<>();
        List<List<Cell>> byProfile = new ArrayList<>();
        for (String[] scope : List.of(
                new String[] {region.code(), region.name()},
                new String[] {Area.NATIONAL.code(), Area.NATIONAL.name()})) {
            for (int y = year - DISTRIBUTION_YEARS + 1; y <= year; y++) {
                StockFigures.StockTable table = stock.stock(scope[0], RegionTables.referenceDate(y), Breakdown.PROFILE);
                List<StockFigures.StockRow> parts = profilesOf(table, series);
                if (profiles == null) {
                    profiles = parts.stream().map(r -> r.category().code()).toList();
                    profiles.forEach(p -> byProfile.add(new ArrayList<>()));
                }
                long total =
                        parts.stream().mapToLong(StockFigures.StockRow::clients).sum();
                boolean shown =
                        total > 0 && parts.stream().noneMatch(r -> r.cell().suppressed());
                List<Double> shares = parts.stream()
                        .map(r -> shown ? 100.0 * r.clients() / total : null)
                        .toList();
                rows.add(scope[1] + " " + y);
                columns.add(scope[1] + " " + y);
                bars.add(shares);
                for (int p = 0; p < shares.size(); p++) {
                    byProfile
                            .get(p)
                            .add(Cell.ofText(
                                    shares.get(p) == null ? "–" : String.format(DUTCH, "%.1f%%", shares.get(p))));
                }
            }
        }
        List<FigureTable.Row> tableRows = new ArrayList<>();
        for (int p = 0; p < profiles.size(); p++) {
            tableRows.add(new FigureTable.Row(profiles.get(p), byProfile.get(p)));
        }
        String caption =
                "Verdeling over de zorgprofielen " + series + ": " + region.name() + " tegen Nederland, op 1 oktober";
        String id = "verdeling-" + series.toLowerCase(Locale.ROOT);
        String chart = BarChart.stacked(
                "grafiek-" + id,
                caption,
                "Zorgprofiel",
                rows,
                profiles.stream().map(ReportFigures::profileNumber).toList(),
                bars);
        return new Figure(
                new FigureTable(id, caption, "Profiel", columns, tableRows),
                chart,
                sources.of(
                        "indicaties",
                        "peildatum 1 oktober " + (year - DISTRIBUTION_YEARS + 1) + " tot en met " + year));
    }

    /** "1" for GGZ01W: the number seed 004's charts write on a profile. */
    static String profileNumber(String code) {
        String digits = code.replaceAll("\\D", "");
        return digits.isEmpty() ? code : String.valueOf(Integer.parseInt(digits));
    }

    /** Prevalence per profile and per series, region against NL, per 10,000 inhabitants of 18 and over. */
    Figure prevalence(Region region, LocalDate day, Sources sources) {
        StockFigures.StockTable profiles = stock.stock(Area.NATIONAL_CODE, day, Breakdown.PROFILE);
        List<String> codes = new ArrayList<>();
        for (String series : SERIES) {
            profilesOf(profiles, series).forEach(r -> codes.add(r.category().code()));
            codes.add(series);
        }
        List<FigureTable.Row> rows = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<BarChart.Bar> here = new ArrayList<>();
        List<BarChart.Bar> nl = new ArrayList<>();
        int populationYear = 0;
        for (String code : codes) {
            StockFigures.PrevalenceTable table = stock.prevalence(day, code);
            populationYear = table.populationYear();
            StockFigures.PrevalenceRow own = table.rows().stream()
                    .filter(r -> r.region().equals(region.code()))
                    .findFirst()
                    .orElseThrow();
            StockFigures.PrevalenceRow national = table.rows().get(0);
            rows.add(new FigureTable.Row(
                    code, List.of(Cell.ofText(perTenThousand(own)), Cell.ofText(perTenThousand(national)))));
            if (code.endsWith("W") && !code.equals("GGZ-W")) {
                groups.add(code);
                here.add(new BarChart.Bar(own.shown() ? own.perTenThousand() : null, perTenThousand(own)));
                nl.add(new BarChart.Bar(national.shown() ? national.perTenThousand() : null, perTenThousand(national)));
            }
        }
        String caption = "Indicatieprevalentie per zorgprofiel op " + LONG.format(day) + ": " + region.name()
                + " tegen Nederland";
        String chart = BarChart.groupedBars(
                "grafiek-prevalentie",
                caption + " (GGZ-W)",
                "Zorgprofiel GGZ-W",
                "Per 10.000 inwoners van 18+",
                groups,
                List.of(region.name(), "Nederland"),
                List.of(here, nl));
        return new Figure(
                new FigureTable(
                        "prevalentie-profiel",
                        caption,
                        "Profiel of reeks",
                        List.of(
                                region.name() + " (per 10.000 inwoners van 18+)",
                                "Nederland (per 10.000 inwoners van 18+)"),
                        rows),
                chart,
                sources.of("indicaties en bevolking (CBS, " + populationYear + ")", null));
    }

    static String perTenThousand(StockFigures.PrevalenceRow row) {
        return row.shown() && row.adults() > 0 ? String.format(DUTCH, "%.1f", row.perTenThousand()) : "–";
    }

    /** The share of each delivery form among a series' clients in care, or null when a cell it needs is hidden. */
    Shares formShares(String region, LocalDate day, String series) {
        DeliveryFormFigures.FormTable table = deliveryForms.deliveryForms(region, day);
        List<String> codes = profilesOf(stock.stock(Area.NATIONAL_CODE, day, Breakdown.PROFILE), series).stream()
                .map(r -> r.category().code())
                .toList();
        List<DeliveryFormFigures.FormRow> rows = table.rows().stream()
                .filter(r -> codes.contains(r.profile().code()))
                .toList();
        long total = 0;
        List<Long> perForm = new ArrayList<>();
        for (Category form : table.forms()) {
            long sum = 0;
            for (DeliveryFormFigures.FormRow row : rows) {
                if (row.cell(form.code()).suppressed()) {
                    return null;
                }
                sum += row.clients().get(form.code());
            }
            perForm.add(sum);
            total += sum;
        }
        if (total == 0) {
            return null;
        }
        long all = total;
        return new Shares(
                table.forms().stream().map(DeliveryFormFigures::shortName).toList(),
                perForm.stream().map(n -> 100.0 * n / all).toList());
    }

    /** Seed 004's "Ontwikkeling aantal cliënten per leveringsvorm": the GGZ-W shares per form, last year and this. */
    Figure deliveryShares(Region region, int year, Sources sources) {
        List<String> rows = new ArrayList<>();
        List<List<Double>> bars = new ArrayList<>();
        List<String> forms = null;
        List<List<Cell>> columns = new ArrayList<>();
        for (int y = year - 1; y <= year; y++) {
            LocalDate day = RegionTables.referenceDate(y);
            Shares shares = formShares(region.code(), day, "GGZ-W");
            DeliveryFormFigures.FormTable table = deliveryForms.deliveryForms(region.code(), day);
            if (forms == null) {
                forms = table.forms().stream()
                        .map(DeliveryFormFigures::shortName)
                        .toList();
            }
            int n = forms.size();
            List<Double> values = shares == null ? Collections.nCopies(n, null) : shares.shares();
            rows.add(region.name() + " " + y);
            bars.add(values);
            columns.add(values.stream()
                    .map(v -> Cell.ofText(v == null ? "–" : String.format(DUTCH, "%.1f%%", v)))
                    .toList());
        }
        List<FigureTable.Row> tableRows = new ArrayList<>();
        for (int f = 0; f < forms.size(); f++) {
            int form = f;
            tableRows.add(new FigureTable.Row(
                    forms.get(f), columns.stream().map(c -> c.get(form)).toList()));
        }
        String caption = "Cliënten met een GGZ-W-indicatie in zorg per leveringsvorm (aandeel), " + region.name();
        String chart = BarChart.stacked("grafiek-leveringsvorm", caption, "Leveringsvorm", rows, forms, bars);
        return new Figure(
                new FigureTable("leveringsvorm", caption, "Leveringsvorm", rows, tableRows),
                chart,
                sources.of("zorgtoewijzingen en indicaties", "peildatum 1 oktober " + (year - 1) + " en " + year));
    }

    /** Client and OCO signals per category in the year. */
    static Figure signals(RegisterSummary summary, int year, Sources sources) {
        List<FigureTable.Row> rows = summary.signals().stream()
                .map(c -> new FigureTable.Row(
                        c.category().name(), List.of(Cell.ofCount(c.clientSignals()), Cell.ofCount(c.ocoSignals()))))
                .toList();
        return Figure.withoutChart(
                new FigureTable(
                        "signalen",
                        "Signalen per categorie in " + year,
                        "Categorie",
                        List.of(RegisterKind.CLIENT_SIGNAL.plural(), RegisterKind.OCO_SIGNAL.plural()),
                        rows),
                sources.of("register van het zorgkantoor", "kalenderjaar " + year));
    }

    /** The location visits of the year: when, which provider, what kind of location. */
    static Figure visits(List<RegisterEntry> entries, int year, Sources sources) {
        List<FigureTable.Row> rows = entries.stream()
                .filter(e -> e.kind() == RegisterKind.LOCATION_VISIT)
                .map(e -> new FigureTable.Row(
                        SHORT.format(e.date()),
                        List.of(
                                Cell.ofText(e.name()),
                                Cell.ofText(
                                        e.locationKind() == null
                                                ? "–"
                                                : e.locationKind().dutch()))))
                .toList();
        return Figure.withoutChart(
                new FigureTable(
                        "bezoeken",
                        "Locatiebezoeken in " + year,
                        "Datum",
                        List.of("Zorgaanbieder", "Soort locatie"),
                        rows),
                sources.of("register van het zorgkantoor", "kalenderjaar " + year));
    }

    /**
     * One series' stock per profile on five reference dates with the change in the last year as a table, and the last
     * two dates as a chart (two colours can be told apart; the table holds the rest).
     */
    Figure stockOverTime(String id, String scope, String scopeName, String series, int year, Sources sources) {
        List<LocalDate> days = new ArrayList<>();
        for (int y = year - DATES + 1; y <= year; y++) {
            days.add(RegionTables.referenceDate(y));
        }
        List<StockFigures.StockTable> tables =
                days.stream().map(d -> stock.stock(scope, d, Breakdown.PROFILE)).toList();
        List<StockFigures.StockRow> profiles = profilesOf(tables.get(0), series);
        List<String> columns = new ArrayList<>(days.stream().map(SHORT::format).toList());
        columns.add("Verandering laatste jaar");
        List<FigureTable.Row> rows = new ArrayList<>();
        List<List<Cell>> chartValues = List.of(new ArrayList<>(), new ArrayList<>());
        for (StockFigures.StockRow profile : profiles) {
            List<Cell> cells = new ArrayList<>();
            for (int d = 0; d < days.size(); d++) {
                StockFigures.StockRow row =
                        rowOf(tables.get(d), profile.category().code());
                cells.add(row.cell());
                if (d >= days.size() - 2) {
                    chartValues.get(d - days.size() + 2).add(row.cell());
                }
            }
            StockFigures.StockRow last =
                    rowOf(tables.get(days.size() - 1), profile.category().code());
            cells.add(Cell.ofText(last.changeShown() ? last.changeDisplay() : "–"));
            rows.add(new FigureTable.Row(profile.category().code(), cells));
        }
        String caption = "Aantal indicaties " + series + " per zorgprofiel, " + scopeName;
        FigureTable table = new FigureTable("stand-" + id, caption, "Profiel", columns, rows);
        String chart = BarChart.grouped(
                "grafiek-" + id,
                caption + ", 1 oktober " + (year - 1) + " en " + year,
                "Zorgprofiel",
                "Cliënten met een indicatie",
                profiles.stream().map(r -> r.category().code()).toList(),
                days.subList(days.size() - 2, days.size()).stream()
                        .map(d -> "1 oktober " + d.getYear())
                        .toList(),
                chartValues);
        return new Figure(
                table,
                chart,
                sources.of("indicaties", "peildatum 1 oktober " + (year - DATES + 1) + " tot en met " + year));
    }

    /** The profiles of {@code series} in a stock table, whose rows are each series' total followed by its profiles. */
    static List<StockFigures.StockRow> profilesOf(StockFigures.StockTable table, String series) {
        List<StockFigures.StockRow> profiles = new ArrayList<>();
        String current = null;
        for (StockFigures.StockRow row : table.rows()) {
            if (row.seriesTotal()) {
                current = row.category().code();
            } else if (series.equals(current)) {
                profiles.add(row);
            }
        }
        return profiles;
    }

    static StockFigures.StockRow rowOf(StockFigures.StockTable table, String code) {
        return table.rows().stream()
                .filter(r -> r.category().code().equals(code))
                .findFirst()
                .orElseThrow();
    }
}
