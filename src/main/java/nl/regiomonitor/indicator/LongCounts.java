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

    private long[] keys = emptyKeys(1 << 12);
    private int[] counts = new int[1 << 12];
    private int size;

    /** Adds {@code delta} to the count of {@code key} (never {@link Long#MIN_VALUE}). */
    void add(long key, int delta) {
        int slot = slot(keys, key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            if (++size * 2 > keys.length) {
                grow();
                slot = slot(keys, key);
            }
        }
        counts[slot] += delta;
    }

    /** What is done with each count; it may write (to COPY). */
    interface Entry {
        void accept(long key, int count) throws IOException;
    }

    /** Every key whose count is not zero, in no particular order. */
    void forEachNonZero(Entry entry) throws IOException {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && counts[i] != 0) {
                entry.accept(keys[i], counts[i]);
            }
        }
    }

    /** Every key whose count is not zero, in ascending order of key. */
    void forEachNonZeroInOrder(Entry entry) throws IOException {
        long[] sorted = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && counts[i] != 0) {
                sorted[n++] = keys[i];
            }
        }
        Arrays.sort(sorted, 0, n);
        for (int i = 0; i < n; i++) {
            entry.accept(sorted[i], counts[slot(keys, sorted[i])]);
        }
    }

    int size() {
        return size;
    }

    private static int slot(long[] keys, long key) {
        int mask = keys.length - 1;
        long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing: the high bits mix all bits of the key
        for (int slot = (int) (h >>> 40) & mask; ; slot = slot + 1 & mask) {
            if (keys[slot] == key || keys[slot] == EMPTY) {
                return slot;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = emptyKeys(oldKeys.length * 2);
        counts = new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    private static long[] emptyKeys(int n) {
        long[] keys = new long[n];
        Arrays.fill(keys, EMPTY);
        return keys;
    }
}
