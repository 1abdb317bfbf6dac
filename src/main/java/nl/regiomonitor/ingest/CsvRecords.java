package nl.regiomonitor.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * The records of a CSV text, read by the rules of commons-csv's {@code CSVFormat.DEFAULT} with empty lines ignored
 * (quotes, doubled quotes, line ends CR, LF or CR LF, whitespace allowed after a closing quote), and numbered as it
 * numbers them; {@code CsvRecordsTest} holds the two side by side. Written out because commons-csv builds every
 * value char by char through a token buffer and a list: for a million-row import that took more time than
 * PostgreSQL's own COPY of the same file. A record is scanned in place in one buffer and its values cut out of it.
 */
final class CsvRecords {

    /** Raised for a quote that is not closed, or text after a closing quote. */
    static final class BadQuotes extends Exception {
        BadQuotes() {
            super(null, null, false, false);
        }
    }

    /** As much as commons-csv's reader asks at once, so an undecodable byte is met as early in the file as it did. */
    private static final int READ = 8192;

    private static final String[] MORE = new String[0];

    private final Reader reader;
    private final char separator;
    private char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean end;
    /** Line ends read so far. */
    private long lines;

    private String[] values = new String[16];
    private final StringBuilder quoted = new StringBuilder();

    CsvRecords(Reader reader, char separator) {
        this.reader = reader;
        this.separator = separator;
    }

    /** Line ends read so far: after a record, the number of its last line. */
    long lines() {
        return lines;
    }

    /** The next record's values, or null at the end. */
    String[] next() throws IOException, BadQuotes {
        int start = position;
        long startLines = lines;
        for (int tries = 0; ; tries++) {
            String[] record = scan();
            if (record != MORE) {
                return record;
            }
            // the record runs past the buffer: read on and scan it again from its start
            lines = startLines;
            position = start;
            fill(tries);
            start = 0;
        }
    }

    /**
     * Keeps the unscanned rest and reads on: one read at first, then as much again as the record has so far, so a
     * long record (an unclosed quote) is scanned a few times over, not once per read.
     */
    private void fill(int tries) throws IOException {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        int wanted = tries == 0 ? 1 : limit;
        for (int added = 0; added < wanted && !end; ) {
            if (buffer.length - limit < READ) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n = reader.read(buffer, limit, READ);
            if (n < 0) {
                end = true;
            } else {
                limit += n;
                added += n;
            }
        }
    }

    /** One record from {@link #position}: its values, null at the end of the text, {@link #MORE} when cut off. */
    private String[] scan() throws BadQuotes {
        char[] b = buffer;
        int i = position;
        while (true) { // empty lines
            if (i == limit) {
                if (!end) {
                    return MORE;
                }
                position = i;
                return null;
            }
            if (b[i] == '\n') {
                i++;
            } else if (b[i] == '\r') {
                if (i + 1 == limit && !end) {
                    return MORE;
                }
                i += i + 1 < limit && b[i + 1] == '\n' ? 2 : 1;
            } else {
                break;
            }
            lines++;
        }
        int count = 0;
        while (true) { // one value per turn, i at its start
            if (i == limit && !end) {
                return MORE;
            }
            String value;
            if (i < limit && b[i] == '"') {
                int closed = closingQuote(b, i);
                if (closed < 0) {
                    return MORE;
                }
                value = quoted.toString();
                i = closed + 1;
                while (i < limit && b[i] != separator && b[i] != '\n' && b[i] != '\r') {
                    if (!Character.isWhitespace(b[i])) {
                        throw new BadQuotes();
                    }
                    i++;
                }
                if (i == limit && !end) {
                    return MORE;
                }
            } else {
                int from = i;
                while (i < limit && b[i] != separator && b[i] != '\n' && b[i] != '\r') {
                    i++;
                }
                if (i == limit && !end) {
                    return MORE;
                }
                value = new String(b, from, i - from);
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = value;
            if (i == limit) { // the end of the text ends the record and counts as a line end
                lines++;
                break;
            }
            if (b[i] == separator) {
                i++;
                continue;
            }
            if (b[i] == '\r') {
                if (i + 1 == limit && !end) {
                    return MORE;
                }
                i += i + 1 < limit && b[i + 1] == '\n' ? 2 : 1;
            } else {
                i++;
            }
            lines++;
            break;
        }
        position = i;
        return Arrays.copyOf(values, count);
    }

    /**
     * Reads the quoted value opening at {@code open} into {@link #quoted}, counting its line ends; returns the
     * position of its closing quote, or -1 when the buffer ends first.
     */
    private int closingQuote(char[] b, int open) throws BadQuotes {
        quoted.setLength(0);
        int segment = open + 1;
        for (int j = open + 1; ; j++) {
            if (j == limit) {
                if (end) {
                    throw new BadQuotes();
                }
                return -1;
            }
            char c = b[j];
            if (c == '"') {
                if (j + 1 == limit && !end) {
                    return -1;
                }
                quoted.append(b, segment, j - segment);
                if (j + 1 < limit && b[j + 1] == '"') {
                    quoted.append('"');
                    segment = ++j + 1;
                } else {
                    return j;
                }
            } else if (c == '\r' || c == '\n' && b[j - 1] != '\r') {
                lines++;
            }
        }
    }
}
