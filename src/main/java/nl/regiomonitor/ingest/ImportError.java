package nl.regiomonitor.ingest;

import io.swagger.v3.oas.annotations.media.Schema;

/** One reason a file was refused: where (line, column), what was there and why, in Dutch. */
@Schema(description = "Een reden waarom een bestand is geweigerd")
public record ImportError(
        @Schema(description = "Regelnummer in het bestand (1 = kopregel); leeg als het om het hele bestand gaat")
        Integer line,

        @Schema(description = "Kolomnaam, als de fout in één kolom zit")
        String column,

        @Schema(description = "De waarde zoals die in het bestand staat (verborgen bij een mogelijk BSN)")
        String value,

        @Schema(description = "De reden, in het Nederlands") String message) {

    /** How much of a value or column name an error repeats: a 100 MB field must not make a 100 MB report. */
    static final int MAX_SHOWN = 200;
    /** Messages name a few values and list codes or columns, never more than this. */
    private static final int MAX_MESSAGE = 2_000;

    public ImportError {
        column = shown(column, MAX_SHOWN);
        value = shown(value, MAX_SHOWN);
        message = shown(message, MAX_MESSAGE);
    }

    /**
     * The text as a report shows it: at most {@code limit} characters (cut ones end in "…"), and
     * control characters as spaces, since PostgreSQL cannot store a zero character.
     */
    static String shown(String text, int limit) {
        if (text == null) {
            return null;
        }
        int end = limit - 1;
        if (text.length() > limit && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never half a character
        }
        String cut = text.length() > limit ? text.substring(0, end) + "…" : text;
        StringBuilder clean = null;
        for (int i = 0; i < cut.length(); i++) {
            if (Character.isISOControl(cut.charAt(i))) {
                if (clean == null) {
                    clean = new StringBuilder(cut);
                }
                clean.setCharAt(i, ' ');
            }
        }
        return clean == null ? cut : clean.toString();
    }

    /** An error about the file as a whole. */
    static ImportError ofFile(String message) {
        return new ImportError(null, null, null, message);
    }

    /** An error about one column, whose value is not repeated. */
    public static ImportError inColumn(int line, String column, String message) {
        return new ImportError(line, column, null, message);
    }

    /** An error about a value that belongs to no one column (a whole header, a key of several columns). */
    static ImportError withValue(int line, String value, String message) {
        return new ImportError(line, null, value, message);
    }

    /** An error about a whole line, no one column of it. */
    public static ImportError atLine(int line, String message) {
        return new ImportError(line, null, null, message);
    }

    /** The error as one line of text: "Regel 5, kolom date, waarde '2021-13-01': De waarde …", its place first. */
    public String text() {
        StringBuilder place = new StringBuilder();
        if (line != null) {
            place.append("Regel ").append(line);
        }
        if (column != null) {
            place.append(place.isEmpty() ? "Kolom " : ", kolom ").append(column);
        }
        if (value != null) {
            place.append(place.isEmpty() ? "Waarde '" : ", waarde '")
                    .append(value)
                    .append('\'');
        }
        return place.isEmpty() ? message : place + ": " + message;
    }
}
