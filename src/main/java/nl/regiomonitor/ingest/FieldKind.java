package nl.regiomonitor.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.postgresql.util.ByteConverter;

import nl.regiomonitor.common.Dutch;

/**
 * The kinds of value an import field can hold: how a text from the file is checked and turned
 * into a value (with a Dutch reason when it cannot be), and how that value is written in
 * PostgreSQL's binary COPY format.
 */
public enum FieldKind {
    /** An opaque identifier such as a client pseudonym or provider code. */
    TEXT {
        @Override
        Object parse(String raw) {
            if (raw.length() > 64) {
                throw new InvalidValue("is langer dan 64 tekens");
            }
            return raw;
        }
    },
    /** A name for people to read. */
    NAME {
        @Override
        Object parse(String raw) {
            if (raw.length() > 200) {
                throw new InvalidValue("is langer dan 200 tekens");
            }
            return raw;
        }
    },
    /** A code from a reference list; checked by the engine against {@link ReferenceCodes}. */
    CODE {
        @Override
        Object parse(String raw) {
            return raw;
        }
    },
    MUNICIPALITY_CODE {
        @Override
        Object parse(String raw) {
            if (!MUNICIPALITY.matcher(raw).matches()) {
                throw new InvalidValue(
                        "is geen gemeentecode van het CBS (GM gevolgd door 4 cijfers, bijvoorbeeld GM0518)");
            }
            return raw;
        }
    },
    /** A date written yyyy-mm-dd, from {@link #FIRST_DATE} up to a year after today (a planned end). */
    DATE {
        @Override
        Object parse(String raw) {
            return plausible(
                    fullDate(raw),
                    Today::yearAhead,
                    "ligt meer dan een jaar na vandaag; zo'n datum is vrijwel zeker een tikfout");
        }

        @Override
        void write(BinaryCopyWriter out, Object value) throws IOException {
            out.dateField(((LocalDate) value).toEpochDay());
        }
    },
    /** A date something happened, written yyyy-mm-dd: from {@link #FIRST_DATE} up to today. */
    PAST_DATE {
        @Override
        Object parse(String raw) {
            return plausible(
                    fullDate(raw), Today::date, "ligt in de toekomst; een besluit kan niet na vandaag genomen zijn");
        }

        @Override
        void write(BinaryCopyWriter out, Object value) throws IOException {
            out.dateField(((LocalDate) value).toEpochDay());
        }
    },
    /** A month written yyyy-mm, stored as its first day. */
    MONTH {
        @Override
        Object parse(String raw) {
            // a spreadsheet turns 2023-01 into a date; its first day is accepted too
            if (raw.length() == 10 && raw.endsWith("-01")) {
                raw = raw.substring(0, 7);
            }
            if (raw.length() != 7 || raw.charAt(4) != '-') {
                throw new InvalidValue("is geen maand in de vorm jjjj-mm");
            }
            return plausible(
                    date(digits(raw, 0, 4), digits(raw, 5, 7), 1),
                    Today::yearAhead,
                    "ligt meer dan een jaar na vandaag; zo'n maand is vrijwel zeker een tikfout");
        }

        @Override
        void write(BinaryCopyWriter out, Object value) throws IOException {
            out.dateField(((LocalDate) value).toEpochDay());
        }

        @Override
        String keyExpression(String column) {
            return "to_char(" + column + ", 'YYYY-MM')";
        }
    },
    /** A calendar year. */
    YEAR {
        @Override
        Object parse(String raw) {
            int year = integer(raw, "is geen jaartal");
            if (year < 1900 || year > 2100) {
                throw new InvalidValue("is geen geldig jaartal (1900 tot en met 2100)");
            }
            return year;
        }

        @Override
        void write(BinaryCopyWriter out, Object value) throws IOException {
            out.intField((Integer) value);
        }
    },
    /** A whole number of zero or more. */
    COUNT {
        @Override
        Object parse(String raw) {
            int count = integer(raw, "is geen geheel getal");
            if (count < 0) {
                throw new InvalidValue("is negatief");
            }
            return count;
        }

        @Override
        void write(BinaryCopyWriter out, Object value) throws IOException {
            out.intField((Integer) value);
        }
    },
    /** An amount in euros of zero or more, with at most two decimals; a decimal comma is accepted. */
    AMOUNT {
        @Override
        Object parse(String raw) {
            if (!AMOUNT_TEXT.matcher(raw).matches()) {
                throw new InvalidValue("is geen bedrag (cijfers, eventueel met punt of komma en twee decimalen)");
            }
            BigDecimal amount = new BigDecimal(raw.replace(',', '.'));
            if (amount.signum() < 0) {
                throw new InvalidValue("is negatief");
            }
            return amount;
        }

        @Override
        void write(BinaryCopyWriter out, Object value) throws IOException {
            byte[] bytes = ByteConverter.numeric((BigDecimal) value);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    };

    /**
     * The earliest date an import accepts. Wlz-ggz data start long after it; an older date is a typing
     * error, and figures that count per month between the earliest and latest date stay bounded.
     */
    public static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);

    /** The last date an import accepts: a year after today, for planned ends. Figures clamp spans to it. */
    public static LocalDate lastDate() {
        return today().yearAhead();
    }

    /**
     * Today, a year ahead and the instant today ends, kept together: asking the clock and zone for every date of a
     * file costs more than checking it.
     */
    private record Today(LocalDate date, LocalDate yearAhead, long endMillis) {}

    private static volatile Today today = new Today(LocalDate.MIN, LocalDate.MIN, Long.MIN_VALUE);

    private static Today today() {
        Today known = today;
        long now = System.currentTimeMillis();
        if (now >= known.endMillis()) {
            LocalDate date = LocalDate.now(Dutch.ZONE);
            known = new Today(
                    date,
                    date.plusYears(1),
                    date.plusDays(1).atStartOfDay(Dutch.ZONE).toInstant().toEpochMilli());
            today = known;
        }
        return known;
    }

    private static LocalDate fullDate(String raw) {
        if (raw.length() != 10 || raw.charAt(4) != '-' || raw.charAt(7) != '-') {
            throw new InvalidValue("is geen datum in de vorm jjjj-mm-dd");
        }
        return date(digits(raw, 0, 4), digits(raw, 5, 7), digits(raw, 8, 10));
    }

    /**
     * The date, unless it lies before {@link #FIRST_DATE} or after the last date {@code last} gives for today. Days
     * only move on, so a date not after the last one of the day last known is not after today's: the clock, which
     * costs as much as the rest of the check, is read only for a date beyond it.
     */
    private static LocalDate plausible(LocalDate date, Function<Today, LocalDate> last, String tooLate) {
        if (date.isBefore(FIRST_DATE)) {
            throw new InvalidValue("ligt vóór " + FIRST_DATE + "; zo'n oude datum is vrijwel zeker een tikfout");
        }
        if (date.isAfter(last.apply(today))) {
            LocalDate lastNow = last.apply(today());
            if (date.isAfter(lastNow)) {
                throw new InvalidValue(tooLate + " (de laatste toegestane datum is " + lastNow + ")");
            }
        }
        return date;
    }

    private static final Pattern MUNICIPALITY = Pattern.compile("GM\\d{4}");
    private static final Pattern AMOUNT_TEXT = Pattern.compile("-?\\d{1,12}([.,]\\d{1,2})?");

    /** Turns the (trimmed, non-empty) text into a value, or throws {@link InvalidValue}. */
    abstract Object parse(String raw);

    /** Writes a non-null value as one field of a binary COPY row; texts by default. */
    void write(BinaryCopyWriter out, Object value) throws IOException {
        out.textField((String) value);
    }

    /** SQL that renders a stored column as the text the file holds, for comparing keys. */
    String keyExpression(String column) {
        return column + "::text";
    }

    /**
     * The dates of this century read so far, by year, month and day: a file repeats a few thousand dates a million
     * times, and making each again cost more than the rest of its check. A race fills a place twice with equal dates.
     */
    private static final LocalDate[] DATES = new LocalDate[101 * 12 * 31];

    private static LocalDate date(int year, int month, int day) {
        boolean known = year >= 2000 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
        int at = known ? ((year - 2000) * 12 + month - 1) * 31 + day - 1 : -1;
        if (known && DATES[at] != null) {
            return DATES[at];
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            if (known) {
                DATES[at] = date;
            }
            return date;
        } catch (DateTimeException e) {
            throw new InvalidValue("is geen bestaande datum");
        }
    }

    private static int digits(String raw, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidValue("bevat iets anders dan cijfers waar een datum die verwacht");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int integer(String raw, String reason) {
        // -?[0-9]{1,10}, without a regular expression per value: not digits of other scripts, which parseInt would take
        int first = raw.startsWith("-") ? 1 : 0;
        int digits = raw.length() - first;
        if (digits < 1 || digits > 10) {
            throw new InvalidValue(reason);
        }
        for (int i = first; i < raw.length(); i++) {
            if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
                throw new InvalidValue(reason);
            }
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new InvalidValue(reason);
        }
    }

    /** A value that does not fit its field; the message completes "De waarde ...". */
    static final class InvalidValue extends RuntimeException {
        InvalidValue(String reason) {
            super(reason, null, false, false);
        }
    }
}
