package nl.regiomonitor.ingest;

import java.util.Arrays;

/**
 * The keys of one file's rows with the line of each, packed: the key texts side by side in one byte array and an
 * open-addressing table of ints, instead of a string and a boxed line number per row (a million-row file held about
 * 150 MB of those, and hashing them cost more than checking the rows). A key is its parts, each followed by
 * {@code \u0001}, as {@link FieldKind#keyExpression} renders a stored row's key, so both compare byte for byte.
 */
final class FileKeys {

    private byte[] bytes = new byte[1 << 16];
    private int used;
    /** Where entry {@code e} starts in {@link #bytes}; it ends where entry {@code e + 1} starts. */
    private int[] start = new int[1 << 12];

    private int[] line = new int[1 << 12];
    private int entries;
    private int live;
    /**
     * Per slot the key's hash (high half) and its entry + 1 (low half), 0 for an empty slot; at most half full. The
     * hash beside the entry spares a look at the key's bytes for every other key met on the way.
     */
    private long[] table = new long[1 << 13];

    /** Starts a new key, dropping a part built but not stored. */
    void begin() {
        ensureEntry();
        used = start[entries];
    }

    /** Appends one part of the key. */
    void append(CharSequence part) {
        for (int i = 0; i < part.length(); i++) {
            put(part.charAt(i));
        }
        put('\u0001');
    }

    /** Stores the key built since {@link #begin()} with its line; returns the line of an earlier equal key, or -1. */
    int putIfAbsent(long lineNumber) {
        int h = hashOfPending();
        int slot = find(h);
        if (table[slot] != 0) {
            return line[(int) table[slot] - 1];
        }
        line[entries] = (int) lineNumber;
        table[slot] = (long) h << 32 | ++entries;
        live++;
        ensureEntry();
        start[entries] = used;
        if (entries * 2 > table.length) {
            rehash();
        }
        return -1;
    }

    /** The line of the stored key a stored row renders as {@code key}, then forgotten; -1 when the file has none. */
    int remove(String key) {
        begin();
        for (int i = 0; i < key.length(); i++) {
            put(key.charAt(i));
        }
        int slot = find(hashOfPending());
        int entry = (int) table[slot] - 1;
        if (entry < 0 || line[entry] < 0) {
            return -1;
        }
        int found = line[entry];
        line[entry] = -1;
        live--;
        return found;
    }

    boolean isEmpty() {
        return live == 0;
    }

    /** Characters as UTF-8 of their UTF-16 units: what matters is that equal texts give equal bytes. */
    private void put(char c) {
        if (used + 3 > bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        if (c < 0x80) {
            bytes[used++] = (byte) c;
        } else if (c < 0x800) {
            bytes[used++] = (byte) (0xC0 | c >> 6);
            bytes[used++] = (byte) (0x80 | c & 0x3F);
        } else {
            bytes[used++] = (byte) (0xE0 | c >> 12);
            bytes[used++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[used++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private int hashOfPending() {
        int h = 0x811C9DC5;
        for (int i = start[entries]; i < used; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ h >>> 15;
    }

    /** The slot of the pending key: the one holding an equal key, or the empty one it would go in. */
    private int find(int h) {
        int mask = table.length - 1;
        int from = start[entries];
        int length = used - from;
        for (int slot = h & mask; ; slot = slot + 1 & mask) {
            if (table[slot] == 0) {
                return slot;
            }
            int entry = (int) table[slot] - 1;
            if ((int) (table[slot] >>> 32) == h
                    && start[entry + 1] - start[entry] == length
                    && Arrays.equals(bytes, start[entry], start[entry + 1], bytes, from, used)) {
                return slot;
            }
        }
    }

    private void ensureEntry() {
        if (entries + 1 >= start.length) {
            int n = start.length * 2;
            start = Arrays.copyOf(start, n);
            line = Arrays.copyOf(line, n);
        }
    }

    private void rehash() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long taken : old) {
            if (taken != 0) {
                int slot = (int) (taken >>> 32) & mask;
                while (table[slot] != 0) {
                    slot = slot + 1 & mask;
                }
                table[slot] = taken;
            }
        }
    }
}
