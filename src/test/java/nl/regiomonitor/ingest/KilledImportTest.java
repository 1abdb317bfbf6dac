package nl.regiomonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.ChildCommand;
import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.ingest.synthetic.GeneratorSettings;
import nl.regiomonitor.ingest.synthetic.SyntheticDataGenerator;

/** A separate JVM imports a large file and is killed with SIGKILL halfway: nothing of it may remain. */
class KilledImportTest extends IntegrationTest {

    private static final List<String> TABLES =
            List.of("indication", "care_allocation", "waitlist_entry", "cost_line", "population");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportService imports;

    @Autowired
    HikariDataSource dataSource;

    @TempDir
    Path folder;

    private List<Long> counts() {
        return TABLES.stream()
                .map(t -> jdbc.queryForObject("select count(*) from " + t, Long.class))
                .toList();
    }

    @Test
    void killedMidImportLeavesTheDatabaseAsItWas() throws Exception {
        new SyntheticDataGenerator(new GeneratorSettings(7, YearMonth.of(2021, 1), YearMonth.of(2024, 12), 12))
                .generate(folder);
        Path big = folder.resolve(SyntheticDataGenerator.INDICATIONS);
        List<Long> before = counts();
        long lastRun = jdbc.queryForObject("select coalesce(max(id), 0) from import_run", Long.class);

        Process process = ChildCommand.command(dataSource, "import", "--type", "indications", big.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("child.log").toFile())
                .start();
        try {
            long copied = waitForCopiedRows(100_000, Duration.ofSeconds(120));
            assertThat(copied)
                    .as("rows the child had copied when it was killed")
                    .isGreaterThanOrEqualTo(100_000);
            process.destroyForcibly(); // SIGKILL
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(137);
        } finally {
            process.destroyForcibly();
        }
        waitUntilNoCopyRuns(Duration.ofSeconds(30));

        assertThat(counts()).isEqualTo(before);
        // the killed run left a trace: recorded as running when it started
        long killed = jdbc.queryForObject(
                "select id from import_run where id > ? and source_name = ?",
                Long.class,
                lastRun,
                big.getFileName().toString());
        assertThat(imports.find(killed).orElseThrow().status()).isEqualTo(ImportStatus.RUNNING);

        // at the next start it is marked aborted, with a line in the audit trail
        imports.abortUnfinished();
        ImportResult aborted = imports.find(killed).orElseThrow();
        assertThat(aborted.status()).isEqualTo(ImportStatus.ABORTED);
        assertThat(aborted.statusText()).isEqualTo("Afgebroken");
        assertThat(aborted.finishedAt()).isNotNull();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'IMPORT' and subject_id = ? "
                                + "and summary like '%Afgebroken'",
                        Long.class, String.valueOf(killed)))
                .isEqualTo(1);
        assertThat(counts()).isEqualTo(before);
    }

    private long waitForCopiedRows(long rows, Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        long copied = 0;
        while (Instant.now().isBefore(end) && copied < rows) {
            copied = jdbc.queryForObject(
                    "select coalesce(max(tuples_processed), 0) from pg_stat_progress_copy", Long.class);
            Thread.sleep(20);
        }
        return copied;
    }

    private void waitUntilNoCopyRuns(Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)
                && jdbc.queryForObject("select count(*) from pg_stat_progress_copy", Long.class) > 0) {
            Thread.sleep(50);
        }
    }
}
