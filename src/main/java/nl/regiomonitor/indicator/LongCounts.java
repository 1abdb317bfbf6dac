package nl.regiomonitor.indicator;

import java.io.IOException;
import java.util.Arrays;

/**
 * Counts per packed key, without a boxed key and value per entry: a million indications add to a few hundred
 * thousand keys several million times, and the packed keys of neighbouring days and codes share their low bits,
 * which {@code Long.hashCode} keeps, so a {@code HashMap} filled its bins with trees.
 */
final class LongCounts {

    private static final long EMPTY = Long.MIN_VALUE;

    /**
     * Per slot its key, then its count: side by side, so that a count at a random place costs one look at memory,
     * not one for the key and one more for the count.
     */
    private long[] table = emptyTable(1 << 12);

    private int size;

    /** Adds {@code delta} to the count of {@code key} (never {@link Long#MIN_VALUE}). */
    void add(long key, int delta) {
        int at = slot(table, key);
        if (table[at] == EMPTY) {
            table[at] = key;
            if (++size * 4 > table.length) {
                grow();
                at = slot(table, key);
            }
        }
        table[at + 1] += delta;
    }

    /** What is done with each count; it may write (to COPY). */
    interface Entry {
        void accept(long key, int count) throws IOException;
    }

    /** Every key whose count is not zero, in no particular order. */
    void forEachNonZero(Entry entry) throws IOException {
        for (int at = 0; at < table.length; at += 2) {
            if (table[at] != EMPTY && table[at + 1] != 0) {
                entry.accept(table[at], (int) table[at + 1]);
            }
        }
    }

    /** Every key whose count is not zero, in ascending order of key. */
    void forEachNonZeroInOrder(Entry entry) throws IOException {
        long[] sorted = new long[size];
        int n = 0;
        for (int at = 0; at < table.length; at += 2) {
            if (table[at] != EMPTY && table[at + 1] != 0) {
                sorted[n++] = table[at];
            }
        }
        Arrays.sort(sorted, 0, n);
        for (int i = 0; i < n; i++) {
            entry.accept(sorted[i], (int) table[slot(table, sorted[i]) + 1]);
        }
    }

    /** Where the key of {@code key}'s slot is, or of the empty slot it would take; its count is next to it. */
    private static int slot(long[] table, long key) {
        int mask = table.length / 2 - 1;
        long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing: the high bits mix all bits of the key
        for (int slot = (int) (h >>> 40) & mask; ; slot = slot + 1 & mask) {
            long taken = table[2 * slot];
            if (taken == key || taken == EMPTY) {
                return 2 * slot;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = emptyTable(old.length); // twice the slots: a slot takes two places
        for (int at = 0; at < old.length; at += 2) {
            if (old[at] != EMPTY) {
                int to = slot(table, old[at]);
                table[to] = old[at];
                table[to + 1] = old[at + 1];
            }
        }
    }

    /** A table of {@code slots} empty slots. */
    private static long[] emptyTable(int slots) {
        long[] table = new long[2 * slots];
        for (int at = 0; at < table.length; at += 2) {
            table[at] = EMPTY;
        }
        return table;
    }
}
