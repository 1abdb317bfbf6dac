package nl.regiomonitor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.trend.MonthlyCount;
import nl.regiomonitor.trend.Phase;
import nl.regiomonitor.trend.TrendAnalysis;
import nl.regiomonitor.trend.TrendPoint;
import nl.regiomonitor.trend.TrendResult;
import nl.regiomonitor.trend.TrendWindow;

/** The replay audit on a hand-built series with two hidden months, as in the ZK01 example (2024-08 and 2024-09). */
class TrendReplayAuditTest {

    private static final int THRESHOLD = 5;
    private static final long[] COUNTS = {9, 7, 11, 8, 10, 6, 4, 4, 12, 9, 7, 10, 8, 11};

    /**
     * The method before issue 13: judged on the true counts of any window asked; a hidden month shown without
     * value, interval or signal, and a phase's level only when no month of the phase is hidden.
     */
    static Object oldMethod(List<YearMonth> months, List<Long> counts, List<Cell> cells) {
        List<MonthlyCount> series = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            series.add(MonthlyCount.of(months.get(i), counts.get(i)));
        }
        TrendResult result = TrendAnalysis.analyse(series);
        List<Object> published = new ArrayList<>(
                List.of(result.verdict(), String.valueOf(result.since()), result.laney(), result.rules()));
        for (Phase phase : result.phases()) {
            boolean hiddenIn = false;
            for (int i = 0; i < months.size(); i++) {
                hiddenIn |= cells.get(i).suppressed()
                        && !months.get(i).isBefore(phase.from())
                        && !months.get(i).isAfter(phase.to());
            }
            published.add(List.of(phase.from(), phase.to(), phase.rules(), hiddenIn ? "" : phase.centre()));
            for (int i = 0; i < months.size(); i++) {
                if (!cells.get(i).suppressed()
                        && !months.get(i).isBefore(phase.from())
                        && !months.get(i).isAfter(phase.to())) {
                    TrendPoint p = result.points().get(i);
                    published.add(List.of(p.signal(), hiddenIn ? "" : p.ucl()));
                }
            }
        }
        return published;
    }

    static Object newMethod(List<YearMonth> months, List<Long> counts, List<Cell> cells) {
        return TrendReplayAudit.published(PublishedTrend.of(months, cells, THRESHOLD));
    }

    @Test
    void findsTheWindowReplayLeakOfTheOldMethodAndNoneInThePublishedTrend() {
        List<YearMonth> months = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < COUNTS.length; i++) {
            months.add(YearMonth.of(2024, 1).plusMonths(i));
            counts.add(COUNTS[i]);
            cells.add(COUNTS[i] < THRESHOLD ? new Cell(null, true, "<" + THRESHOLD) : Cell.ofCount(COUNTS[i]));
        }
        // the old product judged any window a caller asked for
        List<TrendWindow> anyWindow = new ArrayList<>();
        for (int from = 0; from < months.size(); from++) {
            for (int to = from; to < months.size(); to++) {
                anyWindow.add(new TrendWindow(from + "-" + to, months.get(from), months.get(to), ""));
            }
        }

        TrendReplayAudit.Report old =
                TrendReplayAudit.audit(months, counts, cells, THRESHOLD, anyWindow, TrendReplayAuditTest::oldMethod);
        // as in the issue: the windows together pin both hidden months at 4
        assertThat(old.findings())
                .hasSize(2)
                .allSatisfy(f -> assertThat(f.survivors()).containsExactly(4L));
        assertThat(old.pinned()).isEqualTo(2);

        TrendReplayAudit.Report published =
                TrendReplayAudit.audit(months, counts, cells, THRESHOLD, anyWindow, TrendReplayAuditTest::newMethod);
        assertThat(published.findings())
                .hasSize(2)
                .allSatisfy(f -> assertThat(f.survivors()).containsExactly(1L, 2L, 3L, 4L));
        assertThat(published.pinned()).isZero();
        assertThat(published.narrowed()).isZero();
    }

    @Test
    void twoHiddenMonthsAloneInAWindowAreEqualByTheirRunCounts() {
        // the example: run counts 0/0/0/0 in a window of two hidden months tell they are equal
        List<YearMonth> months = List.of(YearMonth.of(2024, 8), YearMonth.of(2024, 9));
        Cell hidden = new Cell(null, true, "<" + THRESHOLD);
        TrendWindow window = new TrendWindow("2", months.get(0), months.get(1), "");
        List<Long> equal = List.of(3L, 3L);
        TrendReplayAudit.Report report = TrendReplayAudit.audit(
                months, equal, List.of(hidden, hidden), THRESHOLD, List.of(window), TrendReplayAuditTest::oldMethod);
        // one at a time, the other held at its true value, each is pinned; every pair of equal values fits, so combined
        // it is not
        assertThat(report.findings()).allSatisfy(f -> {
            assertThat(f.exhaustive()).isTrue();
            assertThat(f.survivors()).containsExactly(1L, 2L, 3L, 4L);
        });
    }
}
