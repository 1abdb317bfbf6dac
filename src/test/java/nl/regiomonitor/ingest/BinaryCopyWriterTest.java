package nl.regiomonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Rows written field by field come out in PostgreSQL's binary COPY format. */
class BinaryCopyWriterTest {

    @Test
    void aRowOfADateATextAndAnIntegerBetweenHeaderAndTrailer() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryCopyWriter out = BinaryCopyWriter.of(bytes);
        out.startRow(3);
        out.dateField(LocalDate.of(2000, 1, 2).toEpochDay());
        out.textField("zoë");
        out.intField(-2);
        out.finish();

        byte[] written = bytes.toByteArray();
        String header = "5047434f50590aff0d0a00" + "00000000" + "00000000";
        String row = "0003" + "00000004" + "00000001" + "00000004" + "7a6fc3ab" + "00000004" + "fffffffe";
        assertThat(HexFormat.of().formatHex(written)).isEqualTo(header + row + "ffff");
        assertThat(Arrays.copyOf(written, 6)).isEqualTo("PGCOPY".getBytes());
    }
}
