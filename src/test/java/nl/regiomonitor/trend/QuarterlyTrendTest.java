package nl.regiomonitor.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.monitor.PublishedTrend;

/**
 * Issue 15: a region with 1 to 4 new clients a month gets no verdict per month (every month is
 * {@code <5}), but per quarter it does, and that verdict is what an independent computation on the
 * quarterly sums gives: the exact Poisson interval of each quarter (from the gamma distribution, not
 * the chi-squared one the product uses) and Anhøj's limits from the number of quarters off the median.
 */
class QuarterlyTrendTest {

    private static final int THRESHOLD = 5;

    @Test
    void oneToFourAMonthIsJudgedPerQuarterAsAnIndependentComputationDoes() {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            YearMonth first = YearMonth.of(2021, 1);
            List<YearMonth> months = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                months.add(first.plusMonths(i));
                counts.add(1L + random.nextInt(4));
            }
            List<Cell> hidden = counts.stream()
                    .map(n -> Cell.ofClients(n, ProtectionPattern.Mark.PRIMARY, THRESHOLD))
                    .toList();
            PublishedTrend monthly = PublishedTrend.of(months, hidden, THRESHOLD);
            assertThat(monthly.judged()).as("every month <5").isFalse();

            List<YearMonth> quarterEnds = new ArrayList<>();
            List<Long> sums = new ArrayList<>();
            for (int q = 0; q < 16; q++) {
                quarterEnds.add(first.plusMonths(3L * q + 2));
                sums.add(counts.get(3 * q) + counts.get(3 * q + 1) + counts.get(3 * q + 2));
            }
            // a quarter of 3 to 12: shown from 5, <5 below (the trend counts it as 2, as every output does)
            List<Cell> cells = sums.stream()
                    .map(n -> Cell.ofClients(
                            n,
                            n >= THRESHOLD ? ProtectionPattern.Mark.SHOWN : ProtectionPattern.Mark.PRIMARY,
                            THRESHOLD))
                    .toList();
            PublishedTrend quarterly =
                    PublishedTrend.of(quarterEnds, cells, THRESHOLD).per("kwartaal", "kwartalen");
            assertThat(quarterly.judged()).as("seed %d", seed).isTrue();
            assertThat(quarterly.sentence()).doesNotContain("maand");

            List<Long> counted = new ArrayList<>();
            for (int i = 0; i < sums.size(); i++) {
                PublishedTrend.Point point = quarterly.points().get(i);
                long k = sums.get(i);
                if (k < THRESHOLD) {
                    assertThat(point.ciLow()).isNull();
                    counted.add(PublishedTrend.standIn(THRESHOLD));
                    continue;
                }
                counted.add(k);
                double low = new GammaDistribution(null, k, 1).inverseCumulativeProbability(0.025);
                double high = new GammaDistribution(null, k + 1, 1).inverseCumulativeProbability(0.975);
                assertThat(point.clients().value()).isEqualTo(k);
                assertThat(point.ciLow()).isCloseTo(low, Offset.offset(1e-6));
                assertThat(point.ciHigh()).isCloseTo(high, Offset.offset(1e-6));
            }
            // Anhøj over the whole series; quarters on the median do not count
            List<Long> sorted = counted.stream().sorted().toList();
            double median = (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
            List<Integer> sides = counted.stream()
                    .filter(n -> n != median)
                    .map(n -> n > median ? 1 : -1)
                    .toList();
            int longest = 0;
            int run = 0;
            int crossings = 0;
            for (int i = 0; i < sides.size(); i++) {
                boolean same = i > 0 && sides.get(i).equals(sides.get(i - 1));
                run = same ? run + 1 : 1;
                crossings += i > 0 && !same ? 1 : 0;
                longest = Math.max(longest, run);
            }
            int useful = sides.size();
            int crossingsLimit = 0;
            while (new BinomialDistribution(null, useful - 1, 0.5).cumulativeProbability(crossingsLimit) < 0.05) {
                crossingsLimit++;
            }
            RunRules rules = quarterly.rules();
            assertThat(rules.longestRun()).as("seed %d", seed).isEqualTo(longest);
            assertThat(rules.crossings()).isEqualTo(crossings);
            assertThat(rules.longestRunLimit()).isEqualTo((int) Math.round(Math.log(useful) / Math.log(2) + 3));
            assertThat(rules.crossingsLimit()).isEqualTo(crossingsLimit);
            assertThat(quarterly.verdict()).isNotNull();
        }
    }
}
