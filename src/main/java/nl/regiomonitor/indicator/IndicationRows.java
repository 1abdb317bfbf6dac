package nl.regiomonitor.indicator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Indication rows of many clients, column by column, with clients and codes as small indexes, each marked with the
 * state of the data it belongs to: before an import ({@link #BEFORE}), after it ({@link #AFTER}) or both. The
 * derived figures are worked out per client from one state's rows.
 */
final class IndicationRows {

    static final byte BEFORE = 1;
    static final byte AFTER = 2;
    static final byte BOTH = BEFORE | AFTER;

    /** A valid_to for an indication without end. */
    static final int OPEN = Integer.MAX_VALUE;

    /** The columns {@link #read} expects, after which comes whether the row is one an import replaces. */
    static final String COLUMNS = "client_id, valid_from - date '1970-01-01', valid_to - date '1970-01-01', "
            + "region_code, profile_code, origin, birth_year";

    final Codes regions = new Codes();
    final Codes profiles = new Codes();
    final Codes origins = new Codes();
    private final ClientNumbers clients = new ClientNumbers();

    int size;
    int[] client = new int[1 << 16];
    int[] from = new int[1 << 16];
    int[] to = new int[1 << 16];
    byte[] region = new byte[1 << 16];
    byte[] profile = new byte[1 << 16];
    byte[] origin = new byte[1 << 16];
    short[] birthYear = new short[1 << 16];
    byte[] state = new byte[1 << 16];

    /** Codes of one column, numbered as they come. */
    static final class Codes {
        private final List<String> values = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();

        byte of(String code) {
            return (byte) (int) index.computeIfAbsent(code, c -> {
                values.add(c);
                return values.size() - 1;
            });
        }

        String get(int code) {
            return values.get(code & 0xFF);
        }

        int size() {
            return values.size();
        }
    }

    /** One row; {@code from} and {@code to} in days since 1970-01-01, {@code to} {@link #OPEN} when open. */
    void add(
            String clientId,
            int from,
            int to,
            String region,
            String profile,
            String origin,
            int birthYear,
            byte state) {
        int i = size;
        if (i == this.from.length) {
            grow();
        }
        client[i] = clients.of(clientId);
        this.from[i] = from;
        this.to[i] = to;
        this.region[i] = regions.of(region);
        this.profile[i] = profiles.of(profile);
        this.origin[i] = origins.of(origin);
        this.birthYear[i] = (short) birthYear;
        this.state[i] = state;
        size++;
    }

    /**
     * Adds the rows {@code query} returns: the {@link #COLUMNS}, then whether the row is one an import replaces
     * (only {@link #BEFORE} it) or not ({@link #BOTH}).
     */
    void read(PreparedStatement query) throws SQLException {
        query.setFetchSize(50_000); // a cursor: the import's transaction is open
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                int validTo = rs.getInt(3);
                if (rs.wasNull()) {
                    validTo = OPEN;
                }
                add(
                        rs.getString(1),
                        rs.getInt(2),
                        validTo,
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getBoolean(8) ? BEFORE : BOTH);
            }
        }
    }

    /** Row indexes grouped by client: client {@code c}'s rows are {@code order[starts[c]]} to {@code order[starts[c + 1] - 1]}. */
    record ByClient(int[] order, int[] starts) {}

    /**
     * The rows grouped by client, each client's rows ordered by start date, profile and the rest of the row: the
     * same data give the same order, whichever order they were read in.
     */
    ByClient byClient() {
        int clients = this.clients.size();
        int[] starts = new int[clients + 1];
        for (int i = 0; i < size; i++) {
            starts[client[i] + 1]++;
        }
        for (int c = 0; c < clients; c++) {
            starts[c + 1] += starts[c];
        }
        int[] next = Arrays.copyOf(starts, clients);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[next[client[i]]++] = i;
        }
        for (int c = 0; c < clients; c++) {
            // insertion sort: a client has a handful of rows
            for (int k = starts[c] + 1; k < starts[c + 1]; k++) {
                int row = order[k];
                int j = k - 1;
                for (; j >= starts[c] && compare(order[j], row) > 0; j--) {
                    order[j + 1] = order[j];
                }
                order[j + 1] = row;
            }
        }
        return new ByClient(order, starts);
    }

    private int compare(int a, int b) {
        int c = Integer.compare(from[a], from[b]);
        if (c == 0) {
            c = profiles.get(profile[a]).compareTo(profiles.get(profile[b]));
        }
        if (c == 0) {
            c = Integer.compare(to[a], to[b]);
        }
        if (c == 0) {
            c = regions.get(region[a]).compareTo(regions.get(region[b]));
        }
        if (c == 0) {
            c = origins.get(origin[a]).compareTo(origins.get(origin[b]));
        }
        if (c == 0) {
            c = Integer.compare(birthYear[a], birthYear[b]);
        }
        return c;
    }

    private void grow() {
        int n = from.length * 2;
        client = Arrays.copyOf(client, n);
        from = Arrays.copyOf(from, n);
        to = Arrays.copyOf(to, n);
        region = Arrays.copyOf(region, n);
        profile = Arrays.copyOf(profile, n);
        origin = Arrays.copyOf(origin, n);
        birthYear = Arrays.copyOf(birthYear, n);
        state = Arrays.copyOf(state, n);
    }
}
