package nl.regiomonitor.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.region.Area;
import nl.regiomonitor.region.ReferenceData;

/**
 * Stock on a reference date: the clients with an indication valid on that day ({@code valid_from}
 * on or before it, {@code valid_to} empty or on or after it), each counted once per series
 * (GGZ-W, GGZ-B) and profile, with the change against the same day a year before.
 */
@Service
public class StockFigures {

    private final JdbcTemplate jdbc;
    private final FigureScope scope;
    private final IndicationSnapshot snapshot;
    private final StockProtection protection;
    private final ReferenceData reference;

    StockFigures(
            JdbcTemplate jdbc,
            FigureScope scope,
            IndicationSnapshot snapshot,
            StockProtection protection,
            ReferenceData reference) {
        this.reference = reference;
        this.jdbc = jdbc;
        this.scope = scope;
        this.snapshot = snapshot;
        this.protection = protection;
    }

    /** A line of the table: a series total or a profile, now and a year before. */
    public record StockRow(
            Category category,
            boolean seriesTotal,
            long clients,
            long clientsYearBefore,
            ProtectionPattern.Mark mark,
            ProtectionPattern.Mark markYearBefore,
            int threshold) {

        /** The published cell of the count on the date. */
        public Cell cell() {
            return Cell.ofClients(clients, mark, threshold);
        }

        /** The published cell of the count a year before. */
        public Cell cellYearBefore() {
            return Cell.ofClients(clientsYearBefore, markYearBefore, threshold);
        }

        /** Whether the change may be published: only when both counts are shown, or it gives them away. */
        public boolean changeShown() {
            return mark == ProtectionPattern.Mark.SHOWN
                    && markYearBefore == ProtectionPattern.Mark.SHOWN
                    && change() != null;
        }

        /** Change in percent against a year before, or null when there was nobody a year before. */
        public Double change() {
            return clientsYearBefore == 0 ? null : 100.0 * (clients - clientsYearBefore) / clientsYearBefore;
        }

        /** The change as the report writes it: "+29,7%", "−12,0%" (a real minus sign), "0,0%". */
        public String changeDisplay() {
            Double change = change();
            if (change == null) {
                return "–";
            }
            String number = String.format(Dutch.LOCALE, "%.1f", Math.abs(change));
            return (number.equals("0,0") ? "" : change > 0 ? "+" : "\u2212") + number + "%";
        }
    }

    public record StockTable(String region, LocalDate date, LocalDate yearBefore, Breakdown by, List<StockRow> rows) {}

    /** Stock per series, and with {@code by = PROFILE} also per profile under each series. */
    public StockTable stock(String region, LocalDate date, Breakdown by) {
        scope.checkRegion(region);
        scope.checkDate(date);
        if (by != Breakdown.NONE && by != Breakdown.PROFILE) {
            throw new InvalidFigureRequest("De stand is in te delen naar profiel (by=profile) of niet (by=none).");
        }
        LocalDate before = date.minusYears(1);
        Map<String, Long> now = snapshot.stockOn(date).getOrDefault(region, Map.of());
        Map<String, Long> then = snapshot.stockOn(before).getOrDefault(region, Map.of());
        List<StockRow> rows = new ArrayList<>();
        for (String series : scope.series()) {
            rows.add(new StockRow(
                    new Category(series, series),
                    true,
                    now.getOrDefault(series, 0L),
                    then.getOrDefault(series, 0L),
                    protection.mark(date, region, series),
                    protection.mark(before, region, series),
                    protection.threshold()));
            if (by == Breakdown.PROFILE) {
                for (ReferenceData.CareProfile profile : reference.profiles(series)) {
                    String code = profile.code();
                    rows.add(new StockRow(
                            new Category(code, profile.name()),
                            false,
                            now.getOrDefault(code, 0L),
                            then.getOrDefault(code, 0L),
                            protection.mark(date, region, code),
                            protection.mark(before, region, code),
                            protection.threshold()));
                }
            }
        }
        return new StockTable(region, date, before, by, rows);
    }

    /** A region's (or NL's) stock of one series against its adult population. */
    public record PrevalenceRow(
            String region, String name, long clients, long adults, ProtectionPattern.Mark mark, int threshold) {

        /** The published cell of the count the rate is of. */
        public Cell cell() {
            return Cell.ofClients(clients, mark, threshold);
        }

        /** Clients per 10,000 inhabitants aged 18+, or null without population. */
        public Double perTenThousand() {
            return adults == 0 ? null : 10_000.0 * clients / adults;
        }

        /** Whether the rate may be published: the rate and the population give the count back. */
        public boolean shown() {
            return mark == ProtectionPattern.Mark.SHOWN && perTenThousand() != null;
        }
    }

    public record PrevalenceTable(LocalDate date, int populationYear, String series, List<PrevalenceRow> rows) {}

    /**
     * Prevalence on a reference date: stock of {@code series} (or of one profile) per 10,000 inhabitants aged 18+, for
     * NL (first) and every region, with the population of the latest year on or before the date
     * (the earliest year known when the date lies before all of them).
     */
    public PrevalenceTable prevalence(LocalDate date, String series) {
        scope.checkDate(date);
        if (!reference.isSeriesOrProfile(series)) {
            throw new InvalidFigureRequest(
                    "Onbekende reeks of onbekend profiel '" + series + "'. Kies GGZ-W, GGZ-B of een profiel.");
        }
        Integer year = jdbc.queryForObject(
                "select coalesce(max(year) filter (where year <= ?), min(year)) from population",
                Integer.class,
                date.getYear());
        if (year == null) {
            throw new InvalidFigureRequest("Er zijn nog geen bevolkingscijfers geïmporteerd.");
        }
        Map<String, Map<String, Long>> stock = snapshot.stockOn(date);
        List<PrevalenceRow> rows = new ArrayList<>();
        long nationalAdults = 0;
        List<PrevalenceRow> regions = jdbc.query(
                """
                select r.code, r.name, coalesce(sum(p.inhabitants_18plus), 0) as adults
                from region r left join population p on p.region_code = r.code and p.year = ?
                group by r.code, r.name order by r.code""",
                (rs, n) -> new PrevalenceRow(
                        rs.getString(1),
                        rs.getString(2),
                        stock.getOrDefault(rs.getString(1), Map.of()).getOrDefault(series, 0L),
                        rs.getLong(3),
                        protection.mark(date, rs.getString(1), series),
                        protection.threshold()),
                year);
        for (PrevalenceRow r : regions) {
            nationalAdults += r.adults();
        }
        long nationalStock = stock.getOrDefault(Area.NATIONAL_CODE, Map.of()).getOrDefault(series, 0L);
        rows.add(new PrevalenceRow(
                Area.NATIONAL.code(),
                Area.NATIONAL.name(),
                nationalStock,
                nationalAdults,
                protection.mark(date, Area.NATIONAL_CODE, series),
                protection.threshold()));
        rows.addAll(regions);
        return new PrevalenceTable(date, year, series, rows);
    }
}
