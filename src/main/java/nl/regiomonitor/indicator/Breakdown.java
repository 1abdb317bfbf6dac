package nl.regiomonitor.indicator;

import java.util.Locale;

/** How a figure is split: not at all, or by profile, origin or age band. */
public enum Breakdown {
    NONE,
    PROFILE,
    ORIGIN,
    AGEBAND;

    /** From the API's {@code by=} value; the message says what is allowed. */
    public static Breakdown parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFigureRequest(
                    "Onbekende indeling '" + value + "'. Kies uit: none, profile, origin, ageband.");
        }
    }
}
