package nl.regiomonitor.plan;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timeline of an action as plans write it ("Eind Q1 2024", "Q2 2024", "Begin 2024", "In de loop
 * van 2024", "31-03-2024", "maart 2024", "Continu"), with the date by which it is due: the date
 * named, else the last day of the month, quarter or year named ("Begin 2024": end of Q1, "Medio
 * 2024": end of June). A continuous action is never due.
 */
public record Timeline(String text, LocalDate due, boolean continuous) {

    private static final Pattern DATE = Pattern.compile("\\b(\\d{1,2})-(\\d{1,2})-(\\d{4})\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern QUARTER = Pattern.compile("\\bq([1-4])\\s*[- ]?\\s*(\\d{4})\\b");
    private static final Pattern MONTH =
            Pattern.compile("\\b(januari|februari|maart|april|mei|juni|juli|augustus|september|"
                    + "oktober|november|december)\\s+(\\d{4})\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(20\\d{2})\\b");
    private static final List<String> MONTHS = List.of(
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december");

    /** The timeline of {@code text}; empty when it names no date, month, quarter or year and is not "Continu". */
    public static Optional<Timeline> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String clean = text.strip();
        String lower = clean.toLowerCase(Locale.ROOT);
        if (lower.startsWith("continu") || lower.equals("doorlopend")) {
            return Optional.of(continuous(clean));
        }
        return dueDate(lower).map(due -> new Timeline(clean, due, false));
    }

    /** A timeline without end, such as "Continu": never due. */
    private static Timeline continuous(String text) {
        return new Timeline(text, null, true);
    }

    private static Optional<LocalDate> dueDate(String lower) {
        try {
            Matcher m = DATE.matcher(lower);
            if (m.find()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
            m = ISO_DATE.matcher(lower);
            if (m.find()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        Matcher m = QUARTER.matcher(lower);
        if (m.find()) {
            return Optional.of(YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)) * 3)
                    .atEndOfMonth());
        }
        m = MONTH.matcher(lower);
        if (m.find()) {
            return Optional.of(YearMonth.of(Integer.parseInt(m.group(2)), MONTHS.indexOf(m.group(1)) + 1)
                    .atEndOfMonth());
        }
        m = YEAR.matcher(lower);
        if (m.find()) {
            int year = Integer.parseInt(m.group(1));
            if (lower.startsWith("begin")) {
                return Optional.of(LocalDate.of(year, 3, 31));
            }
            if (lower.startsWith("medio") || lower.startsWith("midden")) {
                return Optional.of(LocalDate.of(year, 6, 30));
            }
            return Optional.of(LocalDate.of(year, 12, 31));
        }
        return Optional.empty();
    }
}
