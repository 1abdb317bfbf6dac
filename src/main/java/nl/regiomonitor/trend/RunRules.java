package nl.regiomonitor.trend;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Anhøj's run-chart rules (Anhøj &amp; Olesen 2014) for the points of a series that do not lie on the median.
 * With n such points, a run (consecutive points on one side of the median) longer than
 * {@code round(log2(n) + 3)} or fewer crossings of the median than the 5th percentile of Binomial(n − 1, ½)
 * signals a non-random pattern, such as a shift or a trend.
 */
public record RunRules(int longestRun, int longestRunLimit, int crossings, int crossingsLimit) {

    /** True when the longest run is too long or the median is crossed too rarely for random variation. */
    public boolean signal() {
        return longestRun > longestRunLimit || crossings < crossingsLimit;
    }

    public static int longestRunLimit(int usefulPoints) {
        return usefulPoints == 0 ? 0 : (int) Math.round(Math.log(usefulPoints) / Math.log(2) + 3);
    }

    static int crossingsLimit(int usefulPoints) {
        return usefulPoints == 0
                ? 0
                : new BinomialDistribution(null, usefulPoints - 1, 0.5).inverseCumulativeProbability(0.05);
    }
}
