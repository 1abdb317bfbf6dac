package nl.regiomonitor.trend;

import java.time.YearMonth;

/**
 * A stretch of months with one level, found by {@link ShiftDetector}. {@code centre} is the mean count per month
 * (c-chart) or the rate per denominator unit (u-chart); {@code rules} are Anhøj's rules within the phase, against
 * the phase's own median.
 */
public record Phase(YearMonth from, YearMonth to, double centre, RunRules rules) {}
