package nl.regiomonitor.indicator;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

import nl.regiomonitor.ingest.LoadListener;

/**
 * Keeps the two tables every influx and stock figure is read from, rebuilt from all indications
 * in the transaction of each indications import (one sorted pass, grouped by client):
 * <ul>
 *   <li>{@code influx_count}: clients per month of influx × region × profile × origin × age band.
 *       A client's influx is their first GGZ-W indication ever ({@code valid_from}); the age band is
 *       that of their age in that year.</li>
 *   <li>{@code stock_change}: per day × region × profile, how many clients start (+) or stop (−)
 *       counting in the stock. A client counts once per series (GGZ-W, GGZ-B) on a day, in the region
 *       and profile of their latest indication of that series valid on the day, so the stock on a
 *       day is the sum of all changes up to and including it, and NL is the sum of the regions.</li>
 * </ul>
 * Reading a figure then never sorts the million indication rows again.
 */
@Component
class DerivedIndicationFigures implements LoadListener {

    static final String INDICATIONS = "indications";

    @Override
    public void loaded(Connection connection, String type) throws SQLException {
        if (INDICATIONS.equals(type)) {
            rebuild(connection);
        }
    }

    /** Replaces both tables from the indications {@code connection} sees. */
    static void rebuild(Connection connection) throws SQLException {
        Map<String, String> seriesOfProfile = new HashMap<>();
        List<int[]> bands = new ArrayList<>();
        List<String> bandCodes = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select code, series from care_profile")) {
                while (rs.next()) {
                    seriesOfProfile.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = statement.executeQuery(
                    "select code, min_age, coalesce(max_age, 200) from age_band order by sort_order")) {
                while (rs.next()) {
                    bandCodes.add(rs.getString(1));
                    bands.add(new int[] {rs.getInt(2), rs.getInt(3)});
                }
            }
            statement.execute("truncate influx_count, stock_change");
        }
        Rows rows = load(connection);
        int[] seriesOf = new int[rows.profiles.size()];
        List<String> series = new ArrayList<>();
        for (int p = 0; p < seriesOf.length; p++) {
            String s = seriesOfProfile.get(rows.profiles.get(p));
            if (!series.contains(s)) {
                series.add(s);
            }
            seriesOf[p] = series.indexOf(s);
        }
        int influxSeries = series.indexOf(InfluxFigures.SERIES);
        // age → band index; ages outside every band are ONBEKEND (index bands.size())
        int[] bandOfAge = new int[201];
        Arrays.fill(bandOfAge, bands.size());
        for (int b = bands.size() - 1; b >= 0; b--) {
            for (int age = Math.max(0, bands.get(b)[0]); age <= Math.min(200, bands.get(b)[1]); age++) {
                bandOfAge[age] = b;
            }
        }
        bandCodes.add(InfluxFigures.UNKNOWN);

        Map<Long, int[]> influx = new HashMap<>();
        Map<Long, int[]> changes = new HashMap<>();
        int[] ofSeries = new int[rows.size];
        for (int c = 0; c < rows.clients; c++) {
            int start = rows.clientStart[c];
            int end = c + 1 < rows.clients ? rows.clientStart[c + 1] : rows.size;
            for (int i = start; i < end; i++) {
                if (seriesOf[rows.profile[i]] == influxSeries) {
                    LocalDate from = LocalDate.ofEpochDay(rows.from[i]);
                    int age = from.getYear() - rows.birthYear[i];
                    int band = age < 0 || age > 200 ? bands.size() : bandOfAge[age];
                    long key = ((long) (from.getYear() * 12 + from.getMonthValue() - 1) << 32)
                            | ((rows.region[i] & 0xFFL) << 24)
                            | ((rows.profile[i] & 0xFFL) << 16)
                            | ((rows.origin[i] & 0xFFL) << 8)
                            | band;
                    influx.computeIfAbsent(key, k -> new int[1])[0]++;
                    break;
                }
            }
            for (int s = 0; s < series.size(); s++) {
                int n = 0;
                for (int i = start; i < end; i++) {
                    if (seriesOf[rows.profile[i]] == s) {
                        ofSeries[n++] = i;
                    }
                }
                if (n > 0) {
                    stockChanges(rows, ofSeries, n, changes);
                }
            }
        }
        write(
                connection,
                "influx_count (month, region_code, profile_code, origin, age_band, clients)",
                influx,
                (key, out) -> {
                    int month = (int) (key >>> 32);
                    out.append(LocalDate.of(month / 12, month % 12 + 1, 1))
                            .append('\t')
                            .append(rows.regions.get((int) (key >>> 24) & 0xFF))
                            .append('\t')
                            .append(rows.profiles.get((int) (key >>> 16) & 0xFF))
                            .append('\t')
                            .append(rows.origins.get((int) (key >>> 8) & 0xFF))
                            .append('\t')
                            .append(bandCodes.get((int) key & 0xFF));
                });
        write(
                connection,
                "stock_change (day, region_code, profile_code, delta)",
                changes,
                (key, out) -> out.append(LocalDate.ofEpochDay(key >> 16))
                        .append('\t')
                        .append(rows.regions.get((int) (key >>> 8) & 0xFF))
                        .append('\t')
                        .append(rows.profiles.get((int) key & 0xFF)));
    }

    /**
     * The days on which one client's attribution in one series changes. Between two consecutive
     * start or end days the set of valid indications is constant; the one that counts is the latest
     * valid one (rows are sorted by start date, then profile).
     */
    private static void stockChanges(Rows rows, int[] indexes, int n, Map<Long, int[]> changes) {
        if (n == 1) {
            int i = indexes[0];
            change(changes, rows.from[i], rows, i, 1);
            if (rows.to[i] != Integer.MAX_VALUE) {
                change(changes, rows.to[i] + 1, rows, i, -1);
            }
            return;
        }
        int[] days = new int[2 * n];
        int d = 0;
        for (int k = 0; k < n; k++) {
            days[d++] = rows.from[indexes[k]];
            if (rows.to[indexes[k]] != Integer.MAX_VALUE) {
                days[d++] = rows.to[indexes[k]] + 1;
            }
        }
        int[] sorted = Arrays.stream(days, 0, d).sorted().distinct().toArray();
        int counting = -1;
        for (int day : sorted) {
            int now = -1;
            for (int k = 0; k < n; k++) {
                int i = indexes[k];
                if (rows.from[i] <= day && rows.to[i] >= day) {
                    now = i;
                }
            }
            boolean same = counting >= 0
                    && now >= 0
                    && rows.region[counting] == rows.region[now]
                    && rows.profile[counting] == rows.profile[now];
            if (!same) {
                if (counting >= 0) {
                    change(changes, day, rows, counting, -1);
                }
                if (now >= 0) {
                    change(changes, day, rows, now, 1);
                }
                counting = now;
            }
        }
    }

    private static void change(Map<Long, int[]> changes, int day, Rows rows, int i, int delta) {
        long key = ((long) day << 16) | ((rows.region[i] & 0xFFL) << 8) | (rows.profile[i] & 0xFFL);
        changes.computeIfAbsent(key, k -> new int[1])[0] += delta;
    }

    private interface KeyWriter {
        void write(long key, StringBuilder out);
    }

    /** Sends the counts with COPY: the tables hold a few hundred thousand rows after a large import. */
    private static void write(Connection connection, String table, Map<Long, int[]> counts, KeyWriter keys)
            throws SQLException {
        StringBuilder out = new StringBuilder(counts.size() * 48);
        counts.forEach((key, count) -> {
            if (count[0] != 0) {
                keys.write(key, out);
                out.append('\t').append(count[0]).append('\n');
            }
        });
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + table + " from stdin", new StringReader(out.toString()));
        } catch (IOException e) {
            throw new SQLException("Afgeleide cijfers konden niet worden geschreven", e);
        }
    }

    /** The indications, column by column; codes are indexes into the lists. */
    private static final class Rows {
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

    /** Reads the indications sorted by client (by bytes: only grouping matters), then by start date and profile. */
    private static Rows load(Connection connection) throws SQLException {
        Rows rows = new Rows();
        Map<String, Integer> regionIndex = new HashMap<>();
        Map<String, Integer> profileIndex = new HashMap<>();
        Map<String, Integer> originIndex = new HashMap<>();
        String previousClient = null;
        try (PreparedStatement statement = connection.prepareStatement("""
                select client_id, valid_from - date '1970-01-01', valid_to - date '1970-01-01', region_code,
                       profile_code, origin, birth_year
                from indication order by client_id collate "C", valid_from, profile_code""")) {
            statement.setFetchSize(50_000); // a cursor: the import's transaction is open
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int i = rows.size;
                    if (i == rows.from.length) {
                        rows.grow();
                    }
                    String client = rs.getString(1);
                    if (!client.equals(previousClient)) {
                        if (rows.clients == rows.clientStart.length) {
                            rows.clientStart = Arrays.copyOf(rows.clientStart, rows.clients * 2);
                        }
                        rows.clientStart[rows.clients++] = i;
                        previousClient = client;
                    }
                    rows.from[i] = rs.getInt(2); // days since 1970-01-01, as LocalDate.toEpochDay
                    int validTo = rs.getInt(3);
                    rows.to[i] = rs.wasNull() ? Integer.MAX_VALUE : validTo;
                    rows.region[i] = (byte) index(regionIndex, rows.regions, rs.getString(4));
                    rows.profile[i] = (byte) index(profileIndex, rows.profiles, rs.getString(5));
                    rows.origin[i] = (byte) index(originIndex, rows.origins, rs.getString(6));
                    rows.birthYear[i] = (short) rs.getInt(7);
                    rows.size++;
                }
            }
        }
        return rows;
    }

    private static int index(Map<String, Integer> index, List<String> values, String value) {
        return index.computeIfAbsent(value, v -> {
            values.add(v);
            return values.size() - 1;
        });
    }
}
