package nl.regiomonitor.indicator;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Influx into the GGZ-W profiles: a client counts once, in the month in which the first GGZ-W
 * indication they ever had starts ({@code valid_from}), for the region, profile and origin of
 * that indication and the age band of their age in that year. A change of profile is not influx.
 */
@Service
public class InfluxFigures {

    /** The series whose influx the regions must bring down (SPEC.md §1). */
    public static final String SERIES = "GGZ-W";
    static final String UNKNOWN = "ONBEKEND";

    private final JdbcTemplate jdbc;
    private final FigureScope scope;

    public InfluxFigures(JdbcTemplate jdbc, FigureScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** One month of the table: the count per category and in total. */
    public record MonthRow(YearMonth month, Map<String, Long> counts, long total) {
    }

    /** Influx per month, every month of the period present (also months without influx). */
    public record InfluxTable(String region, YearMonth from, YearMonth to, Breakdown by, List<Category> categories,
                              List<MonthRow> rows) {
    }

    public InfluxTable influx(String region, YearMonth from, YearMonth to, Breakdown by) {
        scope.check(region, from, to);
        List<Category> categories = categories(by);
        Map<YearMonth, Map<String, Long>> counts = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Map<String, Long> zero = new LinkedHashMap<>();
            categories.forEach(c -> zero.put(c.code(), 0L));
            counts.put(m, zero);
        }
        List<Object> args = new ArrayList<>(List.of(SERIES, Date.valueOf(from.atDay(1)), Date.valueOf(to.plusMonths(1).atDay(1))));
        String regionFilter = scope.national(region) ? "" : " and region_code = ?";
        if (!scope.national(region)) {
            args.add(region);
        }
        jdbc.query("""
                with firsts as (
                    select distinct on (i.client_id) i.client_id, i.valid_from, i.region_code, i.profile_code, i.origin,
                           extract(year from i.valid_from)::int - i.birth_year as age
                    from indication i join care_profile p on p.code = i.profile_code
                    where p.series = ?
                    order by i.client_id, i.valid_from, i.profile_code)
                select date_trunc('month', f.valid_from)::date as month, %s as category, count(*) as clients
                from firsts f %s
                where f.valid_from >= ? and f.valid_from < ?%s
                group by 1, 2""".formatted(categoryExpression(by), by == Breakdown.AGEBAND
                        ? "left join age_band a on f.age >= a.min_age and (a.max_age is null or f.age <= a.max_age)" : "",
                regionFilter), rs -> {
                    YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
                    String category = rs.getString("category");
                    Map<String, Long> row = counts.get(month);
                    if (!row.containsKey(category)) {
                        row.put(category, 0L); // a code outside the reference list, e.g. an age under 18
                    }
                    row.merge(category, rs.getLong("clients"), Long::sum);
                }, args.toArray());
        List<Category> shown = new ArrayList<>(categories);
        counts.values().stream().flatMap(r -> r.keySet().stream()).distinct()
                .filter(code -> shown.stream().noneMatch(c -> c.code().equals(code)))
                .forEach(code -> shown.add(new Category(code, "Onbekend")));
        List<MonthRow> rows = counts.entrySet().stream().map(e -> {
            Map<String, Long> row = new LinkedHashMap<>();
            shown.forEach(c -> row.put(c.code(), e.getValue().getOrDefault(c.code(), 0L)));
            return new MonthRow(e.getKey(), row, row.values().stream().mapToLong(Long::longValue).sum());
        }).toList();
        return new InfluxTable(region, from, to, by, shown, rows);
    }

    /** The monthly influx of one region or NL, optionally of one profile only: the series the trend judges. */
    public Map<YearMonth, Long> monthly(String region, YearMonth from, YearMonth to, String profile) {
        if (profile != null && !scope.profiles(SERIES).contains(profile)) {
            throw new InvalidFigureRequest("Onbekend GGZ-W-profiel '" + profile + "'.");
        }
        InfluxTable table = influx(region, from, to, profile == null ? Breakdown.NONE : Breakdown.PROFILE);
        Map<YearMonth, Long> series = new LinkedHashMap<>();
        table.rows().forEach(r -> series.put(r.month(), profile == null ? r.total() : r.counts().get(profile)));
        return series;
    }

    private static String categoryExpression(Breakdown by) {
        return switch (by) {
            case NONE -> "'" + Category.TOTAL.code() + "'";
            case PROFILE -> "f.profile_code";
            case ORIGIN -> "f.origin";
            case AGEBAND -> "coalesce(a.code, '" + UNKNOWN + "')";
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
