package nl.regiomonitor.trend;

import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * The χ² distribution as the gamma distribution it is (shape df/2, scale 2). commons-math3's
 * {@code ChiSquaredDistribution} builds its gamma with a new, seeded Well19937c random generator on every
 * construction, even when given none: that seeding took a tenth of the test suite's CPU. Same values: the
 * chi-squared class only delegates to this gamma.
 */
final class ChiSquared {

    private ChiSquared() {}

    static double cumulativeProbability(double degreesOfFreedom, double x) {
        return of(degreesOfFreedom).cumulativeProbability(x);
    }

    static double inverseCumulativeProbability(double degreesOfFreedom, double p) {
        return of(degreesOfFreedom).inverseCumulativeProbability(p);
    }

    private static GammaDistribution of(double degreesOfFreedom) {
        // no random generator (null): the distribution is only evaluated, never sampled
        return new GammaDistribution(null, degreesOfFreedom / 2, 2);
    }
}
