package nl.regiomonitor.monitor;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.trend.TrendWindow;

/**
 * The audit of derived statistics by replay: an outsider who knows the method and every published
 * cell and statistic tries each candidate value of a hidden month and keeps the values that give back
 * everything published. A {@code <threshold} month is safe when at least three of its candidates
 * 1..threshold−1 survive (the same rule as for table cells); one survivor pins it, two narrow it.
 *
 * <p>How: for a {@code <threshold} month the candidates are first tried one at a time, the other months
 * at their true values. That finds a subset of the surviving values, so three or more settle it. Fewer
 * are checked by trying every combination of the hidden months of the windows that contain the month:
 * {@code <threshold} months over 1..threshold−1, other hidden months ({@code x}, at least the threshold)
 * over threshold..2·threshold−1 and their true value; when there are more than {@value #MAX_COMBINED}
 * such months the one-at-a-time result stands, which can only overstate a leak.
 */
public final class TrendReplayAudit {

    /** The most hidden months tried in every combination. */
    static final int MAX_COMBINED = 6;

    /**
     * What a method publishes about one window of a series, as a value: two calls give equal values
     * exactly when an outsider cannot tell their outputs apart.
     */
    @FunctionalInterface
    public interface Method {
        Object publish(List<YearMonth> months, List<Long> counts, List<Cell> cells);
    }

    /**
     * One {@code <threshold} month and the candidate values that reproduce everything published.
     *
     * @param exhaustive whether every combination was tried; if not, {@code survivors} is a lower bound
     */
    public record Finding(YearMonth month, List<Long> survivors, boolean exhaustive) {
        public boolean pinned() {
            return survivors.size() == 1;
        }

        public boolean narrowed() {
            return survivors.size() == 2;
        }
    }

    public record Report(List<Finding> findings) {
        public long pinned() {
            return findings.stream().filter(Finding::pinned).count();
        }

        public long narrowed() {
            return findings.stream().filter(Finding::narrowed).count();
        }

        public Report plus(Report other) {
            List<Finding> all = new ArrayList<>(findings);
            all.addAll(other.findings);
            return new Report(all);
        }
    }

    private final List<YearMonth> months;
    private final List<Long> counts;
    private final List<Cell> cells;
    private final int threshold;
    private final List<int[]> windows = new ArrayList<>();
    private final List<Object> published = new ArrayList<>();
    private final Method method;

    private TrendReplayAudit(
            List<YearMonth> months,
            List<Long> counts,
            List<Cell> cells,
            int threshold,
            List<TrendWindow> windows,
            Method method) {
        this.months = months;
        this.counts = counts;
        this.cells = cells;
        this.threshold = threshold;
        this.method = method;
        for (TrendWindow w : windows) {
            int from = months.indexOf(w.from());
            int to = months.indexOf(w.to());
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("Periode " + w.from() + " t/m " + w.to() + " valt buiten de reeks");
            }
            this.windows.add(new int[] {from, to + 1});
            this.published.add(publish(this.windows.get(this.windows.size() - 1), counts));
        }
    }

    /**
     * Replays {@code method} over {@code windows} of a series.
     *
     * @param counts the true counts, one per month
     * @param cells the published cells, one per month
     */
    public static Report audit(
            List<YearMonth> months,
            List<Long> counts,
            List<Cell> cells,
            int threshold,
            List<TrendWindow> windows,
            Method method) {
        if (months.size() != counts.size() || months.size() != cells.size()) {
            throw new IllegalArgumentException("Een aantal en een cel per maand nodig");
        }
        TrendReplayAudit audit = new TrendReplayAudit(
                List.copyOf(months), List.copyOf(counts), List.copyOf(cells), threshold, windows, method);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            if (audit.primary(i)) {
                findings.add(audit.check(i));
            }
        }
        return new Report(findings);
    }

    private boolean primary(int i) {
        return cells.get(i).suppressed()
                && ("<" + threshold).equals(cells.get(i).display());
    }

    private Finding check(int month) {
        List<Integer> touching = windowsContaining(List.of(month));
        TreeSet<Long> survivors = new TreeSet<>();
        for (long v = 1; v < threshold; v++) {
            List<Long> trial = new ArrayList<>(counts);
            trial.set(month, v);
            // the true value reproduces everything by definition
            if (v == counts.get(month) || reproduces(touching, trial)) {
                survivors.add(v);
            }
        }
        if (survivors.size() >= 3) {
            return new Finding(months.get(month), List.copyOf(survivors), false);
        }
        List<Integer> hidden = new ArrayList<>();
        for (int w : touching) {
            for (int i = windows.get(w)[0]; i < windows.get(w)[1]; i++) {
                if (cells.get(i).suppressed() && !hidden.contains(i)) {
                    hidden.add(i);
                }
            }
        }
        if (hidden.size() > MAX_COMBINED) {
            return new Finding(months.get(month), List.copyOf(survivors), false);
        }
        List<List<Long>> candidates = hidden.stream().map(this::candidates).toList();
        List<Integer> affected = windowsContaining(hidden);
        int[] choice = new int[hidden.size()];
        List<Long> trial = new ArrayList<>(counts);
        while (true) {
            for (int h = 0; h < hidden.size(); h++) {
                trial.set(hidden.get(h), candidates.get(h).get(choice[h]));
            }
            if (reproduces(affected, trial)) {
                survivors.add(trial.get(month));
            }
            int h = 0;
            while (h < choice.length && ++choice[h] == candidates.get(h).size()) {
                choice[h++] = 0;
            }
            if (h == choice.length) {
                break;
            }
        }
        return new Finding(months.get(month), List.copyOf(survivors), true);
    }

    private List<Long> candidates(int i) {
        TreeSet<Long> values = new TreeSet<>();
        if (primary(i)) {
            for (long v = 1; v < threshold; v++) {
                values.add(v);
            }
        } else {
            for (long v = threshold; v < 2L * threshold; v++) {
                values.add(v);
            }
            values.add(counts.get(i));
        }
        return List.copyOf(values);
    }

    private List<Integer> windowsContaining(List<Integer> monthIndexes) {
        List<Integer> touching = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            int[] window = windows.get(w);
            if (monthIndexes.stream().anyMatch(i -> i >= window[0] && i < window[1])) {
                touching.add(w);
            }
        }
        return touching;
    }

    private boolean reproduces(List<Integer> windowIndexes, List<Long> trial) {
        for (int w : windowIndexes) {
            if (!Objects.equals(publish(windows.get(w), trial), published.get(w))) {
                return false;
            }
        }
        return true;
    }

    private Object publish(int[] window, List<Long> values) {
        return method.publish(
                months.subList(window[0], window[1]),
                values.subList(window[0], window[1]),
                cells.subList(window[0], window[1]));
    }

    /** What {@link PublishedTrend} publishes about a window: every statistic of the API answer, the chart and the sentence. */
    public static Object published(PublishedTrend trend) {
        return List.of(
                String.valueOf(trend.points()),
                String.valueOf(trend.phases()),
                String.valueOf(trend.rules()),
                String.valueOf(trend.verdict()),
                String.valueOf(trend.since()),
                String.valueOf(trend.laney()),
                String.valueOf(trend.stableLevel()),
                trend.sentence(),
                TrendChart.svg(trend, "", null, "a"));
    }
}
