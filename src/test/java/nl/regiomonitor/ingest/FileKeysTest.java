package nl.regiomonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A file's keys: duplicates found at the end as if each key had been looked up as it came. */
class FileKeysTest {

    private final FileKeys keys = new FileKeys();

    private void add(long line, String... parts) {
        keys.begin();
        for (String part : parts) {
            keys.append(part);
        }
        keys.add(line);
    }

    @Test
    void everyLaterRowWithAKeyNamesTheFirstRowWithIt() {
        add(2, "A", "GGZ03W", "2023-01-15");
        add(3, "B", "GGZ03W", "2023-01-15");
        add(4, "A", "GGZ03W", "2023-01-15");
        add(5, "A", "GGZ03W", "2023-01-16");
        add(9, "A", "GGZ03W", "2023-01-15");

        assertThat(keys.duplicates())
                .containsExactly(
                        new FileKeys.Duplicate(4, 2, "A\u0001GGZ03W\u00012023-01-15\u0001"),
                        new FileKeys.Duplicate(9, 2, "A\u0001GGZ03W\u00012023-01-15\u0001"));
    }

    @Test
    void keysWithTheSameHashAreNotTheSameKey() {
        // "Aa" and "BB" have the same String hash, so their keys hash alike too
        add(2, "Aa", "x");
        add(3, "BB", "x");
        add(4, "BB", "x");
        add(5, "Aa", "x");

        assertThat(keys.duplicates())
                .extracting(FileKeys.Duplicate::line, FileKeys.Duplicate::earlierLine)
                .containsExactly(tuple(4, 3), tuple(5, 2));
    }

    @Test
    void partsAreKeptApartByTheirSeparator() {
        add(2, "ab", "c");
        add(3, "a", "bc");

        assertThat(keys.duplicates()).isEmpty();
    }

    @Test
    void aKeyOutsideAsciiIsShownAsItWasWritten() {
        add(2, "Zoë € 😀", "1");
        add(3, "Zoë € 😀", "1");

        assertThat(keys.duplicates()).extracting(FileKeys.Duplicate::key).containsExactly("Zoë € 😀\u00011\u0001");
    }

    @Test
    void aMillionRowsOfOneKeyAreEachADuplicateOfTheFirst() {
        for (int line = 2; line < 1_000_002; line++) {
            add(line, "SAME", "2023-01-01");
        }

        List<FileKeys.Duplicate> duplicates = keys.duplicates();
        assertThat(duplicates).hasSize(999_999);
        assertThat(duplicates).allMatch(d -> d.earlierLine() == 2);
        assertThat(duplicates.get(0).line()).isEqualTo(3);
    }

    @Test
    void manyKeysOfWhichSomeRepeatAreFoundWhateverTheirHash() {
        for (int i = 0; i < 50_000; i++) {
            add(i + 2, "C" + i, "2023-01-01");
        }
        for (int i = 0; i < 50_000; i += 7) {
            add(i + 50_002, "C" + i, "2023-01-01");
        }

        List<FileKeys.Duplicate> duplicates = keys.duplicates();
        assertThat(duplicates).hasSize(7143);
        assertThat(duplicates).allMatch(d -> d.line() == d.earlierLine() + 50_000);
        assertThat(duplicates).extracting(FileKeys.Duplicate::line).isSorted();
        assertThat(keys.remove("C49999\u00012023-01-01\u0001")).isEqualTo(50_001);
        assertThat(keys.remove("C50000\u00012023-01-01\u0001")).isEqualTo(-1);
    }

    @Test
    void aStoredRowFindsTheLineOfItsKeyOnce() {
        add(2, "A", "2023-01-15");
        add(3, "Aa", "x");

        assertThat(keys.remove("BB\u0001x\u0001")).isEqualTo(-1);
        assertThat(keys.remove("Aa\u0001x\u0001")).isEqualTo(3);
        assertThat(keys.remove("Aa\u0001x\u0001")).isEqualTo(-1);
        assertThat(keys.isEmpty()).isFalse();
        assertThat(keys.remove("A\u00012023-01-15\u0001")).isEqualTo(2);
        assertThat(keys.isEmpty()).isTrue();
    }
}
