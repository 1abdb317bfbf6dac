package nl.regiomonitor.indicator;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private final DataVersion data;
    /** Stock per reference date, then per scope (region code or NL), then per series or profile; for one data version. */
    private record Cache(long version, Map<LocalDate, Map<String, Map<String, Long>>> byDate) {
    }

    private volatile Cache cache = new Cache(-1, new ConcurrentHashMap<>());

    StockFigures(JdbcTemplate jdbc, FigureScope scope, DataVersion data) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.data = data;
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
        Map<String, Long> now = countsOn(date).getOrDefault(region, Map.of());
        Map<String, Long> then = countsOn(before).getOrDefault(region, Map.of());
        List<StockRow> rows = new ArrayList<>();
        for (String series : jdbc.queryForList("select series from care_profile group by series order by min(sort_order)", String.class)) {
            rows.add(new StockRow(new Category(series, series), true, now.getOrDefault(series, 0L), then.getOrDefault(series, 0L)));
            if (by == Breakdown.PROFILE) {
                jdbc.query("select code, name from care_profile where series = ? order by sort_order", rs -> {
                    String code = rs.getString(1);
                    rows.add(new StockRow(new Category(code, rs.getString(2)), false, now.getOrDefault(code, 0L),
                            then.getOrDefault(code, 0L)));
                }, series);
            }
        }
        return new StockTable(region, date, before, by, rows);
    }

    /**
     * Stock on one day for every region and NL at once, per series and per profile. NL counts
     * distinct clients itself rather than adding regions, so a client in two regions counts once.
     */
    private Map<String, Map<String, Long>> countsOn(LocalDate day) {
        long version = data.current();
        Cache current = cache;
        if (current.version() != version) {
            current = new Cache(version, new ConcurrentHashMap<>());
            cache = current;
        }
        return current.byDate().computeIfAbsent(day, d -> {
            Map<String, Map<String, Long>> counts = new HashMap<>();
            jdbc.query("""
                    select coalesce(i.region_code, 'NL') as scope, coalesce(i.profile_code, p.series) as key,
                           count(distinct i.client_id) as clients
                    from indication i join care_profile p on p.code = i.profile_code
                    where i.valid_from <= ? and (i.valid_to is null or i.valid_to >= ?)
                    group by grouping sets ((i.region_code, p.series), (i.region_code, p.series, i.profile_code),
                                            (p.series), (p.series, i.profile_code))""",
                    rs -> {
                        counts.computeIfAbsent(rs.getString("scope"), k -> new HashMap<>())
                                .put(rs.getString("key"), rs.getLong("clients"));
                    }, Date.valueOf(d), Date.valueOf(d));
            return counts;
        });
    }
}
