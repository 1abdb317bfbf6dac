package nl.regiomonitor.trend;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One month of a series: the count (for instance new clients) and, for a u-chart, the denominator the count is
 * relative to (for instance inhabitants aged 18+). A null denominator means a c-chart on the counts themselves.
 */
public record MonthlyCount(YearMonth month, long count, Double denominator) {

    public MonthlyCount {
        Objects.requireNonNull(month, "month");
        if (count < 0) {
            throw new IllegalArgumentException("Negatief aantal in " + month + ": " + count);
        }
        if (denominator != null && !(denominator > 0 && Double.isFinite(denominator))) {
            throw new IllegalArgumentException("Noemer in " + month + " moet positief zijn: " + denominator);
        }
    }

    /** A month of a c-chart series (no denominator). */
    public static MonthlyCount of(YearMonth month, long count) {
        return new MonthlyCount(month, count, null);
    }
}
