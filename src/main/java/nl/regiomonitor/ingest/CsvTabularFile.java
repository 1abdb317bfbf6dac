package nl.regiomonitor.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * A CSV file in UTF-8 (with or without BOM) whose separator, {@code ;} or {@code ,}, is read
 * from the header row. Read with FastCSV: on a million rows Commons CSV took about 60 % of the
 * import's reading thread, FastCSV (on its own) less than half as long.
 */
final class CsvTabularFile implements TabularFile {

    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /**
     * Characters a line may have, above FastCSV's 16 million: a whole upload (200 MB) in one field is read and
     * refused as any other wrong value, in the import's words.
     */
    private static final int MAX_CHARACTERS = 256 << 20;

    private final CsvReader<Row> reader;
    private final Iterator<Row> records;
    private final List<String> header;

    private final Path file;
    /** The line the last record ended on. */
    private long line;

    private CsvTabularFile(Path file, CsvReader<Row> reader) {
        this.file = file;
        this.reader = reader;
        this.records = reader.iterator();
        this.header = new ArrayList<>();
    }

    static CsvTabularFile open(Path source, InputStream raw) throws ImportRejected, IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(MAX_HEADER_BYTES + 1);
        String headerLine = readHeaderLine(in);
        in.reset();
        char separator = separatorOf(headerLine);
        skipByteOrderMark(in);
        Reader reader = new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        CsvReader<Row> csv = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                // a row with too few or too many columns is reported by the import, in Dutch, with the rest
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                // spaces after a closing quote are dropped, as Commons CSV did; other text there is refused
                .trimWhitespacesAroundQuotes(true)
                .allowUnclosedQuote(false)
                .maxBufferSize(MAX_CHARACTERS)
                .build(new RowHandler(), reader);
        CsvTabularFile file = new CsvTabularFile(source, csv);
        Row first = file.next();
        for (String name : first.values()) {
            file.header.add(name.trim());
        }
        return file;
    }

    private static void skipByteOrderMark(BufferedInputStream in) throws IOException {
        in.mark(3);
        if (!Arrays.equals(in.readNBytes(3), BYTE_ORDER_MARK)) {
            in.reset();
        }
    }

    /**
     * The first line that is not blank, with the blank lines before it, at most {@link #MAX_HEADER_BYTES} long. Read a
     * block at a time (a byte at a time cost two synchronised calls per byte), and never more than the mark set in
     * {@link #open} allows, so that the stream can go back to the start.
     */
    private static String readHeaderLine(BufferedInputStream in) throws IOException, ImportRejected {
        byte[] line = new byte[256];
        int size = 0;
        byte[] block = new byte[8192];
        int taken = 0;
        boolean onlyBlank = true;
        reading:
        for (int n; (n = in.read(block, 0, Math.min(block.length, MAX_HEADER_BYTES + 1 - taken))) > 0; ) {
            taken += n;
            for (int i = 0; i < n; i++) {
                int b = block[i] & 0xFF;
                if (b == '\n' && !onlyBlank) {
                    break reading;
                }
                if (size >= MAX_HEADER_BYTES) {
                    throw new ImportRejected(
                            1, "De eerste regel is langer dan 1 MB: dit is geen CSV-bestand met een kopregel.");
                }
                if (size == line.length) {
                    line = Arrays.copyOf(line, size * 2);
                }
                line[size++] = (byte) b;
                onlyBlank &= Character.isWhitespace(b) || b == 0xEF || b == 0xBB || b == 0xBF;
            }
        }
        if (onlyBlank) {
            throw ImportRejected.ofFile("Het bestand is leeg.");
        }
        for (int i = 0; i < size; i++) {
            if (line[i] == 0) {
                // UTF-16 without byte order mark: every other byte of a name is zero
                throw new ImportRejected(
                        1,
                        "Regel 1 bevat tekens die geen UTF-8 zijn (het bestand lijkt UTF-16 of binair). "
                                + "Sla het bestand op als 'CSV UTF-8' (in Excel: Opslaan als > CSV UTF-8) en importeer het opnieuw.");
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, size))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(1);
        }
    }

    /** The separator is whichever of ; and , occurs most in the header (outside quotes). */
    private static char separatorOf(String headerLine) throws ImportRejected {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        int bars = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ';' -> semicolons++;
                    case ',' -> commas++;
                    case '\t' -> tabs++;
                    case '|' -> bars++;
                    default -> {}
                }
            }
        }
        if (semicolons + commas > 0) {
            return semicolons >= commas ? ';' : ',';
        }
        if (tabs + bars > 0) {
            throw new ImportRejected(
                    1,
                    "Het scheidingsteken is " + (tabs >= bars ? "een tab" : "een verticale streep (|)")
                            + ". Gebruik een puntkomma (;) of een komma (,) tussen de kolommen.");
        }
        throw new ImportRejected(
                1,
                "In de kopregel staat geen scheidingsteken. Gebruik een puntkomma (;) of een komma (,) "
                        + "tussen de kolomnamen.");
    }

    private static ImportRejected notUtf8(long line) {
        return new ImportRejected(
                (int) line,
                "Regel " + line + " bevat tekens die geen UTF-8 zijn. Sla het bestand op als "
                        + "'CSV UTF-8' (in Excel: Opslaan als > CSV UTF-8) en importeer het opnieuw.");
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() throws ImportRejected {
        long start = line + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            Row row = records.next();
            line = row.line();
            return row;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(firstLineThatIsNotUtf8(file));
            }
            throw ImportRejected.ofFile("Het bestand kon niet gelezen worden (leesfout vanaf regel " + start + ").");
        } catch (CsvParseException e) {
            // an unclosed quote, text after a closing quote, or a field longer than MAX_CHARACTERS
            throw new ImportRejected(
                    (int) start,
                    "Regel " + start + ": een aanhalingsteken (\") wordt niet afgesloten, "
                            + "of na een afsluitend aanhalingsteken staat nog tekst voor het scheidingsteken. "
                            + "Controleer de aanhalingstekens vanaf deze regel.");
        }
    }

    /** The decoder reads ahead, so the line with the bad bytes is found again from the file itself. */
    private static long firstLineThatIsNotUtf8(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            CharsetDecoder decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            long line = 1;
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                bytes.position(bytes.position() + Math.max(n, 0));
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    return line;
                }
                bytes.compact();
            }
            return line;
        } catch (IOException e) {
            return 1;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /**
     * Makes each record a row straight from FastCSV's buffer, without limits on fields: with the line it ends on, as
     * errors have always named a row, so a quoted value over several lines moves it down by its line breaks.
     */
    private static final class RowHandler extends AbstractBaseCsvCallbackHandler<Row> {

        private String[] fields = new String[16];
        private int size;
        private long breaks;

        @Override
        protected void handleBegin(long startingLineNumber) {
            size = 0;
            breaks = 0;
        }

        @Override
        protected void handleField(int index, char[] buf, int offset, int length, boolean quoted) {
            if (size == fields.length) {
                fields = Arrays.copyOf(fields, size * 2);
            }
            fields[size++] = new String(buf, offset, length);
            if (quoted) {
                for (int i = offset; i < offset + length; i++) {
                    // \r\n is one break, as are \n and \r alone
                    if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 == offset + length || buf[i + 1] != '\n'))) {
                        breaks++;
                    }
                }
            }
        }

        @Override
        protected Row buildRecord() {
            return new Row(getStartingLineNumber() + breaks, Arrays.copyOf(fields, size));
        }
    }
}
