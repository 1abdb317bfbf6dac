package nl.regiomonitor.publication;

import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import nl.regiomonitor.common.AdvisoryLock;
import nl.regiomonitor.ingest.DataLoaded;
import nl.regiomonitor.web.PublicationNotice;

/**
 * Builds the publication in one background thread: a data change only asks for a build, and
 * changes that come in while one runs are taken together in the next. A build works out every
 * published table under a new generation (readers keep the current one), audits them all, and
 * stores them; only a complete build without findings becomes current. The first build runs
 * before the web server accepts requests, so the first visitor finds every table ready. Instances on
 * one database build one at a time, and one whose figures come out as a stored version's shows that
 * version instead of storing another ({@link OtherInstances} says when another instance changed something).
 */
@Service
@ConditionalOnWebApplication
public class PublicationService implements SmartLifecycle, PublicationNotice {

    private static final Logger log = LoggerFactory.getLogger(PublicationService.class);
    /** Before the web server starts (its phase is DEFAULT_PHASE - 2048). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    /** The advisory lock every instance on the database takes around a build. */
    private static final String LOCK = "regiomonitor-publication";

    private final Generations generations;
    private final DisclosureAuditService audit;
    private final ObjectProvider<DataThrough> dataThrough;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final PublicationStore store;
    private final BuildWork work;
    private final ObjectProvider<PublishedStatistics> statistics;

    private final Object lock = new Object();
    private final List<String> pending = new ArrayList<>();
    /** Changes seen on other instances: a round for these alone builds only when no other instance did. */
    private final List<String> elsewhere = new ArrayList<>();

    private long requested;
    private long done;
    private volatile Thread builder;
    /** The newest build, published or not. */
    private volatile Publication lastBuild;
    /** The newest version in the store when this instance last looked, by whichever instance. */
    private volatile long knownVersion;
    /** The newest loaded import this instance has built from (or seen built). */
    private volatile long knownImport;

    PublicationService(
            Generations generations,
            DisclosureAuditService audit,
            ObjectProvider<DataThrough> dataThrough,
            JdbcTemplate jdbc,
            DataSource dataSource,
            TransactionTemplate transaction,
            ObjectMapper json,
            ObjectProvider<PublishedStatistics> statistics) {
        this.statistics = statistics;
        this.generations = generations;
        this.audit = audit;
        this.dataThrough = dataThrough;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.store = new PublicationStore(jdbc, transaction, json);
        this.work = new BuildWork(audit, generations, json);
    }

    @EventListener
    void loaded(DataLoaded event) {
        request("import " + event.importId() + " (" + event.type() + ")");
    }

    /** Asks for a new build; returns at once. */
    public void request(String reason) {
        enqueue(pending, reason);
    }

    /** Another instance published or imported: follow it, building only what no instance built. */
    void requestFromElsewhere(String reason) {
        enqueue(elsewhere, reason);
    }

    private void enqueue(List<String> queue, String reason) {
        synchronized (lock) {
            queue.add(reason);
            requested++;
            lock.notifyAll();
        }
    }

    long knownVersion() {
        return knownVersion;
    }

    long knownImport() {
        return knownImport;
    }

    /** Waits until every build asked for so far has finished, and returns the publication readers now see. */
    public Optional<Publication> awaitCurrent() {
        synchronized (lock) {
            long target = requested;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (done < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("Publication not built within 5 minutes");
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the publication", e);
                }
            }
        }
        return current();
    }

    /** Asks for a build and waits for it: the newest build, published or not. */
    public Publication rebuild(String reason) {
        request(reason);
        awaitCurrent();
        return lastBuild;
    }

    public Optional<Publication> current() {
        return Optional.ofNullable(generations.current().publication());
    }

    @Override
    public Optional<String> line() {
        return current().map(Publication::line);
    }

    @Override
    public Optional<String> problem() {
        Publication last = lastBuild;
        Publication now = generations.current().publication();
        if (last == null
                || last.status() == Publication.Status.PUBLISHED
                || (now != null && now.version() > last.version())) {
            return Optional.empty();
        }
        return Optional.of(
                "De nieuwste cijfers (versie " + last.version() + ", na " + last.reason() + ") zijn niet gepubliceerd: "
                        + last.problem() + (now == null ? "" : " De pagina's tonen publicatie " + now.version() + "."));
    }

    /** Every build, newest first. */
    public List<Publication> all() {
        return store.all();
    }

    public Optional<Publication> find(long version) {
        return store.find(version);
    }

    /** The names of the tables of a published version, in the order they were built. */
    public List<String> tableNames(long version) {
        return store.tableNames(version);
    }

    /** The cells of one stored table as published: key to number or mark. */
    public Optional<Map<String, Object>> table(long version, String name) {
        return store.table(version, name);
    }

    // --- building: one thread, one round at a time, for every request made before the round began
    private void run() {
        while (true) {
            String reason;
            boolean fromElsewhere;
            long upTo;
            synchronized (lock) {
                while (pending.isEmpty() && elsewhere.isEmpty()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                fromElsewhere = pending.isEmpty();
                reason = String.join(", ", fromElsewhere ? elsewhere : pending);
                pending.clear();
                elsewhere.clear();
                upTo = requested;
            }
            try {
                buildAlone(reason, fromElsewhere);
            } finally {
                synchronized (lock) {
                    done = upTo;
                    lock.notifyAll();
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /**
     * One instance on the database builds at a time: the others wait, and then find its build in the
     * store and reuse it when their figures come out the same.
     */
    private void buildAlone(String reason, boolean fromElsewhere) {
        try (AdvisoryLock held = AdvisoryLock.acquire(dataSource, LOCK)) {
            build(reason, fromElsewhere);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Publicatie afgebroken: de applicatie stopt");
        } catch (SQLException | RuntimeException e) {
            // build() records its own failures: this is the lock's connection, so there is no database to record in
            if (builder != null) {
                log.error("Publicatie na {} niet gebouwd: de database is niet bereikbaar", reason, e);
            }
        }
    }

    private void build(String reason, boolean fromElsewhere) {
        long started = System.nanoTime();
        long generation = generations.startBuilding();
        Publication published = null;
        Long lastImport = null;
        int threshold = audit.threshold();
        try {
            lastImport = jdbc.queryForObject(
                    "select coalesce(max(id), 0) from import_run where status = 'LOADED'", Long.class);
            Optional<PublicationStore.Stored> stored = store.latestPublished();
            Optional<PublicationStore.Stored> newest = store.newest();
            newest.ifPresent(
                    n -> knownVersion = Math.max(knownVersion, n.publication().version()));
            if (fromElsewhere && nothingNew(lastImport, stored, newest)) {
                return;
            }
            // another instance built from these data already: show its version, never store one beside it
            long covered = lastImport;
            boolean mayStore = !fromElsewhere
                    || stored.filter(s -> s.lastImport() >= covered).isEmpty();
            List<BuildWork.Built> tables = work.protectAndAudit(generation);
            DataThrough through = dataThrough.getIfAvailable();
            YearMonth last = through == null ? null : through.lastMonth();
            Map<String, String> cells = new LinkedHashMap<>();
            Optional<String> leak = BuildWork.leak(tables);
            int cellCount = 0;
            for (BuildWork.Built table : tables) {
                cells.put(table.report().name(), table.cells());
                cellCount += table.report().cells();
            }
            // derived statistics use published cells only (safe by construction): stored, not audited as tables
            statistics.orderedStream().forEach(derived -> cells.putAll(derived.statistics()));
            long millis = (System.nanoTime() - started) / 1_000_000;
            String digest = BuildWork.digest(cells, threshold, last);
            Publication now = stored.map(PublicationStore.Stored::publication).orElse(null);
            if (now != null && leak.isEmpty() && digest.equals(stored.get().digest())) {
                // the same figures as published, here or by another instance: the new generation shows that version
                Publication before = generations.current().publication();
                published = now;
                lastBuild = now;
                if (before != null && before.version() == now.version()) {
                    log.info("Cijfers ongewijzigd na {}: publicatie {} blijft ({} ms)", reason, now.version(), millis);
                } else {
                    log.info("Publicatie {} overgenomen uit de database na {} ({} ms)", now.version(), reason, millis);
                }
                return;
            }
            if (!mayStore) {
                log.warn(
                        "Publicatie {} van een andere instantie toont andere cijfers dan deze instantie uit dezelfde "
                                + "gegevens rekent (andere instellingen, zoals de drempel?); deze instantie toont die niet",
                        now.version());
                return;
            }
            PublicationStore.Build build =
                    new PublicationStore.Build(reason, last, millis, lastImport, threshold, tables.size(), cellCount);
            if (leak.isPresent()) {
                String problem = leak.get();
                lastBuild = store.rejected(build, problem);
                knownVersion = lastBuild.version();
                log.error("Publicatie {} niet gepubliceerd: {}", lastBuild.version(), problem);
                return;
            }
            published = store.published(build, digest, cells);
            knownVersion = published.version();
            lastBuild = published;
            log.info(
                    "Publicatie {} ({}): {} tabellen, {} cellen, gecontroleerd in {} ms",
                    published.version(),
                    reason,
                    tables.size(),
                    cellCount,
                    millis);
        } catch (RuntimeException e) {
            if (builder == null) {
                log.info("Publicatie afgebroken: de applicatie stopt");
                return;
            }
            log.error("Publicatie na {} is mislukt", reason, e);
            try {
                lastBuild = store.failed(
                        reason,
                        (System.nanoTime() - started) / 1_000_000,
                        lastImport == null ? 0 : lastImport,
                        threshold,
                        "een technische fout (zie het logbestand).");
                knownVersion = lastBuild.version();
            } catch (RuntimeException again) {
                log.error("Ook het vastleggen van de mislukte publicatie is mislukt", again);
            }
        } finally {
            generations.finishBuilding(generation, published);
            if (lastImport != null) {
                knownImport = Math.max(knownImport, lastImport);
            }
        }
    }

    /**
     * Whether a change seen on another instance leaves this one nothing to do: it shows the newest
     * published version already, and has read these data before or another instance's audit refused them.
     */
    private boolean nothingNew(
            long lastImport, Optional<PublicationStore.Stored> stored, Optional<PublicationStore.Stored> newest) {
        Publication shown = generations.current().publication();
        if (stored.isPresent()
                && (shown == null
                        || shown.version() != stored.get().publication().version())) {
            return false;
        }
        if (lastImport <= knownImport) {
            return true;
        }
        Optional<Publication> refused = newest.filter(
                        n -> n.lastImport() >= lastImport && n.publication().status() == Publication.Status.REJECTED)
                .map(PublicationStore.Stored::publication);
        refused.ifPresent(r -> lastBuild = r);
        return refused.isPresent();
    }

    // --- lifecycle: the first build before the web server opens

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "publication-builder");
        thread.setDaemon(true);
        builder = thread;
        thread.start();
        long started = System.nanoTime();
        request("start");
        Publication ready = awaitCurrent().orElse(null);
        log.info(
                "Publicatie {} klaar voor de webserver opent ({} ms)",
                ready == null ? "-" : ready.version(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void stop() {
        Thread thread = builder;
        builder = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return builder != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
