package nl.regiomonitor.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.CountTable;
import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.disclosure.PublishedTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The protection of the stock on a reference date, as one table for every region and NL: per
 * scope each profile and each series total (a series is the sum of its profiles), and NL the sum
 * of the 31 regions for every profile and series. Prevalence publishes the series totals, so it
 * follows the same pattern. One pattern per date and state of the data, whatever output asks.
 */
@Component
class StockProtection implements PublishedTables {

    static final String NATIONAL = "NL";

    private record Patterns(long version, Map<LocalDate, ProtectionPattern> byDate) {
    }

    private final JdbcTemplate jdbc;
    private final DataVersion data;
    private final IndicationSnapshot snapshot;
    private final CellSuppression suppression;
    private volatile Patterns patterns = new Patterns(-1, Map.of());

    StockProtection(JdbcTemplate jdbc, DataVersion data, IndicationSnapshot snapshot, CellSuppression suppression) {
        this.jdbc = jdbc;
        this.data = data;
        this.snapshot = snapshot;
        this.suppression = suppression;
    }

    /** How the count of {@code code} (a profile or a series) in {@code scope} (a region or NL) on {@code day} is published. */
    ProtectionPattern.Mark mark(LocalDate day, String scope, String code) {
        return pattern(day).mark(key(scope, code));
    }

    ProtectionPattern pattern(LocalDate day) {
        long version = data.current();
        Patterns now = patterns;
        if (now.version() != version) {
            synchronized (this) {
                if (patterns.version() != version) {
                    patterns = new Patterns(version, new ConcurrentHashMap<>());
                }
                now = patterns;
            }
        }
        return now.byDate().computeIfAbsent(day, d -> suppression.protect(table(d)));
    }

    /**
     * The stock on the reference date the pages and reports use, 1 October, of every year in which
     * indications start, and a year before the first (the change against a year before is shown).
     */
    @Override
    public Map<String, ProtectionPattern> published() {
        Map<String, ProtectionPattern> published = new LinkedHashMap<>();
        List<Integer> years = jdbc.queryForList(
                "select distinct extract(year from day)::int from stock_change where delta > 0 order by 1", Integer.class);
        if (!years.isEmpty()) {
            for (int year = years.get(0) - 1; year <= years.get(years.size() - 1); year++) {
                LocalDate day = RegionTables.referenceDate(year);
                published.put("stand " + day, pattern(day));
            }
        }
        return published;
    }

    /** The stock on {@code day} as the table that is published, with its sums. */
    CountTable table(LocalDate day) {
        Map<String, Map<String, Long>> stock = snapshot.stockOn(day);
        Map<String, List<String>> profilesOfSeries = new LinkedHashMap<>();
        jdbc.query("select series, code from care_profile order by sort_order", rs -> {
            profilesOfSeries.computeIfAbsent(rs.getString(1), s -> new ArrayList<>()).add(rs.getString(2));
        });
        List<String> regions = jdbc.queryForList("select code from region order by code", String.class);
        List<String> scopes = new ArrayList<>(regions);
        scopes.add(NATIONAL);
        CountTable table = new CountTable();
        for (String scope : scopes) {
            Map<String, Long> counts = stock.getOrDefault(scope, Map.of());
            profilesOfSeries.forEach((series, profiles) -> {
                table.cell(key(scope, series), counts.getOrDefault(series, 0L));
                profiles.forEach(p -> table.cell(key(scope, p), counts.getOrDefault(p, 0L)));
                table.sum(key(scope, series), profiles.stream().map(p -> key(scope, p)).toList());
            });
        }
        profilesOfSeries.forEach((series, profiles) -> {
            List<String> codes = new ArrayList<>(profiles);
            codes.add(series);
            codes.forEach(code -> table.sum(key(NATIONAL, code), regions.stream().map(r -> key(r, code)).toList()));
        });
        return table;
    }

    private static String key(String scope, String code) {
        return scope + "|" + code;
    }
}
