package nl.regiomonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Duplicate keys, found after the file is read, stand in the error list where they stood when found row by row. */
class RowChecksTest {

    private static final List<String> KEY_FIELDS = List.of("client_id", "valid_from");
    private static final int[] KEY_POSITIONS = {0, 1};
    private static final int[] COLUMNS = {0, 1};

    private final RowChecks checks = new RowChecks();
    private final FileKeys keys = new FileKeys();

    private void row(long line, String client, String from) {
        checks.noteKey(line, KEY_POSITIONS, new String[] {client, " " + from + " "}, COLUMNS, keys);
    }

    @Test
    void aDuplicateKeyComesAfterTheErrorsOfEarlierLinesAndBeforeThoseOfLaterOnes() {
        row(2, "A", "2023-01-15");
        checks.error(3, "region_code", "ZK99", "Onbekende regiocode.");
        row(4, "A", "2023-01-15");
        checks.error(5, "origin", "X", "Onbekende herkomst.");
        row(6, "A", "2023-01-15");

        checks.checkKeys(KEY_FIELDS, keys);

        assertThat(checks.count()).isEqualTo(4);
        assertThat(checks.errors()).extracting(ImportError::line).containsExactly(3, 4, 5, 6);
        assertThat(checks.errors().get(1))
                .isEqualTo(new ImportError(
                        4,
                        null,
                        "A;2023-01-15",
                        "Dubbele sleutel: dezelfde combinatie van client_id, valid_from staat ook op regel 2."));
    }

    @Test
    void aFileWithoutDuplicatesKeepsItsErrorsAsTheyAre() {
        row(2, "A", "2023-01-15");
        checks.error(3, "region_code", "ZK99", "Onbekende regiocode.");
        row(4, "B", "2023-01-15");

        checks.checkKeys(KEY_FIELDS, keys);

        assertThat(checks.count()).isEqualTo(1);
        assertThat(checks.errors()).extracting(ImportError::line).containsExactly(3);
    }

    @Test
    void theListedErrorsAreTheFirstByLineAndTheCountHasThemAll() {
        row(2, "A", "2023-01-15");
        row(3, "A", "2023-01-15");
        for (int line = 4; line < 4 + RowChecks.MAX_LISTED_ERRORS; line++) {
            checks.error(line, "origin", "X", "Onbekende herkomst.");
        }
        row(RowChecks.MAX_LISTED_ERRORS + 10, "A", "2023-01-15");

        checks.checkKeys(KEY_FIELDS, keys);

        assertThat(checks.count()).isEqualTo(RowChecks.MAX_LISTED_ERRORS + 2L);
        assertThat(checks.errors()).hasSize(RowChecks.MAX_LISTED_ERRORS);
        assertThat(checks.errors().get(0).line()).isEqualTo(3);
        assertThat(checks.errors().get(0).message()).startsWith("Dubbele sleutel");
        assertThat(checks.errors().get(RowChecks.MAX_LISTED_ERRORS - 1).line())
                .isEqualTo(RowChecks.MAX_LISTED_ERRORS + 2);
    }
}
