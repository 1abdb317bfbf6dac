package nl.regiomonitor.trend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunRulesTest {

    /**
     * The formula against the published table (Anhøj &amp; Olesen 2014): run limits round(log2(12) + 3) =
     * round(6,58) = 7, round(log2(24) + 3) = round(7,58) = 8 and round(log2(36) + 3) = round(8,17) = 8 as in the
     * table; crossings limits 3 (n = 12) and 8 (n = 24) as in the table, but 13 rather than the table's 12 for
     * n = 36: for Binomial(35, ½), P(X ≤ 12) = 0,0448 &lt; 0,05 ≤ P(X ≤ 13) = 0,0877, so the 5th percentile
     * (R's qbinom, which qicharts2 uses) is 13. The code follows the formula.
     */
    @ParameterizedTest
    @CsvSource({"12, 7, 3", "24, 8, 8", "36, 8, 13", "10, 6, 2", "60, 9, 23"})
    void limitsFollowThePublishedTable(int n, int runLimit, int crossingsLimit) {
        assertThat(RunRules.longestRunLimit(n)).isEqualTo(runLimit);
        assertThat(RunRules.crossingsLimit(n)).isEqualTo(crossingsLimit);
    }

    @Test
    void aSteadyRiseCrossesTheMedianOnce() {
        Runs runs = Runs.analyse(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});

        assertThat(runs.rules()).isEqualTo(new RunRules(6, 7, 1, 3));
        assertThat(runs.rules().signal()).isTrue();
        assertThat(runs.inLongRun()).containsOnly(false);
    }

    @Test
    void pointsOnTheMedianNeitherBreakNorExtendARun() {
        // median 5; the useful points are 1, 1, 9, 1, 9: runs of 2, 1, 1, 1
        Runs runs = Runs.analyse(new double[] {1, 5, 1, 9, 5, 5, 1, 9, 5});

        assertThat(runs.rules().longestRun()).isEqualTo(2);
        assertThat(runs.rules().crossings()).isEqualTo(3);
        assertThat(runs.rules().longestRunLimit()).isEqualTo(RunRules.longestRunLimit(5));
    }

    @Test
    void marksThePointsOfARunLongerThanTheLimit() {
        // 16 points, median 8,5: runs of 1, 8 and 7; the limit for 16 points is round(4 + 3) = 7
        Runs runs = Runs.analyse(new double[] {1, 9, 10, 11, 12, 13, 14, 15, 16, 2, 3, 4, 5, 6, 7, 8});

        assertThat(runs.rules()).isEqualTo(new RunRules(8, 7, 2, 4));
        assertThat(runs.rules().signal()).isTrue();
        assertThat(runs.inLongRun())
                .containsExactly(
                        false, true, true, true, true, true, true, true, true, false, false, false, false, false, false,
                        false);
    }
}
