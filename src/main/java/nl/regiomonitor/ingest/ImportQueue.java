package nl.regiomonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.regiomonitor.common.Dutch;

/**
 * Uploaded files waiting for their import, as rows of import_job holding the upload's bytes, so that any instance
 * on the database imports them and none depends on the instance that received the upload.
 *
 * <p>An instance claims a waiting row ({@code FOR UPDATE SKIP LOCKED}) when one of its {@link #THREADS} import
 * threads is free: at once when it queued the file itself, when one of its imports ends, and else at its next look
 * ({@link #POLL}). While it imports, it renews its lease and writes the progress to the row every {@link #BEAT},
 * so every instance can answer how far the import is.
 *
 * <p>Why a job whose claimer died is taken over rather than failed: the import is one transaction, which
 * PostgreSQL rolls back when the claimer's connection goes, so nothing of it is left, and the upload is still in
 * the row; starting again elsewhere is safe and spares the user a new upload. A job is taken over when its lease
 * has run out and no transaction holds its run's lock (a claimer that merely stalls mid-import keeps it). After
 * {@link #MAX_ATTEMPTS} claims the file itself is the likely cause of the deaths, so the job is marked aborted
 * with a Dutch message instead of bringing down one instance after another.
 *
 * <p>An instance that stops (a deploy) hands its running jobs back at once rather than failing them or leaving them
 * to their lease: the import's transaction is rolled back, and the row is released without counting the attempt.
 */
final class ImportQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportQueue.class);

    static final int THREADS = 2;
    static final int MAX_ATTEMPTS = 3;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration BEAT = Duration.ofSeconds(1);
    /** How long a stopping instance waits for its import threads to hand their jobs back. */
    private static final Duration STOP = Duration.ofSeconds(10);
    /** Uploads are read back in slices, so an upload of hundreds of megabytes is never in memory at once. */
    private static final int SLICE = 8 * 1024 * 1024;

    /** A claimed job: its run and what the import needs to know. {@code type} null: recognised from the header. */
    record Job(long id, String name, String type, String region, String actor, OffsetDateTime started) {}

    /** Imports a claimed job's file, recording its outcome (which removes the job row). */
    interface Importer {
        void run(Job job, Path file, ImportJob.Progress progress);
    }

    private final String instance = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ImportRuns runs;
    private final Importer importer;
    /**
     * How long a claim of this instance holds without a heartbeat ({@code regiomonitor.import.lease}, 30 s): many
     * beats, so a busy database does not cost a claim; it is also how long a dead claimer's job waits.
     */
    private final Duration lease;

    private final Semaphore free = new Semaphore(THREADS);
    private volatile boolean stopping;
    private final ExecutorService workers = Executors.newFixedThreadPool(THREADS, r -> daemon(r, "import"));
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "import-queue"));

    ImportQueue(DataSource dataSource, ImportRuns runs, Importer importer, Duration lease) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.runs = runs;
        this.importer = importer;
        this.lease = lease;
    }

    /** Starts looking for jobs queued by any instance, and for jobs whose claimer died. */
    void start() {
        timer.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Records the run and queues its upload in one transaction; with a free import thread here, the job is
     * claimed in the same transaction and starts at once, else it waits for the first instance with one.
     */
    void enqueue(Job job, Path upload) throws IOException {
        boolean local = free.tryAcquire();
        try (InputStream in = Files.newInputStream(upload)) {
            long size = Files.size(upload);
            transaction.executeWithoutResult(status -> {
                runs.begin(job.id(), job.name(), job.type(), job.region(), job.actor(), job.started());
                jdbc.update("""
                        insert into import_job (id, requested_type, upload, claimed_by, lease_until, attempts)
                        values (?, ?, ?, ?, now() + make_interval(secs => ?), ?)""", ps -> {
                    ps.setLong(1, job.id());
                    ps.setString(2, job.type());
                    ps.setBinaryStream(3, in, size);
                    ps.setString(4, local ? instance : null);
                    ps.setLong(5, local ? lease.toSeconds() : 0);
                    ps.setInt(6, local ? 1 : 0);
                });
            });
        } catch (IOException | RuntimeException e) {
            if (local) {
                free.release();
            }
            throw e;
        }
        if (local) {
            workers.execute(() -> work(job));
        }
    }

    /** One look: mark jobs that used up their attempts, then claim waiting ones while threads are free. */
    private void poll() {
        try {
            abortExhausted();
            while (free.tryAcquire()) {
                Job job = claimOrRelease();
                if (job == null) {
                    return;
                }
                workers.execute(() -> work(job));
            }
        } catch (RuntimeException e) {
            log.warn("De wachtrij van imports kon niet worden bekeken", e);
        }
    }

    /** Runs {@code first} and then whatever waits, before this thread counts as free again. */
    private void work(Job first) {
        Job job = first;
        try {
            while (job != null) {
                run(job);
                job = claimOrRelease();
            }
        } catch (RuntimeException e) {
            log.warn("De wachtrij van imports kon niet worden bekeken", e); // its slot was given back
        }
    }

    /** The oldest claimable job, claimed for this instance; or null, and the thread slot given back. */
    private Job claimOrRelease() {
        Job job = null;
        try {
            job = stopping ? null : claim();
        } finally {
            if (job == null) {
                free.release();
            }
        }
        return job;
    }

    private Job claim() {
        List<Long> claimed = jdbc.queryForList("""
                update import_job j set claimed_by = ?, lease_until = now() + make_interval(secs => ?),
                                        attempts = j.attempts + 1
                where j.id = (select id from import_job
                              where (claimed_by is null or lease_until < now()) and attempts < ?
                                and pg_try_advisory_xact_lock(hashtext('regiomonitor-import-run'), id::int)
                              order by id limit 1 for update skip locked)
                returning j.id""", Long.class, instance, lease.toSeconds(), MAX_ATTEMPTS);
        if (claimed.isEmpty()) {
            return null;
        }
        return jdbc.queryForObject(
                """
                select r.id, r.source_name, j.requested_type, r.region_code, r.imported_by, r.started_at
                from import_run r join import_job j on j.id = r.id where r.id = ?""",
                (rs, n) -> new Job(
                        rs.getLong("id"),
                        rs.getString("source_name"),
                        rs.getString("requested_type"),
                        rs.getString("region_code"),
                        rs.getString("imported_by"),
                        rs.getObject("started_at", OffsetDateTime.class)
                                .atZoneSameInstant(Dutch.ZONE)
                                .toOffsetDateTime()),
                claimed.get(0));
    }

    private void run(Job job) {
        if (stopping) {
            release(job);
            return;
        }
        ImportJob.Progress progress = new ImportJob.Progress();
        progress.type = job.type();
        ScheduledFuture<?> beat =
                timer.scheduleAtFixedRate(() -> beat(job.id(), progress), 0, BEAT.toMillis(), TimeUnit.MILLISECONDS);
        Path file = null;
        try {
            file = download(job.id());
            importer.run(job, file, progress);
        } catch (ImportStopped e) {
            release(job);
        } catch (IOException | RuntimeException e) {
            // the row stays claimed: when the lease runs out, an instance tries again (MAX_ATTEMPTS in all)
            log.error("Import {} ({}) kon niet worden uitgevoerd", job.id(), job.name(), e);
        } finally {
            beat.cancel(false);
            if (file != null) {
                deleteQuietly(file);
            }
        }
    }

    /** Gives a claimed job back to the queue, as if never claimed, for whichever instance looks first. */
    private void release(Job job) {
        try {
            jdbc.update("""
                    update import_job set claimed_by = null, lease_until = null, attempts = attempts - 1,
                                          progress_rows = 0, progress_fraction = 0
                    where id = ? and claimed_by = ?""", job.id(), instance);
            log.info("Import {} ({}) is teruggezet in de wachtrij: de toepassing stopt", job.id(), job.name());
        } catch (RuntimeException e) {
            // its lease runs out instead, and another instance takes it over then
            log.warn("Import {} kon niet worden teruggezet in de wachtrij", job.id(), e);
        }
    }

    /** Renews the claim and publishes the progress, for whichever instance is asked how far the import is. */
    private void beat(long id, ImportJob.Progress progress) {
        try {
            jdbc.update("""
                    update import_job set lease_until = now() + make_interval(secs => ?), progress_type = ?,
                                          progress_rows = ?, progress_fraction = ?
                    where id = ? and claimed_by = ?""", lease.toSeconds(), progress.type, progress.rows, progress.fraction(), id, instance);
        } catch (RuntimeException e) {
            log.warn("De voortgang van import {} kon niet worden vastgelegd", id, e);
        }
    }

    /** The job's upload, copied slice by slice to a file of its own for the import to read. */
    private Path download(long id) throws IOException {
        Path file = Uploads.newCopy();
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int offset = 1; ; offset += SLICE) {
                byte[] slice = jdbc.queryForObject(
                        "select substring(upload from ? for ?) from import_job where id = ?",
                        byte[].class,
                        offset,
                        SLICE,
                        id);
                out.write(slice);
                if (slice.length < SLICE) {
                    return file;
                }
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** Jobs whose claimers died {@link #MAX_ATTEMPTS} times: aborted, with the run's audit line. */
    private void abortExhausted() {
        List<ImportRuns.Unfinished> exhausted = jdbc.query("""
                select r.* from import_run r join import_job j on j.id = r.id
                where j.lease_until < now() and j.attempts >= ? order by r.id""", (rs, n) -> ImportRuns.unfinished(rs), MAX_ATTEMPTS);
        for (ImportRuns.Unfinished run : exhausted) {
            try {
                if (runs.markAborted(
                        run,
                        run.actor(),
                        "De import is afgebroken: de toepassing stopte " + MAX_ATTEMPTS
                                + " keer tijdens deze import, mogelijk door het bestand zelf. Er is niets veranderd. "
                                + "Controleer het bestand of meld het bij de beheerder (import " + run.id() + ").")) {
                    log.warn("Import {} ({}) is na {} pogingen afgebroken", run.id(), run.source(), MAX_ATTEMPTS);
                }
            } catch (SQLException | RuntimeException e) {
                log.error("Import {} kon niet als afgebroken worden vastgelegd", run.id(), e);
            }
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Tijdelijk bestand {} kon niet worden verwijderd", file, e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Claims nothing more, and waits a little for the import threads: an import that the stop ended
     * ({@link ImportWatchdog#stopAll()}) gives its job back before the database goes.
     */
    @Override
    public void close() {
        stopping = true;
        timer.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
