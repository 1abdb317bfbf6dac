package nl.regiomonitor.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of clients as they would be published, with the sums that tie them together: each
 * relation says a total equals the sum of its parts. Several published tables that share totals
 * (influx by profile and by origin for the same months, regions that add up to NL) are one
 * CountTable, so they are protected together.
 */
public final class CountTable {

    private final List<String> keys = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private long[] values = new long[64];
    private final List<int[]> relations = new ArrayList<>();

    /** Adds a cell, or returns the one with this key; a key always has one value. */
    public int cell(String key, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Een aantal cliënten is niet negatief: " + key + " = " + value);
        }
        Integer known = index.get(key);
        if (known != null) {
            if (values[known] != value) {
                throw new IllegalArgumentException("Cel " + key + " heeft twee waarden: " + values[known] + " en " + value);
            }
            return known;
        }
        if (keys.size() == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[keys.size()] = value;
        keys.add(key);
        index.put(key, keys.size() - 1);
        return keys.size() - 1;
    }

    /** Records that {@code total} is the sum of {@code parts}; all must be cells already. */
    public void sum(String total, List<String> parts) {
        int[] relation = new int[parts.size() + 1];
        relation[0] = indexOf(total);
        for (int i = 0; i < parts.size(); i++) {
            relation[i + 1] = indexOf(parts.get(i));
        }
        long sum = 0;
        for (int i = 1; i < relation.length; i++) {
            sum += values[relation[i]];
        }
        if (sum != values[relation[0]]) {
            throw new IllegalArgumentException("Totaal " + total + " = " + values[relation[0]] + " is niet de som van de delen (" + sum + ")");
        }
        relations.add(relation);
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

    /** Each relation as cell indexes, the total first. */
    List<int[]> relations() {
        return Collections.unmodifiableList(relations);
    }
}
