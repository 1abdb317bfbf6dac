package nl.regiomonitor.ingest.synthetic;

import java.util.Arrays;

/**
 * Compact per-client state, one primitive array per attribute (about 55 bytes per client), so a run at
 * scale 40 (well over a million clients) stays small. Dates are epoch days; {@link #NONE} means "no such
 * date" (open-ended, never, no change).
 */
final class ClientStore {

    static final int NONE = Integer.MAX_VALUE;

    int size;
    long[] id = new long[0]; // pseudonym, 12 letters base 26
    byte[] series = new byte[0]; // 0 = GGZ-W, 1 = GGZ-B
    byte[] region = new byte[0]; // indication region (index in reference regions)
    byte[] careRegion = new byte[0]; // region where care is delivered
    int[] firstFrom = new int[0]; // valid_from of the first indication
    int[] exit = new int[0]; // valid_to of the last indication, NONE = open-ended
    byte[] profile1 = new byte[0];
    byte[] profile2 = new byte[0];
    int[] change = new int[0]; // valid_from of the second indication, NONE = no change
    short[] birthYear = new short[0];
    byte[] origin = new byte[0];
    byte[] decisionLag1 = new byte[0]; // decision_date = valid_from - lag
    byte[] decisionLag2 = new byte[0];
    int[] allocStart = new int[0]; // start of care, NONE = never in care
    byte[] form = new byte[0];
    short[] provider1 = new short[0]; // index in the provider list
    short[] provider2 = new short[0];
    int[] switchDay = new int[0]; // start of the second allocation, NONE = no switch
    byte[] waitStatus = new byte[0]; // status of the (single) waiting spell
    int[] move = new int[0]; // valid_from of the indication in the new region, NONE = never moves
    byte[] region2 = new byte[0]; // indication region from the move on
    byte[] careRegion2 = new byte[0]; // care region from the move on (equal to careRegion: care does not move)
    short[] provider3 = new short[0]; // provider from the move on, when care moves with the client
    byte[] decisionLag3 = new byte[0];
    boolean[] removed = new boolean[0]; // removed by the calibration

    int add() {
        if (size == id.length) {
            grow(Math.max(1024, size * 2));
        }
        change[size] = NONE;
        switchDay[size] = NONE;
        allocStart[size] = NONE;
        exit[size] = NONE;
        move[size] = NONE;
        return size++;
    }

    private void grow(int n) {
        id = Arrays.copyOf(id, n);
        series = Arrays.copyOf(series, n);
        region = Arrays.copyOf(region, n);
        careRegion = Arrays.copyOf(careRegion, n);
        firstFrom = Arrays.copyOf(firstFrom, n);
        exit = Arrays.copyOf(exit, n);
        profile1 = Arrays.copyOf(profile1, n);
        profile2 = Arrays.copyOf(profile2, n);
        change = Arrays.copyOf(change, n);
        birthYear = Arrays.copyOf(birthYear, n);
        origin = Arrays.copyOf(origin, n);
        decisionLag1 = Arrays.copyOf(decisionLag1, n);
        decisionLag2 = Arrays.copyOf(decisionLag2, n);
        allocStart = Arrays.copyOf(allocStart, n);
        form = Arrays.copyOf(form, n);
        provider1 = Arrays.copyOf(provider1, n);
        provider2 = Arrays.copyOf(provider2, n);
        switchDay = Arrays.copyOf(switchDay, n);
        waitStatus = Arrays.copyOf(waitStatus, n);
        removed = Arrays.copyOf(removed, n);
        move = Arrays.copyOf(move, n);
        region2 = Arrays.copyOf(region2, n);
        careRegion2 = Arrays.copyOf(careRegion2, n);
        provider3 = Arrays.copyOf(provider3, n);
        decisionLag3 = Arrays.copyOf(decisionLag3, n);
    }

    /** Valid indication (of any profile) on day {@code d}. */
    boolean valid(int c, int d) {
        return !removed[c] && firstFrom[c] <= d && exit[c] >= d;
    }

    /** Profile of the indication valid on day {@code d} (assumes {@link #valid}). */
    int profileOn(int c, int d) {
        return d >= change[c] ? profile2[c] : profile1[c];
    }

    /** In care (an allocation active) on day {@code d}. */
    boolean inCare(int c, int d) {
        return !removed[c] && allocStart[c] <= d && exit[c] >= d;
    }

    /** Indication region on day {@code d}: the new region from the move on. */
    int regionOn(int c, int d) {
        return d >= move[c] ? region2[c] : region[c];
    }

    /** Whether care moves along with the client (it was delivered in the old indication region). */
    boolean careMoves(int c) {
        return move[c] != NONE && careRegion2[c] != careRegion[c];
    }

    int careRegionOn(int c, int d) {
        return d >= move[c] ? careRegion2[c] : careRegion[c];
    }

    int providerOn(int c, int d) {
        if (d >= move[c] && careMoves(c)) {
            return provider3[c];
        }
        return d >= switchDay[c] ? provider2[c] : provider1[c];
    }

    /** Client id: 12 uppercase letters. */
    static String idString(long code) {
        char[] chars = new char[12];
        long v = code;
        for (int i = 11; i >= 0; i--) {
            chars[i] = (char) ('A' + (int) (v % 26));
            v /= 26;
        }
        return new String(chars);
    }

    /** Number of distinct pseudonyms: 26^12. */
    static final long ID_SPACE;

    static {
        long n = 1;
        for (int i = 0; i < 12; i++) {
            n *= 26;
        }
        ID_SPACE = n;
    }
}
