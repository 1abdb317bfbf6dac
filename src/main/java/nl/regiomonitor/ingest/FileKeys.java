package nl.regiomonitor.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The keys of one file's rows with the line of each, packed: the key texts side by side in one byte array, instead
 * of a string and a boxed line number per row (a million-row file held about 150 MB of those). A key is its parts,
 * each followed by {@code \u0001}, as {@link FieldKind#keyExpression} renders a stored row's key, so both compare
 * byte for byte.
 * <p>
 * Keys are only written down while the file is read; duplicates are found once, at the end, by sorting the keys'
 * hashes. Looking each key up in a hash table as it came cost a look at a random place of tens of megabytes per
 * row, which took longer than all other checks of the row together.
 */
final class FileKeys {

    /** A row whose key an earlier row has: the lines of both, and the key as a stored row renders it. */
    record Duplicate(int line, int earlierLine, String key) {}

    private byte[] bytes = new byte[1 << 16];
    private int used;
    /** Where entry {@code e} starts in {@link #bytes}; it ends where entry {@code e + 1} starts. */
    private int[] start = new int[1 << 12];

    private int[] line = new int[1 << 12];
    private int[] hash = new int[1 << 12];
    private int entries;
    private int live;
    /** The hash of the key built since {@link #begin()}, so far: worked out as its bytes are written. */
    private int pendingHash;
    /** Per entry its hash (high half) and the entry (low half), sorted: equal keys stand together. */
    private long[] byHash;

    /** Starts a new key, dropping a part built but not stored. */
    void begin() {
        ensureEntry();
        used = start[entries];
        pendingHash = 0;
    }

    /** Appends one part of the key. */
    void append(String part) {
        put(part);
        put("\u0001");
    }

    /** Stores the key built since {@link #begin()} with its line. */
    void add(long lineNumber) {
        line[entries] = (int) lineNumber;
        hash[entries] = hashOfPending();
        entries++;
        live++;
        byHash = null;
        ensureEntry();
        start[entries] = used;
    }

    /** Every row whose key an earlier row has, by line; each names the first row with that key. */
    List<Duplicate> duplicates() {
        long[] order = byHash();
        List<Duplicate> found = new ArrayList<>();
        int[] distinct = new int[16]; // within a run of equal hashes, in entry order: the first entry of each key
        for (int i = 0, j; i < order.length; i = j) {
            int kinds = 0;
            for (j = i; j < order.length && order[j] >>> 32 == order[i] >>> 32; j++) {
                int entry = (int) order[j];
                int k = 0;
                while (k < kinds && !sameKey(distinct[k], entry)) {
                    k++;
                }
                if (k < kinds) {
                    found.add(new Duplicate(line[entry], line[distinct[k]], keyText(entry)));
                } else {
                    if (kinds == distinct.length) {
                        distinct = Arrays.copyOf(distinct, kinds * 2);
                    }
                    distinct[kinds++] = entry;
                }
            }
        }
        found.sort(Comparator.comparingInt(Duplicate::line));
        return found;
    }

    /** The line of the stored key a stored row renders as {@code key}, then forgotten; -1 when the file has none. */
    int remove(String key) {
        begin();
        put(key);
        int h = hashOfPending();
        long[] order = byHash();
        int at = Arrays.binarySearch(order, (long) h << 32);
        for (int i = at >= 0 ? at : -at - 1; i < order.length && (int) (order[i] >>> 32) == h; i++) {
            int entry = (int) order[i];
            if (line[entry] >= 0 && sameKey(entry, entries)) {
                int found = line[entry];
                line[entry] = -1;
                live--;
                return found;
            }
        }
        return -1;
    }

    boolean isEmpty() {
        return live == 0;
    }

    /**
     * The entries in order of hash (as signed numbers, the order {@link Arrays#binarySearch} expects), each run of
     * equal hashes in entry order: a radix sort, a byte of the hash per pass, which is stable; a comparison sort of
     * a million entries took a tenth of the time of reading them.
     */
    private long[] byHash() {
        if (byHash == null) {
            long[] order = new long[entries];
            for (int e = 0; e < entries; e++) {
                order[e] = (long) hash[e] << 32 | e;
            }
            long[] other = new long[entries];
            for (int shift = 32; shift < 64; shift += 8) {
                int flip = shift == 56 ? 0x80 : 0; // the sign: negative hashes first
                int[] starts = new int[257];
                for (long entry : order) {
                    starts[((int) (entry >>> shift) & 0xFF ^ flip) + 1]++;
                }
                for (int b = 0; b < 256; b++) {
                    starts[b + 1] += starts[b];
                }
                for (long entry : order) {
                    other[starts[(int) (entry >>> shift) & 0xFF ^ flip]++] = entry;
                }
                long[] sorted = other;
                other = order;
                order = sorted;
            }
            byHash = order;
        }
        return byHash;
    }

    /** Whether entries {@code a} and {@code b} hold the same key; entry {@link #entries} is the pending one. */
    private boolean sameKey(int a, int b) {
        int endB = b == entries ? used : start[b + 1];
        return Arrays.equals(bytes, start[a], start[a + 1], bytes, start[b], endB);
    }

    /**
     * Characters as UTF-8 of their UTF-16 units: what matters is that equal texts give equal bytes. The hash goes
     * along in the same pass, one step per character (a character gives the same bytes wherever it stands).
     */
    private void put(String text) {
        int length = text.length();
        if (used + 3 * length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + 3 * length));
        }
        int h = pendingHash;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            h = 31 * h + c;
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
        pendingHash = h;
    }

    /** The characters {@link #put} wrote for an entry. */
    private String keyText(int entry) {
        StringBuilder text = new StringBuilder();
        for (int i = start[entry]; i < start[entry + 1]; ) {
            int b = bytes[i++] & 0xFF;
            if (b < 0x80) {
                text.append((char) b);
            } else if (b < 0xE0) {
                text.append((char) ((b & 0x1F) << 6 | bytes[i++] & 0x3F));
            } else {
                text.append((char) ((b & 0x0F) << 12 | (bytes[i++] & 0x3F) << 6 | bytes[i++] & 0x3F));
            }
        }
        return text.toString();
    }

    /** The pending key's hash, mixed (MurmurHash3's finaliser), so that hashes of similar keys lie apart. */
    private int hashOfPending() {
        int h = pendingHash;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ h >>> 16;
    }

    private void ensureEntry() {
        if (entries + 1 >= start.length) {
            int n = start.length * 2;
            start = Arrays.copyOf(start, n);
            line = Arrays.copyOf(line, n);
            hash = Arrays.copyOf(hash, n);
        }
    }
}
