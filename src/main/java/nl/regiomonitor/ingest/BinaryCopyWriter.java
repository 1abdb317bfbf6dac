package nl.regiomonitor.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes rows in PostgreSQL's binary COPY format, so the server does not parse dates and numbers
 * again: each row is the format's field values followed by the import's id, or, for tables derived from an import,
 * fields the caller writes one by one. The bytes go into a buffer of its own: a {@code DataOutputStream} over a
 * {@code BufferedOutputStream} took a lock for every byte of every number.
 */
public final class BinaryCopyWriter {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** PostgreSQL's dates count days from 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private final OutputStream out;
    private final FieldKind[] kinds;
    private final long importId;
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    BinaryCopyWriter(OutputStream copyStream, List<Field> fields, long importId) throws IOException {
        this.out = copyStream;
        this.kinds = fields.stream().map(Field::kind).toArray(FieldKind[]::new);
        this.importId = importId;
        write(SIGNATURE);
        writeInt(0); // flags
        writeInt(0); // header extension length
    }

    /** A writer of rows whose fields the caller writes: {@link #startRow}, then a field method per column. */
    public static BinaryCopyWriter of(OutputStream copyStream) throws IOException {
        return new BinaryCopyWriter(copyStream, List.of(), 0);
    }

    /** Starts a row of {@code fields} fields. */
    public void startRow(int fields) throws IOException {
        writeShort(fields);
    }

    /** A date field, given in days since 1970-01-01 ({@link LocalDate#toEpochDay()}). */
    public void dateField(long epochDay) throws IOException {
        writeInt(4);
        writeInt((int) (epochDay - POSTGRES_EPOCH_DAY));
    }

    /** An int4 field. */
    public void intField(int value) throws IOException {
        writeInt(4);
        writeInt(value);
    }

    void write(Object[] values) throws IOException {
        writeShort(kinds.length + 1);
        for (int i = 0; i < kinds.length; i++) {
            if (values[i] == null) {
                writeInt(-1);
            } else {
                kinds[i].write(this, values[i]);
            }
        }
        writeInt(8);
        writeLong(importId);
    }

    /** Writes the trailer and hands everything to the server. */
    public void finish() throws IOException {
        writeShort(-1);
        flush();
        out.flush();
    }

    /** A text field: its length in bytes, then its UTF-8. */
    public void textField(String text) throws IOException {
        int length = text.length();
        if (4 + length <= buffer.length) {
            room(4 + length);
            int at = used + 4;
            int i = 0;
            while (i < length && text.charAt(i) < 0x80) {
                buffer[at++] = (byte) text.charAt(i++);
            }
            if (i == length) { // ASCII, as ids and codes are: no byte array per value
                writeInt(length);
                used = at;
                return;
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        write(bytes);
    }

    void write(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length) {
            flush();
            out.write(bytes);
            return;
        }
        room(bytes.length);
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
    }

    void writeShort(int value) throws IOException {
        room(2);
        buffer[used++] = (byte) (value >>> 8);
        buffer[used++] = (byte) value;
    }

    void writeInt(int value) throws IOException {
        room(4);
        buffer[used++] = (byte) (value >>> 24);
        buffer[used++] = (byte) (value >>> 16);
        buffer[used++] = (byte) (value >>> 8);
        buffer[used++] = (byte) value;
    }

    void writeLong(long value) throws IOException {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    /** Makes room for {@code n} more bytes, at most the buffer's size. */
    private void room(int n) throws IOException {
        if (used + n > buffer.length) {
            flush();
        }
    }

    private void flush() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }
}
