package nl.regiomonitor.indicator;

import java.util.Arrays;

/**
 * Client ids numbered 0, 1, 2, … as they first come, held as their characters side by side in one array with an
 * open-addressing table. A {@code HashMap<String, Integer>} kept a string, an entry and a boxed number alive per
 * client: for a million-row import, millions of objects the garbage collector copied again and again while the file
 * was read. Each slot holds the id's hash beside its number, so finding an id costs one look at a random place of
 * memory, not one more per id met on the way.
 */
final class ClientNumbers {

    private char[] chars = new char[1 << 16];
    private int used;
    /** Where client {@code n}'s id starts in {@link #chars}; it ends where client {@code n + 1}'s starts. */
    private int[] start = new int[1 << 12];

    private int count;
    /** Per slot the id's hash (high half) and the client's number + 1 (low half), 0 when empty; at most half full. */
    private long[] table = new long[1 << 13];

    /** The number of {@code id}, a new one when it is new. */
    int of(String id) {
        int h = id.hashCode();
        int mask = table.length - 1;
        int slot = spread(h) & mask;
        for (long taken = table[slot]; taken != 0; taken = table[slot]) {
            int n = (int) taken - 1;
            if ((int) (taken >>> 32) == h && equals(n, id)) {
                return n;
            }
            slot = slot + 1 & mask;
        }
        return add(id, h, slot);
    }

    int size() {
        return count;
    }

    private int add(String id, int h, int slot) {
        if (count + 1 >= start.length) {
            start = Arrays.copyOf(start, start.length * 2);
        }
        if (used + id.length() > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + id.length()));
        }
        id.getChars(0, id.length(), chars, used);
        used += id.length();
        int n = count++;
        start[n + 1] = used;
        table[slot] = (long) h << 32 | n + 1;
        if (count * 2 > table.length) {
            rehash();
        }
        return n;
    }

    private boolean equals(int n, String id) {
        int from = start[n];
        if (start[n + 1] - from != id.length()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (chars[from + i] != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** String hashes of similar ids differ in their low bits only; the table's index mixes in the high ones. */
    private static int spread(int h) {
        return (h * 0x9E3779B9) >>> 7 ^ h;
    }

    private void rehash() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long taken : old) {
            if (taken != 0) {
                int slot = spread((int) (taken >>> 32)) & mask;
                while (table[slot] != 0) {
                    slot = slot + 1 & mask;
                }
                table[slot] = taken;
            }
        }
    }
}
