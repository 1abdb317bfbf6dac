package nl.regiomonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvRecords} reads every text as commons-csv reads it with the format the import used before: the same
 * values, the same line numbers, a refusal at the same record. Random texts of the characters that matter, handed
 * over in random small pieces so records are cut off everywhere.
 */
class CsvRecordsTest {

    private static final String ALPHABET = "a;;,\"\"\r\n\n é\t";

    @Test
    void readsAsCommonsCsvDoes() throws Exception {
        Random random = new Random(19);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            char separator = random.nextBoolean() ? ';' : ',';
            assertThat(ours(text.toString(), separator, random))
                    .as("%s", text.toString().replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(commons(text.toString(), separator));
        }
    }

    @Test
    void readsRecordsLongerThanItsBuffer() throws Exception {
        String text = "x;\"" + "ab\"\"\n".repeat(30_000) + "\";y\r\nlast";
        assertThat(ours(text, ';', new Random(1))).isEqualTo(commons(text, ';'));
    }

    /** Each record as line number and values, then "refused" when the text was. */
    private static List<String> ours(String text, char separator, Random random) throws IOException {
        CsvRecords records = new CsvRecords(new Pieces(text, random), separator);
        List<String> read = new ArrayList<>();
        try {
            for (String[] values = records.next(); values != null; values = records.next()) {
                read.add(records.lines() + ":" + List.of(values));
            }
        } catch (CsvRecords.BadQuotes e) {
            read.add("refused");
        }
        return read;
    }

    private static List<String> commons(String text, char separator) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(separator)
                .setIgnoreEmptyLines(true)
                .get();
        List<String> read = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                read.add(parser.getCurrentLineNumber() + ":"
                        + List.of(records.next().values()));
            }
        } catch (RuntimeException e) {
            read.add("refused");
        }
        return read;
    }

    /** A reader that hands over a few characters at a time. */
    private static final class Pieces extends Reader {
        private final String text;
        private final Random random;
        private int position;

        Pieces(String text, Random random) {
            this.text = text;
            this.random = random;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(length, 1 + random.nextInt(7)), text.length() - position);
            text.getChars(position, position + n, buffer, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {}
    }
}
