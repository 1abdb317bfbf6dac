package nl.regiomonitor.trend;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

import nl.regiomonitor.common.Dutch;

/**
 * The judgement of a monthly series; see {@link TrendAnalysis} for how each part is found.
 *
 * @param points every month with its interval, limits and signal
 * @param rules Anhøj's rules on the whole series against its median
 * @param verdict the judgement in one word
 * @param stableLevel the centre of the last phase when that phase is a stable level, else null; a count per
 *     month (c-chart) or a rate per denominator unit (u-chart)
 * @param since first month of the last phase (DALEND/STIJGEND after a shift) or of the series (a trend without a
 *     shift); null for STABIEL and GEEN_SIGNAAL
 * @param phases the phases found, in order; one phase when there is no shift
 * @param laney whether the limits are widened by Laney's σ_z because the series is over-dispersed
 */
public record TrendResult(
        List<TrendPoint> points,
        RunRules rules,
        Verdict verdict,
        Double stableLevel,
        YearMonth since,
        List<Phase> phases,
        boolean laney) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Dutch.LOCALE);

    public TrendResult {
        points = List.copyOf(points);
        phases = List.copyOf(phases);
    }

    /** No change to report: too few months, or no clear fall, rise or level. */
    static TrendResult noSignal(List<TrendPoint> points, RunRules rules, List<Phase> phases, boolean laney) {
        return new TrendResult(points, rules, Verdict.GEEN_SIGNAAL, null, null, phases, laney);
    }

    /** One phase at a stable {@code level}. */
    static TrendResult stable(
            List<TrendPoint> points, RunRules rules, double level, List<Phase> phases, boolean laney) {
        return new TrendResult(points, rules, Verdict.STABIEL, level, null, phases, laney);
    }

    /** A fall or rise {@code since} a month, without a stable level after it. */
    static TrendResult change(
            List<TrendPoint> points,
            RunRules rules,
            Verdict verdict,
            YearMonth since,
            List<Phase> phases,
            boolean laney) {
        return new TrendResult(points, rules, verdict, null, since, phases, laney);
    }

    /**
     * The judgement in a Dutch sentence for people. A level is given per month on the count scale: for a
     * u-chart the stable rate times the last month's denominator.
     */
    public String sentence() {
        return switch (verdict) {
            case DALEND -> change("daalt", "gedaald");
            case STIJGEND -> change("stijgt", "gestegen");
            case STABIEL -> "De instroom is stabiel rond " + levelPerMonth() + " per maand.";
            case GEEN_SIGNAAL ->
                points.size() < TrendAnalysis.MIN_POINTS
                        ? "Te weinig maanden om een verandering te beoordelen."
                        : "De instroom schommelt zonder duidelijke daling of stijging; nog geen stabiel niveau.";
        };
    }

    private String change(String present, String participle) {
        String month = since.format(MONTH);
        return stableLevel == null
                ? "De instroom " + present + " sinds " + month + "; nog geen stabiel niveau."
                : "De instroom is in " + month + " " + participle + " en is sindsdien stabiel rond " + levelPerMonth()
                        + " per maand.";
    }

    private String levelPerMonth() {
        double level = points.get(points.size() - 1).centreCount();
        NumberFormat format = NumberFormat.getNumberInstance(Dutch.LOCALE);
        format.setMaximumFractionDigits(level < 10 ? 1 : 0);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(level);
    }
}
