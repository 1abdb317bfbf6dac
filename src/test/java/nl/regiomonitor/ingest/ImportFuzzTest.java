package nl.regiomonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.ingest.MalformedFiles.Malformed;
import nl.regiomonitor.ingest.MalformedFiles.Type;

/**
 * Seeded, bounded fuzzing of the importer (issue 14, "done when"): thousands of malformed files of
 * every import type, CSV and .xlsx, each certain to be wrong. Every one must end, be refused in
 * Dutch with the line or field named, show no internal name, and leave the data as they were.
 * Another seed: {@code -Dregiomonitor.fuzz.seed=…}.
 */
class ImportFuzzTest extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(ImportFuzzTest.class);
    private static final long SEED = Long.getLong("regiomonitor.fuzz.seed", 14L);
    private static final int FILES = 2_100;
    private static final List<String> TABLES =
            List.of("indication", "care_allocation", "waitlist_entry", "cost_line", "population");
    private static final Pattern INTERNAL =
            Pattern.compile("Exception|org\\.|java\\.|SQL|\\bnull\\b|technische fout|\\tat ");
    private static final Pattern DUTCH = Pattern.compile(
            "(?i)\\b(de|het|een|is|niet|geen|regel|kolom|waarde|bestand|van|in|zijn|onbekende|dubbele|deze|mag|ontbreekt|ontbreken)\\b");

    @Autowired
    ImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path folder;

    private List<Long> counts() {
        return TABLES.stream()
                .map(t -> jdbc.queryForObject("select count(*) from " + t, Long.class))
                .toList();
    }

    @Test
    @DisplayName(
            "2.100 misvormde importbestanden (seed 14, of -Dregiomonitor.fuzz.seed) worden allemaal in het Nederlands geweigerd")
    void malformedFilesOfEveryTypeAreRefusedInDutchAndChangeNothing() {
        List<Long> before = counts();
        long started = System.nanoTime();
        int[] xlsx = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(170), () -> {
            // the files are made one after another from the seed, and imported two at a time, as two users would
            ExecutorService importers = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> imported = new ArrayList<>();
                Random random = new Random(SEED);
                for (int i = 0; i < FILES; i++) {
                    Type type = MalformedFiles.TYPES.get(i % MalformedFiles.TYPES.size());
                    boolean asXlsx = random.nextInt(10) == 0;
                    Malformed file =
                            asXlsx ? MalformedFiles.xlsx(type, random, i) : MalformedFiles.csv(type, random, i);
                    xlsx[0] += asXlsx ? 1 : 0;
                    Path path = folder.resolve("fuzz-" + i + (asXlsx ? ".xlsx" : ".csv"));
                    String region = type.regional() && random.nextBoolean() ? "ZK10" : null;
                    String requested = random.nextInt(4) == 0 ? null : type.name();
                    String source = "fuzz-" + SEED + "-" + i + ".csv";
                    String what = "file " + i + " (seed " + SEED + ", " + type.name() + ", " + file.fault()
                            + (asXlsx ? ", xlsx" : "") + ")";
                    imported.add(importers.submit(() -> {
                        Files.write(path, file.content());
                        check(imports.importFile(path, source, requested, region), what);
                        Files.delete(path);
                        return null;
                    }));
                    if (i % 300 == 299) {
                        assertThat(counts()).as("data while file %d is made", i).isEqualTo(before);
                    }
                }
                for (Future<?> file : imported) {
                    try {
                        file.get();
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof AssertionError failed ? failed : new AssertionError(e.getCause());
                    }
                }
            } finally {
                importers.shutdownNow();
            }
        });
        assertThat(counts()).isEqualTo(before);
        log.info(
                "Fuzz van imports: {} bestanden ({} als .xlsx), seed {}, in {} ms",
                FILES,
                xlsx[0],
                SEED,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void check(ImportResult result, String what) {
        assertThat(result.status()).as(what + ": " + result.message()).isEqualTo(ImportStatus.REJECTED);
        assertThat(result.message()).as(what).contains("niets veranderd").doesNotContainPattern(INTERNAL);
        assertThat(result.errors()).as(what).isNotEmpty();
        for (ImportError error : result.errors()) {
            assertThat(error.message()).as(what).containsPattern(DUTCH).doesNotContainPattern(INTERNAL);
            assertThat(error.line() != null
                            || error.column() != null
                            || error.message().contains("bestand"))
                    .as(what + ": names the line or field: " + error)
                    .isTrue();
            if (error.value() != null) {
                assertThat(error.value().length()).as(what).isLessThanOrEqualTo(200);
            }
            if (error.column() != null) {
                assertThat(error.column().length()).as(what).isLessThanOrEqualTo(200);
            }
        }
    }
}
