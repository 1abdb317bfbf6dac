package nl.regiomonitor.indicator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every indication read once per state of the data (one sorted pass, kept compactly in memory),
 * from which influx and stock for any region, month or reference date are counted without going
 * back to the database. Rows are grouped by client, so "a client counts once" is a walk along a
 * group, not a DISTINCT.
 */
@Component
class IndicationSnapshot {

    /** Clients whose influx falls in one month, region, profile, origin and age band. */
    record InfluxLine(YearMonth month, String region, String profile, String origin, String ageBand, long clients) {
    }

    /** The loaded rows, column by column; codes are indexes into the lists. */
    static final class Rows {
        final List<String> regions = new ArrayList<>();
        final List<String> profiles = new ArrayList<>();
        final List<String> origins = new ArrayList<>();
        int size;
        int[] clientStart = new int[1 << 16];
        int clients;
        int[] from = new int[1 << 16];
        int[] to = new int[1 << 16];
        byte[] region = new byte[1 << 16];
        byte[] profile = new byte[1 << 16];
        byte[] origin = new byte[1 << 16];
        short[] birthYear = new short[1 << 16];

        void grow() {
            int n = from.length * 2;
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            region = Arrays.copyOf(region, n);
            profile = Arrays.copyOf(profile, n);
            origin = Arrays.copyOf(origin, n);
            birthYear = Arrays.copyOf(birthYear, n);
        }
    }

    /** One state of the data, with the stock of each reference date asked for so far. */
    private record Snapshot(long version, Rows rows, List<InfluxLine> influx,
                            Map<LocalDate, Map<String, Map<String, Long>>> stock) {
    }

    private final JdbcTemplate jdbc;
    private final DataVersion data;
    // read by figure requests while a rebuild may be filling it again
    private final Map<String, String> seriesOfProfile = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    IndicationSnapshot(JdbcTemplate jdbc, DataVersion data) {
        this.jdbc = jdbc;
        this.data = data;
    }

    /** All GGZ-W influx, by month × region × profile × origin × age band. */
    List<InfluxLine> influx() {
        return current().influx();
    }

    /**
     * Stock on {@code day} for every region and for NL: per scope, the clients per series (GGZ-W,
     * GGZ-B) and per profile. A client counts once per series, in the region of their latest
     * indication of that series valid on the day; NL counts each client once.
     */
    Map<String, Map<String, Long>> stockOn(LocalDate day) {
        Snapshot now = current();
        return now.stock().computeIfAbsent(day, d -> countStock(now.rows(), d));
    }

    private Map<String, Map<String, Long>> countStock(Rows rows, LocalDate day) {
        int d = (int) day.toEpochDay();
        int profiles = rows.profiles.size();
        List<String> series = rows.profiles.stream().map(seriesOfProfile::get).distinct().toList();
        int[] seriesOf = rows.profiles.stream().mapToInt(p -> series.indexOf(seriesOfProfile.get(p))).toArray();
        // per scope (the regions, then NL last): per profile, then per series
        long[][] counts = new long[rows.regions.size() + 1][profiles + series.size()];
        long[] national = counts[rows.regions.size()];
        int[] latest = new int[series.size()];
        for (int c = 0; c < rows.clients; c++) {
            int start = rows.clientStart[c];
            int end = c + 1 < rows.clients ? rows.clientStart[c + 1] : rows.size;
            Arrays.fill(latest, -1);
            for (int i = start; i < end; i++) {
                if (rows.from[i] <= d && rows.to[i] >= d) {
                    latest[seriesOf[rows.profile[i]]] = i;
                }
            }
            for (int s = 0; s < latest.length; s++) {
                int i = latest[s];
                if (i >= 0) {
                    long[] regional = counts[rows.region[i]];
                    regional[rows.profile[i]]++;
                    regional[profiles + s]++;
                    national[rows.profile[i]]++;
                    national[profiles + s]++;
                }
            }
        }
        Map<String, Map<String, Long>> result = new HashMap<>();
        for (int r = 0; r < counts.length; r++) {
            Map<String, Long> scope = new HashMap<>();
            for (int p = 0; p < profiles; p++) {
                scope.put(rows.profiles.get(p), counts[r][p]);
            }
            for (int s = 0; s < series.size(); s++) {
                scope.put(series.get(s), counts[r][profiles + s]);
            }
            result.put(r == rows.regions.size() ? "NL" : rows.regions.get(r), scope);
        }
        return result;
    }

    private Snapshot current() {
        long version = data.current();
        Snapshot now = snapshot;
        if (now == null || now.version() != version) {
            synchronized (this) {
                now = snapshot;
                if (now == null || now.version() != version) {
                    Rows rows = load();
                    now = new Snapshot(version, rows, influxOf(rows), new java.util.concurrent.ConcurrentHashMap<>());
                    snapshot = now;
                }
            }
        }
        return now;
    }

    /** Reads the indications sorted by client (by bytes: only grouping matters), then by start date. */
    private Rows load() {
        jdbc.query("select code, series from care_profile", rs -> {
            seriesOfProfile.put(rs.getString(1), rs.getString(2));
        });
        Rows rows = new Rows();
        Map<String, Integer> regionIndex = new HashMap<>();
        Map<String, Integer> profileIndex = new HashMap<>();
        Map<String, Integer> originIndex = new HashMap<>();
        String[] previousClient = {null};
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select client_id, valid_from - date '1970-01-01', valid_to - date '1970-01-01', region_code,
                           profile_code, origin, birth_year
                    from indication order by client_id collate "C", valid_from, profile_code""");
            statement.setFetchSize(50_000);
            return statement;
        }, rs -> {
            int i = rows.size;
            if (i == rows.from.length) {
                rows.grow();
            }
            String client = rs.getString(1);
            if (!client.equals(previousClient[0])) {
                if (rows.clients == rows.clientStart.length) {
                    rows.clientStart = Arrays.copyOf(rows.clientStart, rows.clients * 2);
                }
                rows.clientStart[rows.clients++] = i;
                previousClient[0] = client;
            }
            rows.from[i] = rs.getInt(2); // days since 1970-01-01, as LocalDate.toEpochDay
            int validTo = rs.getInt(3);
            rows.to[i] = rs.wasNull() ? Integer.MAX_VALUE : validTo;
            rows.region[i] = (byte) index(regionIndex, rows.regions, rs.getString(4));
            rows.profile[i] = (byte) index(profileIndex, rows.profiles, rs.getString(5));
            rows.origin[i] = (byte) index(originIndex, rows.origins, rs.getString(6));
            rows.birthYear[i] = (short) rs.getInt(7);
            rows.size++;
        });
        return rows;
    }

    private static int index(Map<String, Integer> index, List<String> values, String value) {
        return index.computeIfAbsent(value, v -> {
            values.add(v);
            return values.size() - 1;
        });
    }

    /** A client's influx is their first GGZ-W indication: the first of their group in the series, rows being sorted. */
    private List<InfluxLine> influxOf(Rows rows) {
        List<AgeBand> bands = jdbc.query("select code, min_age, max_age from age_band order by sort_order",
                (rs, n) -> new AgeBand(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3)));
        Map<InfluxLine, Long> counts = new HashMap<>();
        for (int c = 0; c < rows.clients; c++) {
            int end = c + 1 < rows.clients ? rows.clientStart[c + 1] : rows.size;
            for (int i = rows.clientStart[c]; i < end; i++) {
                String profile = rows.profiles.get(rows.profile[i]);
                if (InfluxFigures.SERIES.equals(seriesOfProfile.get(profile))) {
                    LocalDate from = LocalDate.ofEpochDay(rows.from[i]);
                    int age = from.getYear() - rows.birthYear[i];
                    String band = bands.stream().filter(b -> b.holds(age)).map(AgeBand::code).findFirst().orElse(InfluxFigures.UNKNOWN);
                    counts.merge(new InfluxLine(YearMonth.from(from), rows.regions.get(rows.region[i]), profile,
                            rows.origins.get(rows.origin[i]), band, 0), 1L, Long::sum);
                    break;
                }
            }
        }
        List<InfluxLine> lines = new ArrayList<>(counts.size());
        counts.forEach((key, n) -> lines.add(new InfluxLine(key.month(), key.region(), key.profile(), key.origin(), key.ageBand(), n)));
        return lines;
    }

    private record AgeBand(String code, int minAge, Integer maxAge) {
        boolean holds(int age) {
            return age >= minAge && (maxAge == null || age <= maxAge);
        }
    }
}
