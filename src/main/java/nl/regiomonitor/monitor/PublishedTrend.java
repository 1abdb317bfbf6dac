package nl.regiomonitor.monitor;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.trend.MonthlyCount;
import nl.regiomonitor.trend.PoissonInterval;
import nl.regiomonitor.trend.RunRules;
import nl.regiomonitor.trend.TrendAnalysis;
import nl.regiomonitor.trend.TrendPoint;
import nl.regiomonitor.trend.TrendResult;
import nl.regiomonitor.trend.Verdict;

/**
 * A judgement as it may be published. It is computed on the published cells of the series only, so
 * nothing it says (verdict, since, Laney, run counts, phases, centre lines, limits, signals, stable
 * level, sentence) can depend on a count the cells hide, whatever window it is asked for:
 * <ul>
 * <li>a shown month counts with its value;</li>
 * <li>a {@code <threshold} month counts as {@link #standIn(int)}: the midpoint of 1..threshold−1 rounded
 * down to a whole count (2 for {@code <5}), the same for every such month, as the statistics need whole
 * counts and the label is all that is known;</li>
 * <li>an {@code x} month (hidden to protect another cell, its value unknown and maybe large) is left out
 * of the statistics; it lies on the chart inside its phase;</li>
 * <li>when more than a third of the months are hidden, a judgement would rest more on stand-ins than on
 * counts: there is then no verdict, only a sentence that says why.</li>
 * </ul>
 * For people with the right to see unprotected figures, {@link #unprotected} judges the true counts.
 */
public final class PublishedTrend {

    /** At most this share of a window's months may be hidden for a verdict: one in three. */
    static final int MAX_HIDDEN_DIVISOR = 3;

    private final List<Cell> counts;
    private final int threshold;
    /** The judgement of the months counted, null when there is none. */
    private final TrendResult result;
    /** One point per month of the window, for the chart; a hidden month's values are not published. */
    private final List<TrendPoint> chart;

    private final boolean[] levelShown;
    /** How the sentence names a point: a month, unless the series is of quarters or years. */
    private final UnaryOperator<String> wording;

    private PublishedTrend(
            List<Cell> counts, int threshold, TrendResult result, List<TrendPoint> chart, boolean[] levelShown) {
        this(counts, threshold, result, chart, levelShown, UnaryOperator.identity());
    }

    private PublishedTrend(
            List<Cell> counts,
            int threshold,
            TrendResult result,
            List<TrendPoint> chart,
            boolean[] levelShown,
            UnaryOperator<String> wording) {
        this.counts = List.copyOf(counts);
        this.threshold = threshold;
        this.result = result;
        this.chart = List.copyOf(chart);
        this.levelShown = levelShown;
        this.wording = wording;
    }

    /** The same judgement of a series whose points are {@code singular} / {@code plural} ("kwartaal", "kwartalen") rather than months. */
    public PublishedTrend per(String singular, String plural) {
        return new PublishedTrend(
                counts,
                threshold,
                result,
                chart,
                levelShown,
                s -> s.replace("per maand", "per " + singular).replace("maanden", plural));
    }

    /** The count a {@code <threshold} month stands for in the published statistics. */
    public static long standIn(int threshold) {
        return threshold / 2;
    }

    /**
     * The judgement of a series as published.
     *
     * @param months the months of the window, consecutive
     * @param cells each month's published cell
     * @param threshold the smallest count shown
     */
    public static PublishedTrend of(List<YearMonth> months, List<Cell> cells, int threshold) {
        if (months.size() != cells.size()) {
            throw new IllegalArgumentException("Een cel per maand nodig");
        }
        String primary = "<" + threshold;
        List<MonthlyCount> counted = new ArrayList<>();
        List<Integer> countedIndex = new ArrayList<>();
        int hidden = 0;
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            hidden += cell.suppressed() ? 1 : 0;
            if (!cell.suppressed() || primary.equals(cell.display())) {
                counted.add(MonthlyCount.of(months.get(i), cell.suppressed() ? standIn(threshold) : cell.value()));
                countedIndex.add(i);
            }
        }
        int n = months.size();
        boolean[] levelShown = new boolean[n];
        List<TrendPoint> chart = new ArrayList<>(n);
        if (n == 0 || hidden * MAX_HIDDEN_DIVISOR > n) {
            for (int i = 0; i < n; i++) {
                Cell cell = cells.get(i);
                long value = cell.suppressed() ? 0 : cell.value();
                PoissonInterval ci = PoissonInterval.garwood95(value);
                chart.add(new TrendPoint(months.get(i), value, ci.low(), ci.high(), 0, 0, 0, false, 0, 0, 0));
            }
            return new PublishedTrend(cells, threshold, null, chart, levelShown);
        }
        TrendResult result = TrendAnalysis.analyseWithGaps(counted);
        int next = 0;
        TrendPoint previous = null;
        for (int i = 0; i < n; i++) {
            YearMonth month = months.get(i);
            if (next < countedIndex.size() && countedIndex.get(next) == i) {
                previous = result.points().get(next++);
                chart.add(previous);
                levelShown[i] = true;
            } else {
                // an x month between two counted months of one phase lies on that phase's lines
                boolean inPhase = previous != null
                        && result.phases().stream().anyMatch(p -> !month.isBefore(p.from()) && !month.isAfter(p.to()));
                TrendPoint p = previous;
                chart.add(
                        inPhase
                                ? new TrendPoint(
                                        month,
                                        0,
                                        0,
                                        0,
                                        p.centre(),
                                        p.lcl(),
                                        p.ucl(),
                                        false,
                                        p.centreCount(),
                                        p.lclCount(),
                                        p.uclCount())
                                : new TrendPoint(month, 0, 0, 0, 0, 0, 0, false, 0, 0, 0));
                levelShown[i] = inPhase;
            }
        }
        return new PublishedTrend(cells, threshold, result, chart, levelShown);
    }

    /** The judgement of the true counts, every count shown: for people with the right to see unprotected figures, not for publication. */
    public static PublishedTrend unprotected(List<MonthlyCount> series) {
        TrendResult result = TrendAnalysis.analyse(series);
        boolean[] levelShown = new boolean[series.size()];
        Arrays.fill(levelShown, true);
        return new PublishedTrend(
                series.stream().map(m -> Cell.ofCount(m.count())).toList(), 0, result, result.points(), levelShown);
    }

    @Schema(
            description =
                    "Een maand van de reeks zoals gepubliceerd: het aantal als cel ('<5' of 'x' zonder waarde als het "
                            + "verborgen is), met interval en signaal alleen als het aantal getoond wordt, en middellijn en grenzen van de fase "
                            + "als er een oordeel is")
    public record Point(
            @Schema(description = "Maand, jjjj-mm") YearMonth month,
            Cell clients,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "Ondergrens 95%-interval (Garwood); leeg als verborgen")
            Double ciLow,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "Bovengrens 95%-interval; leeg als verborgen")
            Double ciHigh,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "Buiten de grenzen of in een te lange reeks; leeg als verborgen of zonder oordeel")
            Boolean signal,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "Middellijn van de fase; leeg zonder oordeel")
            Double centre,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "Onderste controlegrens; leeg zonder oordeel")
            Double lcl,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "Bovenste controlegrens; leeg zonder oordeel")
            Double ucl) {}

    @Schema(description = "Een fase met één niveau (gemiddelde per maand), met de regels van Anhøj binnen de fase")
    public record PhaseLevel(YearMonth from, YearMonth to, Double centre, RunRules rules) {}

    /** Whether there is a judgement: false when too many months are hidden. */
    public boolean judged() {
        return result != null;
    }

    public List<PhaseLevel> phases() {
        return result == null
                ? List.of()
                : result.phases().stream()
                        .map(p -> new PhaseLevel(p.from(), p.to(), p.centre(), p.rules()))
                        .toList();
    }

    /** The verdict, or null without a judgement. */
    public Verdict verdict() {
        return result == null ? null : result.verdict();
    }

    /** Anhøj's rules on the months counted, or null without a judgement. */
    public RunRules rules() {
        return result == null ? null : result.rules();
    }

    public YearMonth since() {
        return result == null ? null : result.since();
    }

    /** Whether the limits are widened for over-dispersion; null without a judgement. */
    public Boolean laney() {
        return result == null ? null : result.laney();
    }

    /** The stable level per month, when there is one. */
    public Double stableLevel() {
        return result == null ? null : result.stableLevel();
    }

    public String sentence() {
        return wording.apply(monthlySentence());
    }

    private String monthlySentence() {
        if (counts.isEmpty()) {
            return "Geen gegevens in deze periode.";
        }
        if (result == null) {
            long hidden = counts.stream().filter(Cell::suppressed).count();
            return "Te veel maanden met kleine aantallen voor een oordeel over deze periode (" + hidden + " van de "
                    + counts.size() + " maanden niet getoond); kies een langere periode of een groter gebied.";
        }
        return result.sentence();
    }

    public List<Cell> counts() {
        return counts;
    }

    public int threshold() {
        return threshold;
    }

    /** Whether month {@code i}'s count is hidden. */
    public boolean hidden(int i) {
        return counts.get(i).suppressed();
    }

    /** Whether month {@code i} has a phase level to show: there is a judgement and the month lies within a phase. */
    public boolean levelShown(int i) {
        return levelShown[i];
    }

    /** One point per month for the chart; of a hidden month only the month, and the level where {@link #levelShown}. */
    public List<TrendPoint> chartPoints() {
        return chart;
    }

    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            TrendPoint p = chart.get(i);
            boolean shown = !hidden(i);
            boolean level = levelShown[i];
            points.add(new Point(
                    p.month(),
                    counts.get(i),
                    shown ? p.ciLow() : null,
                    shown ? p.ciHigh() : null,
                    shown && result != null ? p.signal() : null,
                    level ? p.centre() : null,
                    level ? p.lcl() : null,
                    level ? p.ucl() : null));
        }
        return points;
    }
}
