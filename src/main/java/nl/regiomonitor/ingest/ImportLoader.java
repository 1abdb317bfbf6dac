package nl.regiomonitor.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import nl.regiomonitor.region.ReferenceCodes;

/**
 * One import carried out: the file checked and loaded in one transaction under the run's lock, the load listeners
 * told, the run and its audit line recorded, and a failure or a run over the time limit recorded as such.
 * {@link ImportService} begins the run and decides whether this happens now or in the background.
 */
final class ImportLoader {

    /** Under the service's name, so all of an import's log lines keep one logger as before. */
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final DataSource dataSource;
    private final ImportRuns runs;
    private final ReferenceCodes referenceCodes;
    private final Map<String, ImportFormat> formats;
    private final List<LoadListener> listeners;
    private final ApplicationEventPublisher events;
    private final ImportWatchdog watchdog;

    ImportLoader(
            DataSource dataSource,
            ImportRuns runs,
            ReferenceCodes referenceCodes,
            Map<String, ImportFormat> formats,
            List<LoadListener> listeners,
            ApplicationEventPublisher events,
            ImportWatchdog watchdog) {
        this.dataSource = dataSource;
        this.runs = runs;
        this.referenceCodes = referenceCodes;
        this.formats = formats;
        this.listeners = listeners;
        this.events = events;
        this.watchdog = watchdog;
    }

    ImportResult execute(
            long id,
            Path file,
            String sourceName,
            String type,
            String region,
            String actor,
            OffsetDateTime started,
            ImportJob.Progress progress) {
        try (ImportWatchdog.Guard guard = watchdog.watch(id)) {
            return load(id, file, sourceName, type, region, actor, started, progress, guard);
        }
    }

    private ImportResult load(
            long id,
            Path file,
            String sourceName,
            String type,
            String region,
            String actor,
            OffsetDateTime started,
            ImportJob.Progress progress,
            ImportWatchdog.Guard guard) {
        ImportJob job = new ImportJob(id, file, sourceName, region, type, formats, referenceCodes, progress);
        ImportJob.Outcome outcome;
        try (Connection connection = dataSource.getConnection()) {
            guard.watch(connection);
            connection.setAutoCommit(false);
            try {
                holdRunLock(connection, id);
                planForTheseRows(connection);
                outcome = job.run(connection, listeners);
                if (outcome.status() == ImportStatus.LOADED) {
                    runs.record(connection, id, outcome, sourceName, region, actor);
                    connection.commit();
                    log.info("Import {} ({}, {}): {}", id, outcome.format().type(), sourceName, outcome.message());
                    events.publishEvent(new DataLoaded(id, outcome.format().type()));
                    return stored(id);
                }
                connection.rollback();
                // nothing of the file is kept; the refusal and its audit line are one transaction of their own
                runs.record(connection, id, outcome, sourceName, region, actor);
                connection.commit();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            log.info("Import {} ({}): {}", id, sourceName, outcome.message());
        } catch (IOException | SQLException | RuntimeException e) {
            if (guard.stopped()) {
                Thread.interrupted(); // the watchdog's interrupt, as below
                throw new ImportStopped(id, e);
            }
            String message;
            if (guard.fired()) {
                Thread.interrupted(); // the watchdog's interrupt; recording the failure needs a connection
                log.warn("Import {} van {} is na {} afgebroken", id, sourceName, watchdog.limit(), e);
                message = "Het importeren duurde langer dan " + minutes(watchdog.limit()) + " en is afgebroken; "
                        + "er is niets veranderd. Probeer het later opnieuw of meld het bij de beheerder (import " + id
                        + ").";
            } else {
                log.error("Import {} van {} is mislukt", id, sourceName, e);
                message = "Het importeren is mislukt door een technische fout; er is niets veranderd. "
                        + "Probeer het later opnieuw of meld het bij de beheerder (import " + id + ").";
            }
            outcome = ImportJob.Outcome.failed(type == null ? null : formats.get(type), message);
            try {
                runs.record(id, outcome, sourceName, region, actor);
            } catch (SQLException | RuntimeException again) {
                log.error("Ook het vastleggen van import {} is mislukt", id, again);
                return ImportResult.failedUnrecorded(id, type, sourceName, region, actor, outcome.message(), started);
            }
        }
        return stored(id);
    }

    /** The import as recorded, also while it still counts as running for {@link ImportService#find(long)}. */
    private ImportResult stored(long id) {
        return runs.find(id).orElseThrow();
    }

    /** Held by the import's transaction: while it is held, the run is alive, in whichever process. */
    private static void holdRunLock(Connection connection, long id) throws SQLException {
        try (PreparedStatement lock =
                connection.prepareStatement("select pg_advisory_xact_lock(hashtext('regiomonitor-import-run'), ?)")) {
            lock.setInt(1, (int) id);
            lock.execute();
        }
    }

    /**
     * Plans every statement of this import for its own import numbers. A pooled connection that ran a statement
     * five times may get PostgreSQL's generic plan for it, which guesses the row counts per import number: with one
     * big file in the table, "rows of other imports" was guessed at one row, and an import then compared every
     * row with every row (minutes for 45,000 indications, hours for a million).
     */
    private static void planForTheseRows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local plan_cache_mode = force_custom_plan");
        }
    }

    private static String minutes(Duration limit) {
        long minutes = limit.toMinutes();
        return minutes >= 1
                ? minutes + (minutes == 1 ? " minuut" : " minuten")
                : limit.toSeconds() + (limit.toSeconds() == 1 ? " seconde" : " seconden");
    }
}
