package nl.regiomonitor.indicator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.publication.DataThrough;
import nl.regiomonitor.ingest.FieldKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Influx into the GGZ-W profiles: a client counts once, in the month in which the first GGZ-W
 * indication they ever had starts ({@code valid_from}), for the region, profile and origin of
 * that indication and the age band of their age in that year. A change of profile is not influx.
 */
@Service
public class InfluxFigures implements DataThrough {

    /** The series whose influx the regions must bring down (SPEC.md §1). */
    public static final String SERIES = "GGZ-W";
    static final String UNKNOWN = "ONBEKEND";
    /** The age band of young adults, a focus of the national template. */
    public static final String YOUNG_ADULTS = "18-26";

    private final JdbcTemplate jdbc;
    private final FigureScope scope;
    private final IndicationSnapshot snapshot;
    private final InfluxProtection protection;

    InfluxFigures(JdbcTemplate jdbc, FigureScope scope, IndicationSnapshot snapshot, InfluxProtection protection) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.snapshot = snapshot;
        this.protection = protection;
    }

    /** One month of the table: the count per category and in total, and how each is published. */
    public record MonthRow(YearMonth month, Map<String, Long> counts, long total,
                           Map<String, ProtectionPattern.Mark> marks, ProtectionPattern.Mark totalMark, int threshold) {

        /** The published cell of one category. */
        public Cell cell(String category) {
            return Cell.ofClients(counts.get(category), marks.get(category), threshold);
        }

        /** The published cell of the month's total. */
        public Cell totalCell() {
            return Cell.ofClients(total, totalMark, threshold);
        }
    }

    /** Influx per month, every month of the period present (also months without influx). */
    public record InfluxTable(String region, YearMonth from, YearMonth to, Breakdown by, List<Category> categories,
                              List<MonthRow> rows) {
    }

    public InfluxTable influx(String region, YearMonth from, YearMonth to, Breakdown by) {
        scope.check(region, from, to);
        List<Category> categories = new ArrayList<>(categories(by));
        Map<YearMonth, Map<String, Long>> counts = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Map<String, Long> zero = new LinkedHashMap<>();
            categories.forEach(c -> zero.put(c.code(), 0L));
            counts.put(m, zero);
        }
        for (IndicationSnapshot.InfluxLine line : scope.national(region) ? snapshot.influx() : snapshot.influx(region)) {
            Map<String, Long> row = counts.get(line.month());
            if (row != null) {
                String category = categoryOf(line, by);
                if (!row.containsKey(category)) {
                    // a code outside the reference list, such as an age under 18: shown, not lost
                    categories.add(new Category(category, "Onbekend"));
                    counts.values().forEach(r -> r.putIfAbsent(category, 0L));
                }
                row.merge(category, line.clients(), Long::sum);
            }
        }
        List<MonthRow> rows = counts.entrySet().stream().map(e -> {
            ProtectionPattern.Mark totalMark = protection.mark(e.getKey(), region, Breakdown.NONE, null);
            Map<String, ProtectionPattern.Mark> marks = new LinkedHashMap<>();
            e.getValue().keySet().forEach(c -> marks.put(c, by == Breakdown.NONE ? totalMark : protection.mark(e.getKey(), region, by, c)));
            return new MonthRow(e.getKey(), e.getValue(), e.getValue().values().stream().mapToLong(Long::longValue).sum(),
                    marks, totalMark, protection.threshold());
        }).toList();
        return new InfluxTable(region, from, to, by, categories, rows);
    }

    /** The smallest count of clients published; fewer are hidden. */
    public int threshold() {
        return protection.threshold();
    }

    /** The last month with any influx in the data, or null when there are no data. */
    @Override
    public YearMonth lastMonth() {
        YearMonth latest = YearMonth.from(FieldKind.lastDate()); // older data may hold a mistyped year such as 9999
        return snapshot.influx().stream().map(IndicationSnapshot.InfluxLine::month).filter(m -> !m.isAfter(latest))
                .max(YearMonth::compareTo).orElse(null);
    }

    /** The first month with any influx in the data, or null when there are no data: where a series starts. */
    public YearMonth firstMonth() {
        return snapshot.influx().stream().map(IndicationSnapshot.InfluxLine::month).min(YearMonth::compareTo).orElse(null);
    }

    /** The last year whose reference date (1 October) lies within the data: the year pages and reports show first. */
    public int latestReferenceYear() {
        YearMonth last = lastMonth();
        if (last == null) {
            return java.time.LocalDate.now().getYear();
        }
        return last.getMonthValue() >= 10 ? last.getYear() : last.getYear() - 1;
    }

    /** The monthly influx of one region or NL, optionally of one profile only: the series the trend judges. */
    public Map<YearMonth, Long> monthly(String region, YearMonth from, YearMonth to, String profile) {
        Map<YearMonth, Long> series = new LinkedHashMap<>();
        series(region, from, to, profile).forEach(r -> series.put(r.month(), profile == null ? r.total() : r.counts().get(profile)));
        return series;
    }

    /** The same series as published: the cells of the influx table, protected as there. */
    public Map<YearMonth, Cell> monthlyCells(String region, YearMonth from, YearMonth to, String profile) {
        Map<YearMonth, Cell> series = new LinkedHashMap<>();
        series(region, from, to, profile).forEach(r -> series.put(r.month(), profile == null ? r.totalCell() : r.cell(profile)));
        return series;
    }

    private List<MonthRow> series(String region, YearMonth from, YearMonth to, String profile) {
        if (profile != null && !scope.profiles(SERIES).contains(profile)) {
            throw new InvalidFigureRequest("Onbekend GGZ-W-profiel '" + profile + "'.");
        }
        return influx(region, from, to, profile == null ? Breakdown.NONE : Breakdown.PROFILE).rows();
    }

    static String categoryOf(IndicationSnapshot.InfluxLine line, Breakdown by) {
        return switch (by) {
            case NONE -> Category.TOTAL.code();
            case PROFILE -> line.profile();
            case ORIGIN -> line.origin();
            case AGEBAND -> line.ageBand();
        };
    }

    private List<Category> categories(Breakdown by) {
        return switch (by) {
            case NONE -> List.of(Category.TOTAL);
            case PROFILE -> jdbc.query("select code, name from care_profile where series = ? order by sort_order",
                    (rs, n) -> new Category(rs.getString(1), rs.getString(2)), SERIES);
            case ORIGIN -> jdbc.query("select code, name from origin order by sort_order",
                    (rs, n) -> new Category(rs.getString(1), rs.getString(2)));
            case AGEBAND -> jdbc.query("select code, name from age_band order by sort_order",
                    (rs, n) -> new Category(rs.getString(1), rs.getString(2)));
        };
    }
}
