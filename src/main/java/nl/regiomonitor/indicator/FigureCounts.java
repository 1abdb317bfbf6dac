package nl.regiomonitor.indicator;

import java.io.IOException;
import java.sql.Connection;
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
import org.postgresql.copy.PGCopyOutputStream;

import nl.regiomonitor.ingest.BinaryCopyWriter;

/**
 * The counts per key of {@code influx_count} and {@code stock_change} (see {@link DerivedIndicationFigures}) that
 * the clients of some {@link IndicationRows} contribute: each client's share is worked out from their rows of one
 * state of the data and added, or taken away.
 */
final class FigureCounts {

    private final IndicationRows rows;
    private final LongCounts influx = new LongCounts();
    private final LongCounts changes = new LongCounts();
    /** Per profile code of the rows: the index of its series. */
    private final int[] seriesOf;

    private final int seriesCount;
    private final int influxSeries;
    /** Age → band index; ages outside every band are ONBEKEND, the last code. */
    private final int[] bandOfAge = new int[201];

    private final List<String> bandCodes = new ArrayList<>();

    /** Reads the series of the profiles and the age bands: reference data, the same before and after any import. */
    FigureCounts(Connection connection, IndicationRows rows) throws SQLException {
        this.rows = rows;
        Map<String, String> seriesOfProfile = new HashMap<>();
        List<int[]> bands = new ArrayList<>();
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
        }
        seriesOf = new int[rows.profiles.size()];
        List<String> series = new ArrayList<>();
        for (int p = 0; p < seriesOf.length; p++) {
            String s = seriesOfProfile.get(rows.profiles.get(p));
            if (!series.contains(s)) {
                series.add(s);
            }
            seriesOf[p] = series.indexOf(s);
        }
        seriesCount = series.size();
        influxSeries = series.indexOf(InfluxFigures.SERIES);
        Arrays.fill(bandOfAge, bands.size());
        for (int b = bands.size() - 1; b >= 0; b--) {
            for (int age = Math.max(0, bands.get(b)[0]); age <= Math.min(200, bands.get(b)[1]); age++) {
                bandOfAge[age] = b;
            }
        }
        bandCodes.add(InfluxFigures.UNKNOWN);
    }

    /**
     * Adds every client's share as their {@link IndicationRows#AFTER} rows give it and, when {@code takeBefore},
     * takes away the share their {@link IndicationRows#BEFORE} rows gave.
     */
    FigureCounts count(boolean takeBefore) {
        IndicationRows.ByClient byClient = rows.byClient();
        int[] order = byClient.order();
        int[] starts = byClient.starts();
        int[] ofSeries = new int[rows.size];
        for (int c = 0; c + 1 < starts.length; c++) {
            if (takeBefore) {
                share(order, starts[c], starts[c + 1], IndicationRows.BEFORE, -1, ofSeries);
            }
            share(order, starts[c], starts[c + 1], IndicationRows.AFTER, 1, ofSeries);
        }
        return this;
    }

    /** One client's share in one state: their influx (first GGZ-W indication ever) and stock changes per series. */
    private void share(int[] order, int start, int end, byte state, int sign, int[] ofSeries) {
        for (int k = start; k < end; k++) {
            int i = order[k];
            if ((rows.state[i] & state) != 0 && seriesOf[rows.profile[i]] == influxSeries) {
                LocalDate from = LocalDate.ofEpochDay(rows.from[i]);
                int age = from.getYear() - rows.birthYear[i];
                int band = age < 0 || age > 200 ? bandCodes.size() - 1 : bandOfAge[age];
                long key = ((long) (from.getYear() * 12 + from.getMonthValue() - 1) << 32)
                        | ((rows.region[i] & 0xFFL) << 24)
                        | ((rows.profile[i] & 0xFFL) << 16)
                        | ((rows.origin[i] & 0xFFL) << 8)
                        | band;
                influx.add(key, sign);
                break;
            }
        }
        for (int s = 0; s < seriesCount; s++) {
            int n = 0;
            for (int k = start; k < end; k++) {
                int i = order[k];
                if ((rows.state[i] & state) != 0 && seriesOf[rows.profile[i]] == s) {
                    ofSeries[n++] = i;
                }
            }
            if (n > 0) {
                stockChanges(ofSeries, n, sign);
            }
        }
    }

    /**
     * The days on which one client's attribution in one series changes. Between two consecutive
     * start or end days the set of valid indications is constant; the one that counts is the latest
     * valid one in the client's order of rows.
     */
    private void stockChanges(int[] indexes, int n, int sign) {
        if (n == 1) {
            int i = indexes[0];
            change(rows.from[i], i, sign);
            if (rows.to[i] != IndicationRows.OPEN) {
                change(rows.to[i] + 1, i, -sign);
            }
            return;
        }
        int[] days = new int[2 * n];
        int d = 0;
        for (int k = 0; k < n; k++) {
            days[d++] = rows.from[indexes[k]];
            if (rows.to[indexes[k]] != IndicationRows.OPEN) {
                days[d++] = rows.to[indexes[k]] + 1;
            }
        }
        Arrays.sort(days, 0, d); // without a stream: this runs for most clients of an import
        int distinct = 0;
        for (int k = 0; k < d; k++) {
            if (distinct == 0 || days[k] != days[distinct - 1]) {
                days[distinct++] = days[k];
            }
        }
        int counting = -1;
        for (int t = 0; t < distinct; t++) {
            int day = days[t];
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
                    change(day, counting, -sign);
                }
                if (now >= 0) {
                    change(day, now, sign);
                }
                counting = now;
            }
        }
    }

    private void change(int day, int i, int delta) {
        long key = ((long) day << 16) | ((rows.region[i] & 0xFFL) << 8) | (rows.profile[i] & 0xFFL);
        changes.add(key, delta);
    }

    /** Replaces both tables by these counts. */
    void replace(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("truncate influx_count, stock_change");
        }
        copy(connection, "influx_count", this::writeInflux);
        copy(connection, "stock_change", this::writeChanges);
    }

    /**
     * Adds these counts to both tables; a key whose count comes to zero goes, as a rebuild would not write it. The
     * counts travel with COPY to a table of the transaction's own and are merged in one statement each.
     */
    void addTo(Connection connection) throws SQLException {
        addTo(connection, "influx_count", "influx_delta", this::writeInflux, """
                merge into influx_count t using influx_delta d
                on t.month = d.month and t.region_code = d.region_code and t.profile_code = d.profile_code
                   and t.origin = d.origin and t.age_band = d.age_band
                when matched and t.clients + d.clients = 0 then delete
                when matched then update set clients = t.clients + d.clients
                when not matched then insert values (d.month, d.region_code, d.profile_code, d.origin, d.age_band,
                                                     d.clients)""");
        addTo(connection, "stock_change", "stock_delta", this::writeChanges, """
                merge into stock_change t using stock_delta d
                on t.day = d.day and t.region_code = d.region_code and t.profile_code = d.profile_code
                when matched and t.delta + d.delta = 0 then delete
                when matched then update set delta = t.delta + d.delta
                when not matched then insert values (d.day, d.region_code, d.profile_code, d.delta)""");
        summarizeNewDays(connection);
    }

    /**
     * Brings the block-range index on {@code stock_change.day} up to the pages just written: until then the stock on
     * an early day would read them all, also in the publication that follows the import.
     */
    private static void summarizeNewDays(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select brin_summarize_new_values('stock_change_day')");
        }
    }

    /**
     * An empty table (no indications yet, or none of its series) gets the counts as they are: no client had a share
     * in it before, so they are its whole content, and merging a few hundred thousand keys into nothing took longer
     * than copying them.
     */
    private static void addTo(Connection connection, String table, String delta, CopyRows rows, String merge)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select exists (select from " + table + ")")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    copy(connection, table, rows);
                    return;
                }
            }
            statement.execute("create temp table " + delta + " (like " + table + ")");
            copy(connection, delta, rows);
            statement.execute(merge);
            statement.execute("drop table " + delta);
        }
    }

    /** The influx counts as COPY rows: month, region, profile, origin, age band, clients. */
    private void writeInflux(BinaryCopyWriter out) throws IOException {
        influx.forEachNonZero((key, count) -> {
            int month = (int) (key >>> 32);
            out.startRow(6);
            out.dateField(LocalDate.of(month / 12, month % 12 + 1, 1).toEpochDay());
            out.textField(rows.regions.get((int) (key >>> 24)));
            out.textField(rows.profiles.get((int) (key >>> 16)));
            out.textField(rows.origins.get((int) (key >>> 8)));
            out.textField(bandCodes.get((int) (key & 0xFF)));
            out.intField(count);
        });
    }

    /**
     * The stock changes as COPY rows: day, region, profile, delta. In order of day: the table's block-range index on
     * day then knows which pages hold which days, and the stock on an early day reads only the first pages.
     */
    private void writeChanges(BinaryCopyWriter out) throws IOException {
        changes.forEachNonZeroInOrder((key, count) -> {
            out.startRow(4);
            out.dateField(key >> 16);
            out.textField(rows.regions.get((int) (key >>> 8)));
            out.textField(rows.profiles.get((int) key));
            out.intField(count);
        });
    }

    /** Rows for one COPY, written as they are worked out. */
    private interface CopyRows {
        void writeTo(BinaryCopyWriter out) throws IOException;
    }

    /**
     * Binary COPY, streamed: after a large import the tables get a few hundred thousand rows, which the server
     * takes in while the next ones are written, and whose dates it need not parse.
     */
    private static void copy(Connection connection, String table, CopyRows rows) throws SQLException {
        PGCopyOutputStream copy = new PGCopyOutputStream(
                connection.unwrap(PGConnection.class), "copy " + table + " from stdin (format binary)", 1 << 16);
        try {
            BinaryCopyWriter out = BinaryCopyWriter.of(copy);
            rows.writeTo(out);
            out.finish();
            copy.endCopy();
        } catch (IOException e) {
            throw new SQLException("Afgeleide cijfers konden niet worden geschreven", e);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
