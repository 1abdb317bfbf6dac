package nl.regiomonitor.trend;

import java.time.YearMonth;

/**
 * One month on the chart.
 *
 * <ul>
 * <li>{@code count}, {@code ciLow}, {@code ciHigh}: the count and its Garwood 95% interval, always on the count
 * scale.</li>
 * <li>{@code centre}, {@code lcl}, {@code ucl}: the centre line and control limits of the point's phase on the
 * chart's own scale — counts for a c-chart, rates per denominator unit for a u-chart.</li>
 * <li>{@code centreCount}, {@code lclCount}, {@code uclCount}: the same lines as expected counts at this month's
 * denominator (rate × denominator), so a chart can draw them beside the counts; equal to {@code centre},
 * {@code lcl}, {@code ucl} for a c-chart.</li>
 * <li>{@code signal}: the point lies beyond its limits, or belongs to a run within its phase that is longer than
 * Anhøj's limit.</li>
 * </ul>
 */
public record TrendPoint(
        YearMonth month,
        long count,
        double ciLow,
        double ciHigh,
        double centre,
        double lcl,
        double ucl,
        boolean signal,
        double centreCount,
        double lclCount,
        double uclCount) {}
