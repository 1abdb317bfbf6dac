package nl.regiomonitor.trend;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Judges whether a monthly series of small counts really changed. Pure computation: no database, no web.
 *
 * <h2>Steps</h2>
 * <ol>
 * <li>Garwood's exact 95% interval for every count ({@link PoissonInterval}).</li>
 * <li>Phases: sustained shifts in level are found by {@link ShiftDetector} (binary segmentation on the Poisson
 * likelihood, phases of at least 8 months, quasi-Poisson F-test with Bonferroni's correction, α = 0,05).</li>
 * <li>Per phase a c-chart (counts; centre c̄ = mean count, σ = √c̄) or, when the months have a denominator, a
 * u-chart (rates; centre ū = ΣK/ΣD, σ_i = √(ū/d_i)), limits centre ± 3σ, the lower limit floored at 0
 * (Montgomery).</li>
 * <li>Over-dispersion and Laney's correction: z_i = (y_i − centre)/σ_i with y_i = k_i/d_i; σ_z = mean moving
 * range of z / 1,128, moving ranges taken within a phase only (a jump between phases is not noise) and pooled
 * over all phases (a phase of 8 months has too few moving ranges to estimate σ_z alone). The series counts as
 * over-dispersed when σ_z &gt; 1 <em>and</em> Pearson's dispersion test around the phase centres rejects
 * Poisson variation (X² = Σ (k_i − μ_i)²/μ_i against χ² with n − number of phases degrees of freedom,
 * p &lt; 0,05). Both are required: σ_z alone exceeds 1 by chance in about half of all Poisson series, the
 * χ² test alone also reacts to a trend left inside a phase. Then the limits become centre ± 3·σ_i·σ_z (u′ or c′
 * chart) and the trend test below uses dispersion factor σ_z².</li>
 * <li>Anhøj's run rules ({@link RunRules}) on the whole series against its median (the result's
 * {@code rules}) and within every phase against the phase's median (the phase's {@code rules} and the points'
 * {@code signal}). A u-chart's rules look at the rates, so a growing population does not pass for a rise.</li>
 * <li>Direction of change where there is no phase split: {@link SlopeTest}, a score test for a log-linear trend,
 * α = 0,05.</li>
 * </ol>
 *
 * <h2>Verdict</h2>
 * A phase <em>looks stable</em> when it has no Anhøj signal within itself, no point beyond its limits and no
 * significant log-linear slope. The rules, in order (the first that applies):
 * <table>
 * <caption>Which rule gives which verdict</caption>
 * <tr><th>#</th><th>condition</th><th>verdict</th><th>since</th><th>stableLevel</th></tr>
 * <tr><td>1</td><td>fewer than {@value #MIN_POINTS} months</td><td>GEEN_SIGNAAL</td><td>null</td>
 * <td>null</td></tr>
 * <tr><td>2</td><td>a phase split, the last phase's centre below the one before</td><td>DALEND</td>
 * <td>first month of the last phase</td><td rowspan="2">centre of the last phase if it has at least
 * {@value #MIN_STABLE_PHASE} months and looks stable, else null</td></tr>
 * <tr><td>3</td><td>a phase split, the last phase's centre above the one before</td><td>STIJGEND</td>
 * <td>first month of the last phase</td></tr>
 * <tr><td>4</td><td>no split, the series looks stable</td><td>STABIEL</td><td>null</td><td>the centre</td></tr>
 * <tr><td>5</td><td>no split, an Anhøj signal or a point beyond the limits, and a significant slope</td>
 * <td>DALEND (slope &lt; 0) or STIJGEND (slope &gt; 0)</td><td>first month of the series</td><td>null</td></tr>
 * <tr><td>6</td><td>no split, otherwise: a chart signal without a significant slope (an outlier, a temporary
 * bump), or a significant slope the chart's rules do not confirm</td><td>GEEN_SIGNAAL</td><td>null</td>
 * <td>null</td></tr>
 * </table>
 * Why these choices: 12 months is the usual minimum for a baseline and lets Anhøj's rules detect a shift of
 * half the series; a stable level is only named when the last phase has a year of data that shows nothing but
 * chance, so a decline that goes on within the last phase gets "nog geen stabiel niveau" rather than a level
 * that is already out of date. Rule 5 asks for both a chart signal and a slope, so flat data give a false
 * direction only when two tests err together; rule 6 keeps a lone outlier or a slope the chart does not confirm
 * from being called a change or stability.
 *
 * <p>{@code stableLevel} and the phases' and points' centre lines are on the chart's scale: counts per month for
 * a c-chart, rates per denominator unit for a u-chart.
 */
public final class TrendAnalysis {

    /** Fewer months than this give {@link Verdict#GEEN_SIGNAAL}. */
    public static final int MIN_POINTS = 12;

    /** The last phase needs at least this many months before its centre is called a stable level. */
    public static final int MIN_STABLE_PHASE = 12;

    private static final double ALPHA = 0.05;
    /** d2 for moving ranges of two points: E|x_i − x_{i−1}| = 1,128·σ. */
    private static final double D2 = 1.128;

    private TrendAnalysis() {}

    /**
     * @param series consecutive months in ascending order, without gaps (a month without clients is a count of
     *     0, not a missing month); either all months have a denominator (u-chart) or none (c-chart)
     */
    public static TrendResult analyse(List<MonthlyCount> series) {
        validate(series, false);
        return judge(series);
    }

    /**
     * The same judgement of a series from which some months are left out (a published series without the
     * months whose count is unknown): the remaining months are judged as points in their order, and the slope
     * test places each at its calendar month.
     *
     * @param series months in ascending order, gaps allowed
     */
    public static TrendResult analyseWithGaps(List<MonthlyCount> series) {
        validate(series, true);
        return judge(series);
    }

    private static TrendResult judge(List<MonthlyCount> series) {
        int n = series.size();
        long[] k = new long[n];
        double[] d = new double[n];
        double[] y = new double[n];
        double[] time = new double[n];
        for (int i = 0; i < n; i++) {
            MonthlyCount m = series.get(i);
            time[i] = series.get(0).month().until(m.month(), ChronoUnit.MONTHS);
            k[i] = m.count();
            d[i] = m.denominator() == null ? 1 : m.denominator();
            y[i] = k[i] / d[i];
        }

        List<Integer> starts = n == 0 ? List.of() : ShiftDetector.phaseStarts(k, d);
        int[] phaseOf = new int[n];
        double[] phaseCentre = new double[starts.size()];
        for (int p = 0; p < starts.size(); p++) {
            int from = starts.get(p);
            int to = end(starts, p, n);
            phaseCentre[p] = ShiftDetector.rate(k, d, from, to);
            for (int i = from; i < to; i++) {
                phaseOf[i] = p;
            }
        }

        double sigmaZ = sigmaZ(y, d, phaseOf, phaseCentre);
        boolean laney = sigmaZ > 1 && dispersionTestP(k, d, phaseOf, phaseCentre) < ALPHA;
        double widening = laney ? sigmaZ : 1;

        double[] lcl = new double[n];
        double[] ucl = new double[n];
        boolean[] beyond = new boolean[n];
        for (int i = 0; i < n; i++) {
            double centre = phaseCentre[phaseOf[i]];
            double sigma = Math.sqrt(centre / d[i]) * widening;
            lcl[i] = Math.max(0, centre - 3 * sigma);
            ucl[i] = centre + 3 * sigma;
            beyond[i] = y[i] > ucl[i] || y[i] < lcl[i];
        }

        List<Phase> phases = new ArrayList<>();
        boolean[] stable = new boolean[starts.size()];
        boolean[] chartSignal = new boolean[starts.size()];
        boolean[] inLongRun = new boolean[n];
        for (int p = 0; p < starts.size(); p++) {
            int from = starts.get(p);
            int to = end(starts, p, n);
            Runs runs = Runs.analyse(Arrays.copyOfRange(y, from, to));
            boolean anyBeyond = false;
            for (int i = from; i < to; i++) {
                inLongRun[i] = runs.inLongRun()[i - from];
                anyBeyond |= beyond[i];
            }
            chartSignal[p] = runs.rules().signal() || anyBeyond;
            stable[p] = !chartSignal[p]
                    && SlopeTest.of(k, d, time, from, to, widening * widening).pValue() >= ALPHA;
            phases.add(new Phase(series.get(from).month(), series.get(to - 1).month(), phaseCentre[p], runs.rules()));
        }

        List<TrendPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PoissonInterval ci = PoissonInterval.garwood95(k[i]);
            double centre = phaseCentre[phaseOf[i]];
            points.add(new TrendPoint(
                    series.get(i).month(),
                    k[i],
                    ci.low(),
                    ci.high(),
                    centre,
                    lcl[i],
                    ucl[i],
                    beyond[i] || inLongRun[i],
                    centre * d[i],
                    lcl[i] * d[i],
                    ucl[i] * d[i]));
        }
        RunRules rules = Runs.analyse(y).rules();

        int last = starts.size() - 1;
        if (n < MIN_POINTS) {
            return TrendResult.noSignal(points, rules, phases, laney);
        }
        if (last > 0) {
            Verdict verdict = phaseCentre[last] < phaseCentre[last - 1] ? Verdict.DALEND : Verdict.STIJGEND;
            boolean settled = n - starts.get(last) >= MIN_STABLE_PHASE && stable[last];
            Double stableLevel = settled ? Double.valueOf(phaseCentre[last]) : null;
            return new TrendResult(
                    points, rules, verdict, stableLevel, phases.get(last).from(), phases, laney);
        }
        if (stable[0]) {
            return TrendResult.stable(points, rules, phaseCentre[0], phases, laney);
        }
        SlopeTest slope = SlopeTest.of(k, d, time, 0, n, widening * widening);
        if (chartSignal[0] && slope.pValue() < ALPHA) {
            Verdict verdict = slope.z() < 0 ? Verdict.DALEND : Verdict.STIJGEND;
            return TrendResult.change(points, rules, verdict, series.get(0).month(), phases, laney);
        }
        return TrendResult.noSignal(points, rules, phases, laney);
    }

    private static int end(List<Integer> starts, int phase, int n) {
        return phase + 1 < starts.size() ? starts.get(phase + 1) : n;
    }

    /** Laney's σ_z: mean moving range of the z-scores within phases / 1,128; 1 when there is none. */
    private static double sigmaZ(double[] y, double[] d, int[] phaseOf, double[] phaseCentre) {
        double sum = 0;
        int ranges = 0;
        for (int i = 1; i < y.length; i++) {
            double centre = phaseCentre[phaseOf[i]];
            if (phaseOf[i] == phaseOf[i - 1] && centre > 0) {
                double zPrevious = (y[i - 1] - centre) / Math.sqrt(centre / d[i - 1]);
                double z = (y[i] - centre) / Math.sqrt(centre / d[i]);
                sum += Math.abs(z - zPrevious);
                ranges++;
            }
        }
        return ranges == 0 ? 1 : sum / ranges / D2;
    }

    /** p-value of Pearson's test of Poisson variation around the phase centres; 1 when it cannot be done. */
    private static double dispersionTestP(long[] k, double[] d, int[] phaseOf, double[] phaseCentre) {
        double x2 = 0;
        int terms = 0;
        for (int i = 0; i < k.length; i++) {
            double expected = phaseCentre[phaseOf[i]] * d[i];
            if (expected > 0) {
                x2 += (k[i] - expected) * (k[i] - expected) / expected;
                terms++;
            }
        }
        int fitted = 0;
        for (double centre : phaseCentre) {
            fitted += centre > 0 ? 1 : 0;
        }
        int df = terms - fitted;
        return df < 1 ? 1 : 1 - ChiSquared.cumulativeProbability(df, x2);
    }

    private static void validate(List<MonthlyCount> series, boolean gapsAllowed) {
        for (int i = 1; i < series.size(); i++) {
            MonthlyCount previous = series.get(i - 1);
            MonthlyCount current = series.get(i);
            boolean next = gapsAllowed
                    ? current.month().isAfter(previous.month())
                    : current.month().equals(previous.month().plusMonths(1));
            if (!next) {
                throw new IllegalArgumentException("Maanden moeten aaneensluitend en oplopend zijn: " + previous.month()
                        + " gevolgd door " + current.month());
            }
            if ((current.denominator() == null) != (previous.denominator() == null)) {
                throw new IllegalArgumentException("Een reeks heeft voor alle maanden een noemer of voor geen enkele; "
                        + current.month() + " wijkt af");
            }
        }
    }
}
