package nl.regiomonitor.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file in UTF-8 (with or without BOM) whose separator, {@code ;} or {@code ,}, is read
 * from the header row.
 */
final class CsvTabularFile implements TabularFile {

    private static final int MAX_HEADER_BYTES = 1 << 20;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;

    private CsvTabularFile(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
        this.header = new ArrayList<>();
    }

    static CsvTabularFile open(InputStream raw) throws ImportRejected, IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(MAX_HEADER_BYTES + 1);
        String headerLine = readHeaderLine(in);
        in.reset();
        char separator = separatorOf(headerLine);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true).get();
        CsvTabularFile file = new CsvTabularFile(CSVParser.parse(reader, format));
        Row first = file.next();
        for (String name : first.values()) {
            file.header.add(name.trim());
        }
        return file;
    }

    private static String readHeaderLine(BufferedInputStream in) throws IOException, ImportRejected {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean onlyBlank = true;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n' && !onlyBlank) {
                break;
            }
            if (line.size() >= MAX_HEADER_BYTES) {
                throw new ImportRejected(1, "De eerste regel is langer dan 1 MB: dit is geen CSV-bestand met een kopregel.");
            }
            line.write(b);
            onlyBlank &= Character.isWhitespace(b) || b == 0xEF || b == 0xBB || b == 0xBF;
        }
        if (onlyBlank) {
            throw new ImportRejected(null, "Het bestand is leeg.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line.toByteArray())).toString();
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
                    default -> { }
                }
            }
        }
        if (semicolons + commas > 0) {
            return semicolons >= commas ? ';' : ',';
        }
        if (tabs + bars > 0) {
            throw new ImportRejected(1, "Het scheidingsteken is " + (tabs >= bars ? "een tab" : "een verticale streep (|)")
                    + ". Gebruik een puntkomma (;) of een komma (,) tussen de kolommen.");
        }
        throw new ImportRejected(1, "In de kopregel staat geen scheidingsteken. Gebruik een puntkomma (;) of een komma (,) "
                + "tussen de kolomnamen.");
    }

    private static ImportRejected notUtf8(long line) {
        return new ImportRejected((int) line, "Regel " + line + " bevat tekens die geen UTF-8 zijn. Sla het bestand op als "
                + "'CSV UTF-8' (in Excel: Opslaan als > CSV UTF-8) en importeer het opnieuw.");
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() throws ImportRejected {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            return new Row(parser.getCurrentLineNumber(), record.values());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(parser.getCurrentLineNumber() + 1);
            }
            throw new ImportRejected(null, "Het bestand kon niet gelezen worden: " + describe(e.getCause()));
        } catch (IllegalStateException e) {
            // commons-csv reports an unclosed quote this way
            throw new ImportRejected((int) parser.getCurrentLineNumber(), "Regel " + parser.getCurrentLineNumber()
                    + ": een aanhalingsteken (\") wordt niet afgesloten. Controleer de aanhalingstekens in het bestand.");
        }
    }

    private static String describe(Throwable cause) {
        return cause == null ? "onbekende leesfout" : "leesfout (" + cause.getClass().getSimpleName() + ")";
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
