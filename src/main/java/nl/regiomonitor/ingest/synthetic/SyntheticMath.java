package nl.regiomonitor.ingest.synthetic;

/** Small numeric helpers of the generator. */
final class SyntheticMath {

    private SyntheticMath() {}

    /** SplitMix64 finaliser: a fixed, well-mixing bijection on 64-bit values. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A value in [0, 1) determined by {@code key} and {@code salt} only. */
    static double unit(long key, long salt) {
        return (mix64(key ^ mix64(salt * 0x9E3779B97F4A7C15L)) >>> 11) * 0x1.0p-53;
    }

    /** Cumulative weights, normalised so the last entry is exactly 1. */
    static double[] cumulative(double[] weights) {
        double total = 0;
        for (double w : weights) {
            if (w < 0 || Double.isNaN(w)) {
                throw new IllegalArgumentException("negative weight");
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("all weights zero");
        }
        double[] cum = new double[weights.length];
        double run = 0;
        for (int i = 0; i < weights.length; i++) {
            run += weights[i];
            cum[i] = run / total;
        }
        cum[weights.length - 1] = 1.0;
        return cum;
    }

    /** Index i with cum[i-1] ≤ u < cum[i], skipping zero-weight entries. */
    static int pick(double[] cum, double u) {
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < cum[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * True if {@code digits} (exactly nine ASCII digits) passes the Dutch BSN elfproef:
     * 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11, and not all zeros.
     */
    static boolean passesElfproef(CharSequence digits) {
        if (digits.length() != 9) {
            return false;
        }
        int sum = 0;
        boolean allZero = true;
        for (int i = 0; i < 9; i++) {
            int d = digits.charAt(i) - '0';
            allZero &= d == 0;
            sum += i < 8 ? (9 - i) * d : -d;
        }
        return !allZero && sum % 11 == 0;
    }
}
