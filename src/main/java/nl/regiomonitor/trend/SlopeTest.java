package nl.regiomonitor.trend;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Score test for a log-linear trend in a stretch of months: log(rate) = a + b·t, H0: b = 0. Under H0 the rate is
 * r = ΣK/ΣD, and U = Σ (k_t − r·d_t)(t − t̄) with t̄ = Σ d_t·t / Σ d_t has variance r·Σ d_t (t − t̄)², times the
 * dispersion factor φ when the counts vary more than Poisson. z = U/√(φ·Var) is referred to the standard normal
 * distribution. The score test needs no fitting, so it also works for series with many zeros, where the
 * maximum-likelihood slope may not exist.
 *
 * @param z positive for a rise, negative for a fall
 * @param pValue two-sided
 */
record SlopeTest(double z, double pValue) {

    /** @param time each month's position in calendar months, so a month left out of a series keeps its place */
    static SlopeTest of(long[] k, double[] d, double[] time, int from, int to, double dispersion) {
        double rate = ShiftDetector.rate(k, d, from, to);
        double sumD = 0;
        double sumDt = 0;
        for (int t = from; t < to; t++) {
            sumD += d[t];
            sumDt += d[t] * time[t];
        }
        double meanT = sumDt / sumD;
        double score = 0;
        double variance = 0;
        for (int t = from; t < to; t++) {
            score += (k[t] - rate * d[t]) * (time[t] - meanT);
            variance += rate * d[t] * (time[t] - meanT) * (time[t] - meanT);
        }
        if (variance == 0) {
            return new SlopeTest(0, 1);
        }
        double z = score / Math.sqrt(dispersion * variance);
        return new SlopeTest(z, 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z)));
    }
}
