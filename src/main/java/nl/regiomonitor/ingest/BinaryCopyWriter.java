package nl.regiomonitor.ingest;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes rows in PostgreSQL's binary COPY format, so the server does not parse dates and numbers
 * again: each row is the format's field values followed by the import's id.
 */
final class BinaryCopyWriter {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final DataOutputStream out;
    private final FieldKind[] kinds;
    private final long importId;

    BinaryCopyWriter(OutputStream copyStream, List<Field> fields, long importId) throws IOException {
        this.out = new DataOutputStream(new BufferedOutputStream(copyStream, 1 << 16));
        this.kinds = fields.stream().map(Field::kind).toArray(FieldKind[]::new);
        this.importId = importId;
        out.write(SIGNATURE);
        out.writeInt(0); // flags
        out.writeInt(0); // header extension length
    }

    void write(Object[] values) throws IOException {
        out.writeShort(kinds.length + 1);
        for (int i = 0; i < kinds.length; i++) {
            if (values[i] == null) {
                out.writeInt(-1);
            } else {
                kinds[i].write(out, values[i]);
            }
        }
        out.writeInt(8);
        out.writeLong(importId);
    }

    /** Writes the trailer and hands everything to the server. */
    void finish() throws IOException {
        out.writeShort(-1);
        out.flush();
    }
}
