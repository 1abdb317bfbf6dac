package nl.regiomonitor.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.CountTable;
import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.disclosure.PublishedTables;
import nl.regiomonitor.region.Area;
import nl.regiomonitor.region.ReferenceData;

/**
 * The protection of the stock on a reference date, as one table for every region and NL: per
 * scope each profile and each series total (a series is the sum of its profiles), and NL the sum
 * of the 31 regions for every profile and series. Prevalence publishes the series totals, so it
 * follows the same pattern. One pattern per date and state of the data, whatever output asks.
 */
@Component
class StockProtection implements PublishedTables {

    private final JdbcTemplate jdbc;
    private final FigureScope figureScope;
    private final IndicationSnapshot snapshot;
    private final DataCache<LocalDate, ProtectionPattern> patterns;
    private final int threshold;
    private final ReferenceData reference;

    StockProtection(
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
        this.patterns = new DataCache<>(data, k -> suppression.protect(table(k)));
        this.threshold = suppression.threshold();
    }

    /** How the count of {@code code} (a profile or a series) in {@code scope} (a region or NL) on {@code day} is published. */
    ProtectionPattern.Mark mark(LocalDate day, String scope, String code) {
        return pattern(day).mark(key(scope, code));
    }

    int threshold() {
        return threshold;
    }

    ProtectionPattern pattern(LocalDate day) {
        return patterns.get(day);
    }

    /**
     * The stock on the reference date the pages and reports use, 1 October, of every year in which
     * indications start, and a year before the first (the change against a year before is shown).
     */
    @Override
    public Map<String, Supplier<ProtectionPattern>> tables() {
        Map<String, Supplier<ProtectionPattern>> published = new LinkedHashMap<>();
        referenceDates().forEach(day -> published.put("stand " + day, () -> pattern(day)));
        return published;
    }

    /** The reference dates the region pages and reports publish: 1 October of every year with data, and the year before. */
    List<LocalDate> referenceDates() {
        List<Integer> years = jdbc.queryForList(
                "select distinct extract(year from day)::int from stock_change where delta > 0 order by 1",
                Integer.class);
        List<LocalDate> days = new ArrayList<>();
        if (!years.isEmpty()) {
            for (int year = years.get(0) - 1; year <= years.get(years.size() - 1); year++) {
                days.add(RegionTables.referenceDate(year));
            }
        }
        return days;
    }

    /** The stock on {@code day} as the table that is published, with its sums. */
    CountTable table(LocalDate day) {
        Map<String, Map<String, Long>> stock = snapshot.stockOn(day);
        Map<String, List<String>> profilesOfSeries = new LinkedHashMap<>();
        reference
                .profiles()
                .forEach(p -> profilesOfSeries
                        .computeIfAbsent(p.series(), s -> new ArrayList<>())
                        .add(p.code()));
        List<String> regions = figureScope.regions();
        List<String> scopes = figureScope.scopes();
        CountTable table = new CountTable();
        for (String scope : scopes) {
            Map<String, Long> counts = stock.getOrDefault(scope, Map.of());
            profilesOfSeries.forEach((series, profiles) -> {
                table.cell(key(scope, series), counts.getOrDefault(series, 0L));
                profiles.forEach(p -> table.cell(key(scope, p), counts.getOrDefault(p, 0L)));
                table.sum(
                        key(scope, series),
                        profiles.stream().map(p -> key(scope, p)).toList());
            });
        }
        profilesOfSeries.forEach((series, profiles) -> {
            List<String> codes = new ArrayList<>(profiles);
            codes.add(series);
            codes.forEach(code -> table.sum(
                    key(Area.NATIONAL_CODE, code),
                    regions.stream().map(r -> key(r, code)).toList()));
        });
        return table;
    }

    private static String key(String scope, String code) {
        return scope + "|" + code;
    }
}
