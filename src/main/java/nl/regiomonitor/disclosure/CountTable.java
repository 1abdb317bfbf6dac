package nl.regiomonitor.disclosure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts of clients as they would be published, with the sums that tie them together: each
 * relation says a total equals the sum of its parts, or, for a {@link #union}, counts each client
 * of its parts once. Several published tables that share totals
 * (influx by profile and by origin for the same months, regions that add up to NL) are one
 * CountTable, so they are protected together.
 */
public final class CountTable {

    private final List<String> keys = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private long[] values = new long[64];
    private final List<int[]> relations = new ArrayList<>();
    private final Set<int[]> unions = Collections.newSetFromMap(new IdentityHashMap<>());
    // an array, not a map: the certificate search asks a cell's rank millions of times per publication
    private int[] ranks = new int[64];
    private final BitSet ranked = new BitSet();

    /** Adds a cell, or returns the one with this key; a key always has one value. */
    public int cell(String key, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Een aantal cliënten is niet negatief: " + key + " = " + value);
        }
        Integer known = index.get(key);
        if (known != null) {
            if (values[known] != value) {
                throw new IllegalArgumentException(
                        "Cel " + key + " heeft twee waarden: " + values[known] + " en " + value);
            }
            return known;
        }
        if (keys.size() == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
            ranks = Arrays.copyOf(ranks, values.length);
        }
        values[keys.size()] = value;
        keys.add(key);
        index.put(key, keys.size() - 1);
        return keys.size() - 1;
    }

    /** The rank of a cell that is never hidden to protect another: only the primary rule hides it. */
    public static final int KEEP = Integer.MAX_VALUE;

    /**
     * How much hiding a cell costs the reader (0 unless set): secondary suppression hides a cell of a
     * lower rank first, so a year's count per profile can outrank its months. Ranks follow from the
     * table's layout, never from a count.
     */
    public void rank(String key, int rank) {
        if (rank < 0) {
            throw new IllegalArgumentException("Een rang is niet negatief: " + key);
        }
        int cell = indexOf(key);
        ranks[cell] = rank;
        ranked.set(cell);
    }

    int rank(int cell) {
        return ranks[cell];
    }

    /** Records that {@code total} is the sum of {@code parts}; all must be cells already. */
    public void sum(String total, List<String> parts) {
        int[] relation = relation(total, parts);
        long sum = partsSum(relation);
        if (sum != values[relation[0]]) {
            throw new IllegalArgumentException(
                    "Totaal " + total + " = " + values[relation[0]] + " is niet de som van de delen (" + sum + ")");
        }
        relations.add(relation);
    }

    /**
     * Records that {@code total} counts the clients of {@code parts} once each, while a client may be
     * in several parts (two delivery forms at once, care in two regions): no part exceeds the total,
     * and the total does not exceed the sum of the parts. When the parts do add up to the total, an
     * attacker may take it as that sum, so it is recorded as one.
     */
    public void union(String total, List<String> parts) {
        int[] relation = relation(total, parts);
        long largest = 0;
        for (int i = 1; i < relation.length; i++) {
            largest = Math.max(largest, values[relation[i]]);
        }
        if (largest > values[relation[0]] || partsSum(relation) < values[relation[0]]) {
            throw new IllegalArgumentException(
                    "Totaal " + total + " = " + values[relation[0]] + " ligt niet tussen het grootste deel (" + largest
                            + ") en de som van de delen (" + partsSum(relation) + ")");
        }
        relations.add(relation);
        if (partsSum(relation) != values[relation[0]]) {
            unions.add(relation);
        }
    }

    private int[] relation(String total, List<String> parts) {
        int[] relation = new int[parts.size() + 1];
        relation[0] = indexOf(total);
        for (int i = 0; i < parts.size(); i++) {
            relation[i + 1] = indexOf(parts.get(i));
        }
        return relation;
    }

    private long partsSum(int[] relation) {
        long sum = 0;
        for (int i = 1; i < relation.length; i++) {
            sum += values[relation[i]];
        }
        return sum;
    }

    public int indexOf(String key) {
        Integer i = index.get(key);
        if (i == null) {
            throw new IllegalArgumentException("Onbekende cel " + key);
        }
        return i;
    }

    public boolean contains(String key) {
        return index.containsKey(key);
    }

    public int size() {
        return keys.size();
    }

    public String key(int cell) {
        return keys.get(cell);
    }

    public long value(int cell) {
        return values[cell];
    }

    /**
     * A digest of everything protection depends on: the cells with their values, every relation and the ranks.
     * Two tables with the same fingerprint get the same pattern, so a pattern worked out once is
     * reused by the next publication when the table has not changed. Kept in memory only.
     */
    public String fingerprint() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer number = ByteBuffer.allocate(Long.BYTES);
        for (int c = 0; c < keys.size(); c++) {
            sha.update(keys.get(c).getBytes(StandardCharsets.UTF_8));
            sha.update(number.clear().putLong(values[c]).array());
        }
        for (int[] relation : relations) {
            sha.update((byte) (isUnion(relation) ? 'u' : 's'));
            for (int cell : relation) {
                sha.update(number.clear().putLong(cell).array());
            }
        }
        for (int cell = ranked.nextSetBit(0); cell >= 0; cell = ranked.nextSetBit(cell + 1)) {
            sha.update((byte) 'r');
            sha.update(number.clear().putLong(cell).array());
            sha.update(number.clear().putLong(ranks[cell]).array());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Each relation as cell indexes, the total first. */
    List<int[]> relations() {
        return Collections.unmodifiableList(relations);
    }

    /** Whether a relation of {@link #relations()} is a {@link #union}, not an exact sum. */
    boolean isUnion(int[] relation) {
        return unions.contains(relation);
    }
}
