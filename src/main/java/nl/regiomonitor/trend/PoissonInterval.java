package nl.regiomonitor.trend;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A two-sided confidence interval for the mean of a Poisson count. */
public record PoissonInterval(double low, double high) {

    private static final long MEMO_LIMIT = 100_000;
    private static final Map<Long, PoissonInterval> NINETY_FIVE = new ConcurrentHashMap<>();

    /**
     * {@link #garwood}'s 95 % interval, worked out once per count: it takes two iterative quantiles, and every build
     * of a publication, every page and every audit asks it for the same counts again.
     */
    public static PoissonInterval garwood95(long k) {
        return k >= 0 && k < MEMO_LIMIT ? NINETY_FIVE.computeIfAbsent(k, c -> garwood(c, 0.95)) : garwood(k, 0.95);
    }

    /**
     * Garwood's (1936) exact interval: low = ½·χ²(α/2; 2k) (0 when k = 0), high = ½·χ²(1−α/2; 2k+2), with
     * α = 1 − confidence. "Exact" means it never covers less than the stated confidence, which matters for the
     * small counts of a region where the normal approximation k ± 1,96·√k fails (it gives 0 ± 0 for k = 0).
     */
    public static PoissonInterval garwood(long k, double confidence) {
        if (k < 0) {
            throw new IllegalArgumentException("k < 0: " + k);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie strictly between 0 and 1: " + confidence);
        }
        double alpha = 1 - confidence;
        double low = k == 0 ? 0 : ChiSquared.inverseCumulativeProbability(2.0 * k, alpha / 2) / 2;
        double high = ChiSquared.inverseCumulativeProbability(2.0 * k + 2, 1 - alpha / 2) / 2;
        return new PoissonInterval(low, high);
    }
}
