package nl.regiomonitor.indicator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.CountTable;
import nl.regiomonitor.disclosure.LinkedCube;
import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.disclosure.PublishedTables;
import nl.regiomonitor.ingest.FieldKind;
import nl.regiomonitor.region.Area;
import nl.regiomonitor.region.ReferenceData;

/**
 * The protection of the influx of one calendar year, as one table for every region and NL and every
 * period of the year: each month, each complete quarter and the year when complete. Per period and
 * scope the total and its three breakdowns (profile, origin, age band), each of which adds up to that
 * same total; NL the sum of the 31 regions for the total and every category; a quarter the sum of its
 * months and the year the sum of its quarters, for every cell. An outsider combines all of these, so
 * they are protected together, as a {@link LinkedCube} (regions, categories, periods): a quarter
 * shown beside two hidden months tells their sum, and protection and audit see that. The trend
 * publishes the same totals, so it follows the same pattern. One pattern per year and state of the
 * data, whatever output asks.
 * <p>
 * A rolling year spans two calendar years; it is published only as a sum of cells shown here
 * ({@link InfluxFigures}), so it tells nothing these do not.
 */
@Component
class InfluxProtection implements PublishedTables {

    private static final List<Breakdown> BREAKDOWNS = List.of(Breakdown.PROFILE, Breakdown.ORIGIN, Breakdown.AGEBAND);

    private final JdbcTemplate jdbc;
    private final FigureScope figureScope;
    private final IndicationSnapshot snapshot;
    private final DataCache<Integer, ProtectionPattern> patterns;
    private final DataCache<Boolean, Optional<YearMonth>> lastMonth;
    private final int threshold;
    private final ReferenceData reference;

    InfluxProtection(
            JdbcTemplate jdbc,
            FigureScope figureScope,
            DataVersion data,
            IndicationSnapshot snapshot,
            CellSuppression suppression,
            ReferenceData reference) {
        this.reference = reference;
        this.jdbc = jdbc;
        this.figureScope = figureScope;
        this.snapshot = snapshot;
        this.patterns = new DataCache<>(data, year -> suppression.protect(cube(year)));
        this.lastMonth = new DataCache<>(data, any -> scanLastMonth());
        this.threshold = suppression.threshold();
    }

    /** How the influx of {@code month} in {@code scope} (a region or NL) is published: the total, or one category of a breakdown. */
    ProtectionPattern.Mark mark(YearMonth month, String scope, Breakdown by, String category) {
        return mark(InfluxPeriod.month(month), scope, by, category);
    }

    /** The same for a month, a quarter or a year; a quarter or year that is not yet complete is not published. */
    ProtectionPattern.Mark mark(InfluxPeriod period, String scope, Breakdown by, String category) {
        if (period.kind() == Period.ROLLING12) {
            throw new IllegalArgumentException("A rolling year is a sum of published cells, without a mark of its own");
        }
        ProtectionPattern pattern = pattern(period.first().getYear());
        String key = by == Breakdown.NONE ? totalKey(period, scope) : key(period, scope, by, category);
        // a month after the last with data: no influx yet, nothing to protect
        return pattern.table().contains(key) || period.kind() != Period.MONTH
                ? pattern.mark(key)
                : ProtectionPattern.Mark.SHOWN;
    }

    /** Whether {@code period} is in the published table: a month always, a quarter or year once its last month has data. */
    boolean published(InfluxPeriod period) {
        YearMonth last = lastMonth();
        return period.kind() == Period.MONTH || last != null && !period.last().isAfter(last);
    }

    int threshold() {
        return threshold;
    }

    ProtectionPattern pattern(int year) {
        return patterns.get(year);
    }

    /** The last month with any influx in the data, or null when there are no data; looked up once per state of the data. */
    YearMonth lastMonth() {
        return lastMonth.get(Boolean.TRUE).orElse(null);
    }

    private Optional<YearMonth> scanLastMonth() {
        YearMonth latest = YearMonth.from(FieldKind.lastDate()); // older data may hold a mistyped year such as 9999
        return snapshot.influx().stream()
                .map(IndicationSnapshot.InfluxLine::month)
                .filter(m -> !m.isAfter(latest))
                .max(YearMonth::compareTo);
    }

    /** Every year from the first to the last month with influx. */
    @Override
    public Map<String, Supplier<ProtectionPattern>> tables() {
        Map<String, Supplier<ProtectionPattern>> published = new LinkedHashMap<>();
        List<YearMonth> months = snapshot.influx().stream()
                .map(IndicationSnapshot.InfluxLine::month)
                .distinct()
                .sorted()
                .toList();
        if (!months.isEmpty()) {
            // within the dates an import accepts, whatever older data hold: a month per year 9999 would never end
            int first = Collections.max(List.of(months.get(0), YearMonth.from(FieldKind.FIRST_DATE)))
                    .getYear();
            int last = Collections.min(List.of(months.get(months.size() - 1), YearMonth.from(FieldKind.lastDate())))
                    .getYear();
            for (int y = first; y <= last; y++) {
                int year = y;
                published.put("instroom " + year, () -> pattern(year));
            }
        }
        return published;
    }

    /**
     * The influx of {@code year} as the table that is published: every month up to the last with
     * data, and the quarters and year that are complete; on three axes (scopes, categories, periods).
     */
    LinkedCube cube(int year) {
        List<String> regions = figureScope.regions();
        List<String> scopes = figureScope.scopes();
        Map<Breakdown, Set<String>> categories = new LinkedHashMap<>();
        categories.put(Breakdown.PROFILE, new LinkedHashSet<>(reference.profileCodes(InfluxFigures.SERIES)));
        categories.put(Breakdown.ORIGIN, codes(reference.origins()));
        categories.put(Breakdown.AGEBAND, codes(reference.ageBands()));
        // counts[month - 1][scope][breakdown][category]; NL is the sum of the regions. By month number, not in a map
        // keyed by YearMonth: the hashes of one year's months differ only in bits a small table does not use
        List<Map<String, Map<Breakdown, Map<String, Long>>>> counts = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            counts.add(new LinkedHashMap<>());
        }
        for (IndicationSnapshot.InfluxLine line : snapshot.influx()) {
            if (line.month().getYear() == year) {
                for (Breakdown by : BREAKDOWNS) {
                    String category = InfluxFigures.categoryOf(line, by);
                    categories.get(by).add(category);
                    for (String scope : List.of(line.region(), Area.NATIONAL_CODE)) {
                        counts.get(line.month().getMonthValue() - 1)
                                .computeIfAbsent(scope, s -> new LinkedHashMap<>())
                                .computeIfAbsent(by, b -> new LinkedHashMap<>())
                                .merge(category, line.clients(), Long::sum);
                    }
                }
            }
        }
        YearMonth last = lastMonth();
        CountTable table = new CountTable();
        List<InfluxPeriod> quarters = new ArrayList<>();
        List<InfluxPeriod> months = new ArrayList<>();
        for (int month = 1;
                month <= 12 && last != null && !YearMonth.of(year, month).isAfter(last);
                month++) {
            YearMonth m = YearMonth.of(year, month);
            InfluxPeriod period = InfluxPeriod.month(m);
            months.add(period);
            Map<String, Map<Breakdown, Map<String, Long>>> ofMonth = counts.get(month - 1);
            addPeriod(
                    table,
                    period,
                    scopes,
                    regions,
                    categories,
                    (scope, by, code) -> ofMonth.getOrDefault(scope, Map.of())
                            .getOrDefault(by, Map.of())
                            .getOrDefault(code, 0L));
            InfluxPeriod quarter = InfluxPeriod.quarter(m);
            if (quarter.last().equals(m)) {
                addSum(
                        table,
                        quarter,
                        quarter.months().stream().map(InfluxPeriod::month).toList(),
                        scopes,
                        regions,
                        categories);
                quarters.add(quarter);
            }
        }
        if (quarters.size() == 4) {
            addSum(table, InfluxPeriod.year(year), quarters, scopes, regions, categories);
        }
        rank(table, year, months, quarters, scopes, categories);
        List<InfluxPeriod> periods = new ArrayList<>(months);
        List<int[]> sums = new ArrayList<>();
        for (InfluxPeriod quarter : quarters) {
            periods.add(quarter);
            int first = quarter.first().getMonthValue() - 1;
            sums.add(new int[] {first, first + 1, first + 2});
        }
        if (quarters.size() == 4) {
            periods.add(InfluxPeriod.year(year));
            sums.add(IntStream.range(0, 12).toArray());
        }
        // the total (null), then every category of each breakdown, as LinkedCube.Axis.breakdowns numbers them
        List<String> categoryAxis = new ArrayList<>();
        categoryAxis.add(null);
        categories.forEach((by, codes) -> codes.forEach(code -> categoryAxis.add(by + "|" + code)));
        List<String> scopeAxis = new ArrayList<>(regions);
        scopeAxis.add(Area.NATIONAL_CODE);
        return new LinkedCube(
                table,
                LinkedCube.Axis.hierarchy(
                        regions.size(),
                        List.of(IntStream.range(0, regions.size()).toArray())),
                LinkedCube.Axis.breakdowns(
                        categories.values().stream().mapToInt(Set::size).toArray()),
                LinkedCube.Axis.hierarchy(months.size(), sums),
                (s, c, p) -> {
                    InfluxPeriod period = periods.get(p);
                    String scope = scopeAxis.get(s);
                    String key = categoryAxis.get(c) == null
                            ? totalKey(period, scope)
                            : period.key() + "|" + scope + "|" + categoryAxis.get(c);
                    return table.contains(key) ? table.indexOf(key) : -1;
                });
    }

    /**
     * What to hide first when a small count needs company: a category of a month, then the total of a
     * month (the trend's point), a year's category, a quarter's category, then the totals of a quarter
     * (the quarterly trend's point) and of a year: where months are small, the quarters are what a small
     * region reads. NL's year per profile only when nothing cheaper helps, and a region's year per
     * profile, the figure a small region reads most, never (unless a small count could not be protected
     * otherwise).
     */
    private static void rank(
            CountTable table,
            int year,
            List<InfluxPeriod> months,
            List<InfluxPeriod> quarters,
            List<String> scopes,
            Map<Breakdown, Set<String>> categories) {
        List<InfluxPeriod> ranked = new ArrayList<>(months);
        ranked.addAll(quarters);
        if (quarters.size() == 4) {
            ranked.add(InfluxPeriod.year(year));
        }
        for (InfluxPeriod period : ranked) {
            // a month's category 0, its total (the monthly trend's point) 2; a year's category 3; a quarter's
            // category 4 and its total 5 (what a small region is judged on), a year's total 5
            int category = switch (period.kind()) {
                case MONTH -> 0;
                case QUARTER -> 4;
                default -> 3;
            };
            for (String scope : scopes) {
                table.rank(totalKey(period, scope), period.kind() == Period.MONTH ? 2 : 5);
                categories.forEach((by, codes) -> codes.forEach(code -> table.rank(
                        key(period, scope, by, code),
                        period.kind() == Period.YEAR && by == Breakdown.PROFILE
                                ? (Area.NATIONAL_CODE.equals(scope) ? 6 : CountTable.KEEP)
                                : category)));
            }
        }
    }

    private interface Count {
        long of(String scope, Breakdown by, String category);
    }

    /** The cells of one period, with its sums: per scope the total over each breakdown, and NL over the regions. */
    private static void addPeriod(
            CountTable table,
            InfluxPeriod period,
            List<String> scopes,
            List<String> regions,
            Map<Breakdown, Set<String>> categories,
            Count count) {
        for (String scope : scopes) {
            long total = categories.get(Breakdown.PROFILE).stream()
                    .mapToLong(code -> count.of(scope, Breakdown.PROFILE, code))
                    .sum();
            table.cell(totalKey(period, scope), total);
            categories.forEach((by, codes) -> {
                List<String> parts = new ArrayList<>();
                for (String code : codes) {
                    parts.add(key(period, scope, by, code));
                    table.cell(key(period, scope, by, code), count.of(scope, by, code));
                }
                table.sum(totalKey(period, scope), parts);
            });
        }
        table.sum(
                totalKey(period, Area.NATIONAL_CODE),
                regions.stream().map(r -> totalKey(period, r)).toList());
        categories.forEach((by, codes) -> codes.forEach(code -> table.sum(
                key(period, Area.NATIONAL_CODE, by, code),
                regions.stream().map(r -> key(period, r, by, code)).toList())));
    }

    /** A period made of {@code parts} (already in the table): its cells are their sums, cell by cell. */
    private static void addSum(
            CountTable table,
            InfluxPeriod period,
            List<InfluxPeriod> parts,
            List<String> scopes,
            List<String> regions,
            Map<Breakdown, Set<String>> categories) {
        addPeriod(
                table,
                period,
                scopes,
                regions,
                categories,
                (scope, by, code) -> parts.stream()
                        .mapToLong(p -> table.value(table.indexOf(key(p, scope, by, code))))
                        .sum());
        for (String scope : scopes) {
            table.sum(
                    totalKey(period, scope),
                    parts.stream().map(p -> totalKey(p, scope)).toList());
            categories.forEach((by, codes) -> codes.forEach(code -> table.sum(
                    key(period, scope, by, code),
                    parts.stream().map(p -> key(p, scope, by, code)).toList())));
        }
    }

    private static String totalKey(InfluxPeriod period, String scope) {
        return period.key() + "|" + scope + "|" + Category.TOTAL.code();
    }

    private static String key(InfluxPeriod period, String scope, Breakdown by, String category) {
        return period.key() + "|" + scope + "|" + by + "|" + category;
    }

    private static Set<String> codes(List<ReferenceData.Entry> entries) {
        Set<String> codes = new LinkedHashSet<>();
        entries.forEach(e -> codes.add(e.code()));
        return codes;
    }
}
