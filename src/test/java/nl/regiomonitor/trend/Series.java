package nl.regiomonitor.trend;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** Constructed monthly series with a fixed seed, starting in January 2022. */
final class Series {

    static final YearMonth START = YearMonth.of(2022, 1);

    private Series() {}

    /** Poisson counts with the given mean in month i (0-based). */
    static List<MonthlyCount> poisson(long seed, int months, IntToDoubleFunction mean) {
        RandomGenerator rng = new Well19937c(seed);
        List<MonthlyCount> series = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            series.add(MonthlyCount.of(START.plusMonths(i), draw(rng, mean.applyAsDouble(i))));
        }
        return series;
    }

    /**
     * Over-dispersed counts: each month's mean is itself drawn from a gamma distribution with the given mean and
     * coefficient of variation, then the count is Poisson around it (a negative binomial series).
     */
    static List<MonthlyCount> overDispersed(long seed, int months, double mean, double cv) {
        RandomGenerator rng = new Well19937c(seed);
        double shape = 1 / (cv * cv);
        GammaDistribution gamma = new GammaDistribution(rng, shape, mean / shape);
        List<MonthlyCount> series = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            series.add(MonthlyCount.of(START.plusMonths(i), draw(rng, gamma.sample())));
        }
        return series;
    }

    /** Poisson counts at rate(i) × denominator(i), with the denominator given (a u-chart series). */
    static List<MonthlyCount> rates(long seed, int months, IntToDoubleFunction rate, IntToDoubleFunction denominator) {
        RandomGenerator rng = new Well19937c(seed);
        List<MonthlyCount> series = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            double d = denominator.applyAsDouble(i);
            series.add(new MonthlyCount(START.plusMonths(i), draw(rng, rate.applyAsDouble(i) * d), d));
        }
        return series;
    }

    /** The same months and counts without denominators (a c-chart series). */
    static List<MonthlyCount> withoutDenominators(List<MonthlyCount> series) {
        return series.stream().map(m -> MonthlyCount.of(m.month(), m.count())).toList();
    }

    static List<MonthlyCount> counts(long... counts) {
        List<MonthlyCount> series = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            series.add(MonthlyCount.of(START.plusMonths(i), counts[i]));
        }
        return series;
    }

    private static long draw(RandomGenerator rng, double mean) {
        return new PoissonDistribution(
                        rng, mean, PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS)
                .sample();
    }
}
