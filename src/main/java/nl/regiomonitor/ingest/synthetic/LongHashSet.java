package nl.regiomonitor.ingest.synthetic;

import java.util.Arrays;

/** Minimal open-addressing set of non-negative longs (used to keep pseudonyms and provider codes unique). */
final class LongHashSet {

    private static final long EMPTY = -1L;
    private long[] table;
    private int size;

    LongHashSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new long[capacity];
        Arrays.fill(table, EMPTY);
    }

    /** Adds {@code v} (must be ≥ 0); returns false if it was already present. */
    boolean add(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative value");
        }
        if ((size + 1) * 2 > table.length) {
            rehash();
        }
        int mask = table.length - 1;
        int i = (int) SyntheticMath.mix64(v) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = v;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private void rehash() {
        long[] old = table;
        table = new long[old.length * 2];
        Arrays.fill(table, EMPTY);
        int mask = table.length - 1;
        for (long v : old) {
            if (v != EMPTY) {
                int i = (int) SyntheticMath.mix64(v) & mask;
                while (table[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                table[i] = v;
            }
        }
    }
}
