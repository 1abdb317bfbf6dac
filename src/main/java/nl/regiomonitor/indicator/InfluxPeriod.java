package nl.regiomonitor.indicator;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;

import nl.regiomonitor.common.Dutch;

/** One period the influx is published for, from its first to its last month. */
public record InfluxPeriod(Period kind, YearMonth first, YearMonth last) {

    public static InfluxPeriod month(YearMonth month) {
        return new InfluxPeriod(Period.MONTH, month, month);
    }

    /** The calendar quarter {@code month} lies in. */
    public static InfluxPeriod quarter(YearMonth month) {
        YearMonth first = YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1);
        return new InfluxPeriod(Period.QUARTER, first, first.plusMonths(2));
    }

    public static InfluxPeriod year(int year) {
        return new InfluxPeriod(Period.YEAR, YearMonth.of(year, 1), YearMonth.of(year, 12));
    }

    /** The 12 months up to and including {@code last}. */
    public static InfluxPeriod rolling(YearMonth last) {
        return new InfluxPeriod(Period.ROLLING12, last.minusMonths(11), last);
    }

    /** The period of {@code kind} that ends in {@code month}, or contains it for a quarter or year. */
    public static InfluxPeriod of(Period kind, YearMonth month) {
        return switch (kind) {
            case MONTH -> month(month);
            case QUARTER -> quarter(month);
            case YEAR -> year(month.getYear());
            case ROLLING12 -> rolling(month);
        };
    }

    /**
     * Every whole period of {@code kind} that lies within {@code from}..{@code to}, in order: a
     * quarter or year that is not complete in that span is left out; a rolling year is there for
     * every month, reaching back before {@code from}.
     */
    public static List<InfluxPeriod> within(Period kind, YearMonth from, YearMonth to) {
        List<InfluxPeriod> periods = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            InfluxPeriod p = of(kind, m);
            if (p.last().equals(m) && (kind == Period.ROLLING12 || !p.first().isBefore(from))) {
                periods.add(p);
            }
        }
        return periods;
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** A short key, also in downloads: 2024-03, 2024-K1, 2024, or 2023-04..2024-03. */
    public String key() {
        return switch (kind) {
            case MONTH -> first.toString();
            case QUARTER -> first.getYear() + "-K" + ((first.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(first.getYear());
            case ROLLING12 -> first + ".." + last;
        };
    }

    /** In Dutch: maart 2024, 1e kwartaal 2024, 2024, april 2023 t/m maart 2024. */
    public String label() {
        return switch (kind) {
            case MONTH -> monthName(first) + " " + first.getYear();
            case QUARTER -> ((first.getMonthValue() - 1) / 3 + 1) + "e kwartaal " + first.getYear();
            case YEAR -> String.valueOf(first.getYear());
            case ROLLING12 ->
                monthName(first) + " " + first.getYear() + " t/m " + monthName(last) + " " + last.getYear();
        };
    }

    private static String monthName(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Dutch.LOCALE);
    }
}
