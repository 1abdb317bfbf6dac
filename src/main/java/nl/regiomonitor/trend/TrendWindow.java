package nl.regiomonitor.trend;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.swagger.v3.oas.annotations.media.Schema;

import nl.regiomonitor.common.Dutch;

/**
 * A period the trend is published for: the whole series, from its first to its last month with
 * data, or one calendar year with data (the last one may be incomplete). Only these are offered:
 * the more windows one can ask for, the more answers an outsider can hold against each other.
 */
@Schema(
        description = "Een vaste periode waarover het oordeel wordt gepubliceerd: de hele reeks of een kalenderjaar, "
                + "steeds tot en met de laatste maand met gegevens")
public record TrendWindow(
        @Schema(description = "Sleutel: 'reeks' of een jaartal, bijvoorbeeld 2024")
        String key,

        @Schema(description = "Eerste maand, jjjj-mm") YearMonth from,
        @Schema(description = "Laatste maand, jjjj-mm") YearMonth to,

        @Schema(description = "Omschrijving in het Nederlands")
        String label) {

    /** The key of the whole series. */
    public static final String WHOLE = "reeks";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Dutch.LOCALE);

    public static TrendWindow whole(YearMonth from, YearMonth to) {
        return new TrendWindow(WHOLE, from, to, "Hele reeks (" + month(from) + " t/m " + month(to) + ")");
    }

    /** Calendar year {@code year}, within the data from {@code first} to {@code last}. */
    public static TrendWindow year(int year, YearMonth first, YearMonth last) {
        YearMonth from = max(YearMonth.of(year, 1), first);
        YearMonth to = min(YearMonth.of(year, 12), last);
        boolean complete = from.getMonthValue() == 1 && to.getMonthValue() == 12;
        return new TrendWindow(
                Integer.toString(year),
                from,
                to,
                complete ? Integer.toString(year) : year + " (" + month(from) + " t/m " + month(to) + ")");
    }

    /** How far this window lies from the period asked: months between the first months plus months between the last. */
    public long distance(YearMonth askedFrom, YearMonth askedTo) {
        return Math.abs(from.until(askedFrom, ChronoUnit.MONTHS)) + Math.abs(to.until(askedTo, ChronoUnit.MONTHS));
    }

    public static String month(YearMonth month) {
        return month.format(MONTH);
    }

    public static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    public static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }
}
