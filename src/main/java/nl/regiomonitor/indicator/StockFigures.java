package nl.regiomonitor.indicator;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Stock on a reference date: the distinct clients with an indication valid on that day
 * ({@code valid_from} on or before it, {@code valid_to} empty or on or after it), per series
 * (GGZ-W, GGZ-B) and per profile, with the change against the same day a year before.
 */
@Service
public class StockFigures {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private final JdbcTemplate jdbc;
    private final FigureScope scope;

    public StockFigures(JdbcTemplate jdbc, FigureScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** A line of the table: a series total or a profile, now and a year before. */
    public record StockRow(Category category, boolean seriesTotal, long clients, long clientsYearBefore) {

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
            String number = String.format(DUTCH, "%.1f", Math.abs(change));
            return (number.equals("0,0") ? "" : change > 0 ? "+" : "\u2212") + number + "%";
        }
    }

    public record StockTable(String region, LocalDate date, LocalDate yearBefore, Breakdown by, List<StockRow> rows) {
    }

    /** Stock per series, and with {@code by = PROFILE} also per profile under each series. */
    public StockTable stock(String region, LocalDate date, Breakdown by) {
        scope.checkRegion(region);
        if (date == null) {
            throw new InvalidFigureRequest("Geef een peildatum, als jjjj-mm-dd.");
        }
        if (by != Breakdown.NONE && by != Breakdown.PROFILE) {
            throw new InvalidFigureRequest("De stand is in te delen naar profiel (by=profile) of niet (by=none).");
        }
        LocalDate before = date.minusYears(1);
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(date), Date.valueOf(date), Date.valueOf(before)));
        String regionFilter = "";
        if (!scope.national(region)) {
            regionFilter = " and i.region_code = ?";
            args.add(region);
        }
        // key: series or profile code, then the day; grouping sets give both levels in one pass
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("""
                select d.day = ?::date as now, p.series, i.profile_code, count(distinct i.client_id) as clients
                from (values (?::date), (?::date)) as d(day)
                join indication i on i.valid_from <= d.day and (i.valid_to is null or i.valid_to >= d.day)
                join care_profile p on p.code = i.profile_code
                where true%s
                group by grouping sets ((d.day, p.series), (d.day, p.series, i.profile_code))""".formatted(regionFilter),
                rs -> {
                    String key = rs.getString("profile_code") == null ? rs.getString("series") : rs.getString("profile_code");
                    counts.computeIfAbsent(key, k -> new long[2])[rs.getBoolean("now") ? 0 : 1] = rs.getLong("clients");
                }, args.toArray());
        List<StockRow> rows = new ArrayList<>();
        for (String series : jdbc.queryForList("select series from care_profile group by series order by min(sort_order)", String.class)) {
            long[] total = counts.getOrDefault(series, new long[2]);
            rows.add(new StockRow(new Category(series, series), true, total[0], total[1]));
            if (by == Breakdown.PROFILE) {
                jdbc.query("select code, name from care_profile where series = ? order by sort_order", rs -> {
                    long[] profile = counts.getOrDefault(rs.getString(1), new long[2]);
                    rows.add(new StockRow(new Category(rs.getString(1), rs.getString(2)), false, profile[0], profile[1]));
                }, series);
            }
        }
        return new StockTable(region, date, before, by, rows);
    }
}
