package nl.regiomonitor.indicator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.CountTable;
import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.disclosure.PublishedTables;
import nl.regiomonitor.ingest.FieldKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The protection of the influx of one month, as one table for every region and NL: per scope the
 * total and its three breakdowns (profile, origin, age band), each of which adds up to that same
 * total, so the three published tables are protected together; and NL the sum of the 31 regions
 * for the total and every category. The trend publishes the same monthly totals, so it follows the
 * same pattern. One pattern per month and state of the data, whatever output asks.
 */
@Component
class InfluxProtection implements PublishedTables {

    private static final List<Breakdown> BREAKDOWNS = List.of(Breakdown.PROFILE, Breakdown.ORIGIN, Breakdown.AGEBAND);

    private final JdbcTemplate jdbc;
    private final FigureScope figureScope;
    private final IndicationSnapshot snapshot;
    private final DataCache<YearMonth, ProtectionPattern> patterns;
    private final int threshold;

    InfluxProtection(JdbcTemplate jdbc, FigureScope figureScope, DataVersion data, IndicationSnapshot snapshot, CellSuppression suppression) {
        this.jdbc = jdbc;
        this.figureScope = figureScope;
        this.snapshot = snapshot;
        this.patterns = new DataCache<>(data, k -> suppression.protect(table(k)));
        this.threshold = suppression.threshold();
    }

    /** How the influx of {@code month} in {@code scope} (a region or NL) is published: the total, or one category of a breakdown. */
    ProtectionPattern.Mark mark(YearMonth month, String scope, Breakdown by, String category) {
        return pattern(month).mark(by == Breakdown.NONE ? totalKey(scope) : key(scope, by, category));
    }

    int threshold() {
        return threshold;
    }

    ProtectionPattern pattern(YearMonth month) {
        return patterns.get(month);
    }

    /** Every month from the first to the last month with influx. */
    @Override
    public Map<String, Supplier<ProtectionPattern>> tables() {
        Map<String, Supplier<ProtectionPattern>> published = new LinkedHashMap<>();
        List<YearMonth> months = snapshot.influx().stream().map(IndicationSnapshot.InfluxLine::month).distinct().sorted().toList();
        if (!months.isEmpty()) {
            // within the dates an import accepts, whatever older data hold: a month per year 9999 would never end
            YearMonth first = Collections.max(List.of(months.get(0), YearMonth.from(FieldKind.FIRST_DATE)));
            YearMonth last = Collections.min(List.of(months.get(months.size() - 1), YearMonth.from(FieldKind.lastDate())));
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                YearMonth month = m;
                published.put("instroom " + month, () -> pattern(month));
            }
        }
        return published;
    }

    /** The influx of {@code month} as the table that is published, with its sums. */
    CountTable table(YearMonth month) {
        List<String> regions = figureScope.regions();
        Map<Breakdown, Set<String>> categories = new LinkedHashMap<>();
        categories.put(Breakdown.PROFILE, new LinkedHashSet<>(jdbc.queryForList(
                "select code from care_profile where series = ? order by sort_order", String.class, InfluxFigures.SERIES)));
        categories.put(Breakdown.ORIGIN, new LinkedHashSet<>(jdbc.queryForList("select code from origin order by sort_order", String.class)));
        categories.put(Breakdown.AGEBAND, new LinkedHashSet<>(jdbc.queryForList("select code from age_band order by sort_order", String.class)));
        // counts[scope][breakdown][category]; NL is the sum of the regions
        Map<String, Map<Breakdown, Map<String, Long>>> counts = new LinkedHashMap<>();
        List<String> scopes = figureScope.scopes();
        scopes.forEach(s -> counts.put(s, new LinkedHashMap<>()));
        for (IndicationSnapshot.InfluxLine line : snapshot.influx()) {
            if (line.month().equals(month)) {
                for (Breakdown by : BREAKDOWNS) {
                    String category = InfluxFigures.categoryOf(line, by);
                    categories.get(by).add(category);
                    for (String scope : List.of(line.region(), StockProtection.NATIONAL)) {
                        counts.computeIfAbsent(scope, s -> new LinkedHashMap<>())
                                .computeIfAbsent(by, b -> new LinkedHashMap<>()).merge(category, line.clients(), Long::sum);
                    }
                }
            }
        }
        CountTable table = new CountTable();
        for (String scope : scopes) {
            Map<Breakdown, Map<String, Long>> ofScope = counts.get(scope);
            long total = ofScope.getOrDefault(Breakdown.PROFILE, Map.of()).values().stream().mapToLong(Long::longValue).sum();
            table.cell(totalKey(scope), total);
            categories.forEach((by, codes) -> {
                List<String> parts = new ArrayList<>();
                for (String code : codes) {
                    parts.add(key(scope, by, code));
                    table.cell(key(scope, by, code), ofScope.getOrDefault(by, Map.of()).getOrDefault(code, 0L));
                }
                table.sum(totalKey(scope), parts);
            });
        }
        table.sum(totalKey(StockProtection.NATIONAL), regions.stream().map(InfluxProtection::totalKey).toList());
        categories.forEach((by, codes) -> codes.forEach(code -> table.sum(key(StockProtection.NATIONAL, by, code),
                regions.stream().map(r -> key(r, by, code)).toList())));
        return table;
    }

    private static String totalKey(String scope) {
        return scope + "|" + Category.TOTAL.code();
    }

    private static String key(String scope, Breakdown by, String category) {
        return scope + "|" + by + "|" + category;
    }
}
