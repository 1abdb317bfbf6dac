package nl.regiomonitor.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoublePredicate;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PoissonIntervalTest {

    /**
     * The interval's definition, checked without the χ² quantiles the code uses: the lower limit L is the mean at
     * which P(X ≥ k) = 0,025, the upper limit U the mean at which P(X ≤ k) = 0,025; both found by bisection on
     * the Poisson distribution function.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 4, 10, 100})
    void garwoodLimitsAreThePoissonMeansWithTwoAndAHalfPercentInTheTail(long k) {
        PoissonInterval interval = PoissonInterval.garwood(k, 0.95);

        double lower = k == 0 ? 0 : bisect(mean -> 1 - poisson(mean).cumulativeProbability((int) k - 1) >= 0.025);
        double upper = bisect(mean -> poisson(mean).cumulativeProbability((int) k) <= 0.025);
        assertThat(interval.low()).isCloseTo(lower, within(1e-6));
        assertThat(interval.high()).isCloseTo(upper, within(1e-6));
    }

    @ParameterizedTest
    @CsvSource({"0, 0, 3.689", "1, 0.0253, 5.572", "4, 1.090, 10.242", "10, 4.795, 18.390"})
    void garwoodMatchesThePublishedTable(long k, double low, double high) {
        PoissonInterval interval = PoissonInterval.garwood(k, 0.95);

        assertThat(interval.low()).isCloseTo(low, within(5e-4));
        assertThat(interval.high()).isCloseTo(high, within(5e-4));
    }

    @Test
    void aWiderConfidenceGivesAWiderInterval() {
        PoissonInterval ninety = PoissonInterval.garwood(10, 0.90);
        PoissonInterval ninetyNine = PoissonInterval.garwood(10, 0.99);

        assertThat(ninetyNine.low()).isLessThan(ninety.low());
        assertThat(ninetyNine.high()).isGreaterThan(ninety.high());
    }

    @Test
    void refusesANegativeCountOrAnImpossibleConfidence() {
        assertThatThrownBy(() -> PoissonInterval.garwood(-1, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoissonInterval.garwood(3, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoissonInterval.garwood(3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PoissonDistribution poisson(double mean) {
        return new PoissonDistribution(mean);
    }

    /** The smallest mean in (0, 1000) for which {@code reached} holds; {@code reached} must be monotone. */
    private static double bisect(DoublePredicate reached) {
        double below = 1e-9;
        double above = 1000;
        while (above - below > 1e-10) {
            double middle = (below + above) / 2;
            if (reached.test(middle)) {
                above = middle;
            } else {
                below = middle;
            }
        }
        return (below + above) / 2;
    }
}
