package nl.regiomonitor.publication;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What protection and audit work out for the demo data (seed 42), shipped with the application: on a first start
 * the demo data are then published in seconds instead of protected anew for many more. Rows of
 * {@code protection_memory}, keyed by the fingerprint of a table's counts and the method
 * ({@code ProtectionMemory.METHOD}), so they match the demo data's tables only, and nothing once the method changes;
 * any other table is protected as always. Written by {@code tools/demo-protection-memory}.
 */
final class ShippedProtectionMemory {

    private static final String RESOURCE = "demo-protection-memory.tsv";
    private static final Logger log = LoggerFactory.getLogger(ShippedProtectionMemory.class);

    private ShippedProtectionMemory() {}

    /** One row: kind, key and marks, as in the table. */
    record Row(String kind, String key, String marks) {}

    /** The shipped rows; none when the file is not there. */
    static List<Row> rows() {
        InputStream in = ShippedProtectionMemory.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split("\t", -1);
                rows.add(new Row(fields[0], fields[1], fields[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Adds the shipped rows that are not there yet; a failure only costs the shortcut. */
    static void load(JdbcTemplate jdbc) {
        List<Row> rows = rows();
        try {
            jdbc.batchUpdate(
                    "insert into protection_memory (kind, key, marks) values (?, ?, ?) on conflict do nothing",
                    rows.stream()
                            .map(r -> new Object[] {r.kind(), r.key(), r.marks()})
                            .toList());
        } catch (DataAccessException e) {
            log.warn("Meegeleverde bescherming van de demogegevens niet geladen; die worden opnieuw beschermd", e);
        }
    }
}
