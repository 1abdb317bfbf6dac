package nl.regiomonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.regiomonitor.IntegrationTest;

/**
 * Imports queued as rows (import_job), as another instance on the same database leaves them: waiting, claimed by an
 * instance that is alive, or claimed by one that died. This instance's queue must finish, leave or take over each.
 */
class ImportQueueTest extends IntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    /** A run and its job as {@link ImportQueue#enqueue} writes them, claimed as given; returns the run's id. */
    private long queue(String client, String claimedBy, String leaseUntil, int attempts) {
        long id = jdbc.queryForObject("select nextval('import_run_id_seq')", Long.class);
        jdbc.update("""
                insert into import_run (id, import_type, source_name, status, started_at, row_count, error_count,
                                        message, region_code, imported_by)
                values (?, 'waitlist', ?, 'RUNNING', now(), 0, 0, 'Bezig met controleren en laden…', null, 'beheerder')""", id, "queued-" + client + ".csv");
        jdbc.update(
                "insert into import_job (id, requested_type, upload, claimed_by, lease_until, attempts) "
                        + "values (?, 'waitlist', ?, ?, " + leaseUntil + ", ?)",
                id,
                (CsvHeaders.WAITLIST + "2024-01-31;" + client + ";ZK10;GGZ03W;ACTIEF\n")
                        .getBytes(StandardCharsets.UTF_8),
                claimedBy,
                attempts);
        return id;
    }

    private ImportResult waitUntilFinished(long id) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            while (true) {
                ImportResult now = imports.find(id).orElseThrow();
                if (now.status().finished()) {
                    return now;
                }
                Thread.sleep(50);
            }
        });
    }

    private long jobs(long id) {
        return jdbc.queryForObject("select count(*) from import_job where id = ?", Long.class, id);
    }

    private long loaded(String client) {
        return jdbc.queryForObject("select count(*) from waitlist_entry where client_id = ?", Long.class, client);
    }

    private long auditLines(long id, String status) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where subject = 'import' and subject_id = ? and summary like ?",
                Long.class,
                String.valueOf(id),
                "%" + status);
    }

    @Test
    void aWaitingJobIsClaimedAndFinished() {
        long id = queue("TESTQUEUE01", null, "null", 0);

        ImportResult result = waitUntilFinished(id);

        assertThat(result.status()).isEqualTo(ImportStatus.LOADED);
        assertThat(result.importedBy()).isEqualTo("beheerder");
        assertThat(loaded("TESTQUEUE01")).isEqualTo(1);
        assertThat(jobs(id)).as("the job and its upload go with the outcome").isZero();
        assertThat(auditLines(id, "Geladen")).isEqualTo(1);
    }

    @Test
    void aJobWhoseClaimerDiedIsTakenOverAndFinished() {
        long id = queue("TESTQUEUE02", "gestorven-instantie", "now() - interval '1 minute'", 1);

        ImportResult result = waitUntilFinished(id);

        assertThat(result.status()).isEqualTo(ImportStatus.LOADED);
        assertThat(loaded("TESTQUEUE02")).isEqualTo(1);
        assertThat(jobs(id)).isZero();
        assertThat(auditLines(id, "Geladen")).isEqualTo(1);
    }

    @Test
    void aJobWithARunningLeaseStaysWithItsClaimerWhoseProgressEveryInstanceShows() throws Exception {
        long id = queue("TESTQUEUE03", "levende-instantie", "now() + interval '1 minute'", 1);
        jdbc.update(
                "update import_job set progress_rows = 500, progress_fraction = 0.25, progress_type = 'waitlist' "
                        + "where id = ?",
                id);

        Thread.sleep(1500); // three looks of the queue
        ImportResult running = imports.find(id).orElseThrow();

        assertThat(running.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(running.progress()).isEqualTo(0.25);
        assertThat(running.rowCount()).isEqualTo(500);
        assertThat(running.type()).isEqualTo("waitlist");
        assertThat(running.message()).isEqualTo("Bezig met controleren en laden…");
        assertThat(jdbc.queryForObject("select claimed_by from import_job where id = ?", String.class, id))
                .isEqualTo("levende-instantie");
        assertThat(loaded("TESTQUEUE03")).isZero();
        // the other instance dies: its lease runs out, and this one takes the job over
        jdbc.update("update import_job set lease_until = now() - interval '1 second' where id = ?", id);
        assertThat(waitUntilFinished(id).status()).isEqualTo(ImportStatus.LOADED);
        assertThat(loaded("TESTQUEUE03")).isEqualTo(1);
    }

    @Test
    void aStalledClaimerWhoseTransactionIsStillOpenKeepsItsJob() throws Exception {
        long id = queue("TESTQUEUE04", "trage-instantie", "now() - interval '1 minute'", 1);
        try (Connection stalled = dataSource.getConnection()) {
            // the claimer's import transaction holds its run's lock; its heartbeat has stopped
            stalled.setAutoCommit(false);
            try (Statement lock = stalled.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(hashtext('regiomonitor-import-run'), " + id + ")");
            }
            Thread.sleep(1500);
            assertThat(jdbc.queryForObject("select claimed_by from import_job where id = ?", String.class, id))
                    .isEqualTo("trage-instantie");
            assertThat(imports.find(id).orElseThrow().status()).isEqualTo(ImportStatus.RUNNING);
            stalled.rollback(); // the transaction ends without an outcome: the job is free to be taken over
        }
        assertThat(waitUntilFinished(id).status()).isEqualTo(ImportStatus.LOADED);
        assertThat(loaded("TESTQUEUE04")).isEqualTo(1);
    }

    @Test
    void aJobWhoseClaimersDiedAsOftenAsItMayBeTriedIsAbortedWithADutchMessage() {
        long id = queue("TESTQUEUE05", "gestorven-instantie", "now() - interval '1 minute'", ImportQueue.MAX_ATTEMPTS);

        ImportResult result = waitUntilFinished(id);

        assertThat(result.status()).isEqualTo(ImportStatus.ABORTED);
        assertThat(result.statusText()).isEqualTo("Afgebroken");
        assertThat(result.message())
                .contains("afgebroken")
                .contains(ImportQueue.MAX_ATTEMPTS + " keer")
                .contains("niets veranderd")
                .contains("import " + id);
        assertThat(result.finishedAt()).isNotNull();
        assertThat(loaded("TESTQUEUE05")).isZero();
        assertThat(jobs(id)).isZero();
        assertThat(auditLines(id, "Afgebroken")).isEqualTo(1);
    }
}
