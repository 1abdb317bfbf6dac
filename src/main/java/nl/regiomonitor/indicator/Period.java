package nl.regiomonitor.indicator;

import java.util.Locale;

/** How long a period of influx is: a month, a calendar quarter, a calendar year, or the 12 months up to a month. */
public enum Period {
    MONTH,
    QUARTER,
    YEAR,
    ROLLING12;

    /** From the API's {@code period=} value; the message says what is allowed. */
    public static Period parse(String value) {
        if (value == null || value.isBlank()) {
            return MONTH;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFigureRequest(
                    "Onbekende periode '" + value + "'. Kies uit: month, quarter, year, rolling12.");
        }
    }

    /** As the API writes it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** In a sentence: "per kwartaal". */
    public String dutch() {
        return switch (this) {
            case MONTH -> "per maand";
            case QUARTER -> "per kwartaal";
            case YEAR -> "per jaar";
            case ROLLING12 -> "per voortschrijdend jaar";
        };
    }
}
