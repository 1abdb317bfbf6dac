package nl.regiomonitor.trend;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class ChiSquaredTest {

    @Test
    void givesExactlyTheValuesOfCommonsMathsChiSquared() {
        for (int df = 1; df <= 400; df++) {
            ChiSquaredDistribution library = new ChiSquaredDistribution(null, df);
            for (double p : new double[] {0.0005, 0.025, 0.05, 0.5, 0.95, 0.975, 0.9995}) {
                assertThat(ChiSquared.inverseCumulativeProbability(df, p))
                        .as("df %d, p %s", df, p)
                        .isEqualTo(library.inverseCumulativeProbability(p));
            }
            for (double x : new double[] {0, 0.5, df / 2.0, df, 2.0 * df + 3}) {
                assertThat(ChiSquared.cumulativeProbability(df, x))
                        .as("df %d, x %s", df, x)
                        .isEqualTo(library.cumulativeProbability(x));
            }
        }
    }
}
