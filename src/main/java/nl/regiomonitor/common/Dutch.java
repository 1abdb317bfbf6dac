package nl.regiomonitor.common;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The one place for the language and clock of the application: every text, number and month
 * name is Dutch, and every date a user reads or enters is a day in the Netherlands, whatever the
 * server's own settings.
 */
public final class Dutch {

    /** Dutch as written in the Netherlands: month names, decimal comma, thousands point. */
    public static final Locale LOCALE = Locale.forLanguageTag("nl-NL");

    /** The zone of the users' days, deadlines and the times shown to them. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private Dutch() {}
}
