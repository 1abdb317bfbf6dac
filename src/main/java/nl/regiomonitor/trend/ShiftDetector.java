package nl.regiomonitor.trend;

import java.util.List;
import java.util.TreeSet;

import org.apache.commons.math3.distribution.FDistribution;

/**
 * Finds sustained shifts in level by binary segmentation on the Poisson likelihood: in a stretch of months, the
 * split into two phases with the largest likelihood-ratio statistic is kept when it is significant, and both
 * halves are searched again for further shifts.
 *
 * <p>The test for one split, in a stretch of n months:
 * <ul>
 * <li>LR = 2·(ℓ(left) + ℓ(right) − ℓ(whole)), with ℓ = K·ln(K/D) − K for K counts over D denominator units (the
 * Poisson log-likelihood at the phase's rate, without the terms that cancel).</li>
 * <li>Over-dispersion (quasi-Poisson): φ = max(1, X²/(n − 2)), X² Pearson's statistic of the two-phase fit; the
 * statistic LR/φ is referred to F(1, n − 2). Without the correction, extra variation between months would pass
 * for shifts.</li>
 * <li>Each phase has at least {@value #MIN_PHASE} months, so there are m = n − 2·{@value #MIN_PHASE} + 1
 * candidate months; the best of them is tested with Bonferroni's correction, p·m &lt; {@value #ALPHA}, because
 * the largest of m statistics is not an ordinary F-statistic.</li>
 * </ul>
 */
final class ShiftDetector {

    static final int MIN_PHASE = 8;
    static final double ALPHA = 0.05;

    private ShiftDetector() {}

    /** Indices of the first month of every phase, ascending, starting with 0. */
    static List<Integer> phaseStarts(long[] counts, double[] denominators) {
        TreeSet<Integer> starts = new TreeSet<>();
        starts.add(0);
        split(counts, denominators, 0, counts.length, starts);
        return List.copyOf(starts);
    }

    private static void split(long[] k, double[] d, int from, int to, TreeSet<Integer> starts) {
        int n = to - from;
        if (n < 2 * MIN_PHASE) {
            return;
        }
        double whole = logLikelihood(k, d, from, to);
        int best = -1;
        double bestLr = 0;
        for (int s = from + MIN_PHASE; s <= to - MIN_PHASE; s++) {
            double lr = 2 * (logLikelihood(k, d, from, s) + logLikelihood(k, d, s, to) - whole);
            if (lr > bestLr) {
                bestLr = lr;
                best = s;
            }
        }
        if (best < 0) {
            return;
        }
        double phi = Math.max(1, (pearson(k, d, from, best) + pearson(k, d, best, to)) / (n - 2));
        double p = 1 - new FDistribution(null, 1, n - 2).cumulativeProbability(bestLr / phi);
        int candidates = n - 2 * MIN_PHASE + 1;
        if (p * candidates < ALPHA) {
            starts.add(best);
            split(k, d, from, best, starts);
            split(k, d, best, to, starts);
        }
    }

    private static double logLikelihood(long[] k, double[] d, int from, int to) {
        double sumK = 0;
        double sumD = 0;
        for (int i = from; i < to; i++) {
            sumK += k[i];
            sumD += d[i];
        }
        return sumK == 0 ? 0 : sumK * Math.log(sumK / sumD) - sumK;
    }

    /** Pearson's X² of the months in [from, to) around their common rate. */
    static double pearson(long[] k, double[] d, int from, int to) {
        double rate = rate(k, d, from, to);
        if (rate == 0) {
            return 0;
        }
        double x2 = 0;
        for (int i = from; i < to; i++) {
            double expected = rate * d[i];
            x2 += (k[i] - expected) * (k[i] - expected) / expected;
        }
        return x2;
    }

    /** Total count over total denominator of the months in [from, to). */
    static double rate(long[] k, double[] d, int from, int to) {
        double sumK = 0;
        double sumD = 0;
        for (int i = from; i < to; i++) {
            sumK += k[i];
            sumD += d[i];
        }
        return sumK / sumD;
    }
}
