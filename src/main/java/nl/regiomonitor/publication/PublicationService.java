package nl.regiomonitor.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.ingest.DataLoaded;
import nl.regiomonitor.web.PublicationNotice;

/**
 * Builds the publication in one background thread: a data change only asks for a build, and
 * changes that come in while one runs are taken together in the next. A build works out every
 * published table under a new generation (readers keep the current one), audits them all, and
 * stores them; only a complete build without findings becomes current. The first build runs
 * before the web server accepts requests, so the first visitor finds every table ready.
 */
@Service
@ConditionalOnWebApplication
public class PublicationService implements SmartLifecycle, PublicationNotice {

    private static final Logger log = LoggerFactory.getLogger(PublicationService.class);
    /** Before the web server starts (its phase is DEFAULT_PHASE - 2048). */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final Generations generations;
    private final DisclosureAuditService audit;
    private final ObjectProvider<DataThrough> dataThrough;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PublicationStore store;
    private final ObjectProvider<PublishedStatistics> statistics;

    private final Object lock = new Object();
    private final List<String> pending = new ArrayList<>();
    private long requested;
    private long done;
    private volatile Thread builder;
    /** The newest build, published or not. */
    private volatile Publication lastBuild;
    /** The newest published version (also one stored before a restart) and the digest of its cells. */
    private volatile Publication latest;

    private volatile String latestDigest;

    PublicationService(
            Generations generations,
            DisclosureAuditService audit,
            ObjectProvider<DataThrough> dataThrough,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            ObjectMapper json,
            ObjectProvider<PublishedStatistics> statistics) {
        this.statistics = statistics;
        this.generations = generations;
        this.audit = audit;
        this.dataThrough = dataThrough;
        this.jdbc = jdbc;
        this.json = json;
        this.store = new PublicationStore(jdbc, transaction, json);
    }

    @EventListener
    void loaded(DataLoaded event) {
        request("import " + event.importId() + " (" + event.type() + ")");
    }

    /** Asks for a new build; returns at once. */
    public void request(String reason) {
        synchronized (lock) {
            pending.add(reason);
            requested++;
            lock.notifyAll();
        }
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

    // --- building

    private void run() {
        while (true) {
            String reason;
            long upTo;
            synchronized (lock) {
                while (pending.isEmpty()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                reason = String.join(", ", pending);
                pending.clear();
                upTo = requested;
            }
            try {
                build(reason);
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

    private void build(String reason) {
        long started = System.nanoTime();
        long generation = generations.startBuilding();
        Publication published = null;
        long lastImport = 0;
        int threshold = audit.threshold();
        try {
            lastImport = jdbc.queryForObject(
                    "select coalesce(max(id), 0) from import_run where status = 'LOADED'", Long.class);
            List<Built> tables = protectAndAudit(audit.tables(), generation);
            DataThrough through = dataThrough.getIfAvailable();
            YearMonth last = through == null ? null : through.lastMonth();
            Map<String, String> cells = new LinkedHashMap<>();
            List<String> leaking = new ArrayList<>();
            long leakingCells = 0;
            int cellCount = 0;
            for (Built table : tables) {
                if (!table.report().findings().isEmpty()) {
                    leaking.add(table.report().name());
                    leakingCells += table.report().findings().size();
                }
                cells.put(table.report().name(), table.cells());
                cellCount += table.report().cells();
            }
            // derived statistics use published cells only (safe by construction): stored, not audited as tables
            statistics.orderedStream().forEach(derived -> cells.putAll(derived.statistics()));
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (!leaking.isEmpty()) {
                String problem = "in " + leaking.size() + (leaking.size() == 1 ? " tabel zijn " : " tabellen zijn ")
                        + leakingCells
                        + " verborgen cellen terug te rekenen ("
                        + String.join(", ", leaking.stream().limit(5).toList())
                        + (leaking.size() > 5 ? ", …" : "") + ").";
                lastBuild = store.rejected(
                        new PublicationStore.Build(
                                reason, last, millis, lastImport, threshold, tables.size(), cellCount),
                        problem);
                log.error("Publicatie {} niet gepubliceerd: {}", lastBuild.version(), problem);
                return;
            }
            String digest = digest(cells, threshold, last);
            Publication now = latest;
            if (now != null && digest.equals(latestDigest)) {
                // the same figures as published: the new generation shows the same version
                published = now;
                lastBuild = now;
                log.info("Cijfers ongewijzigd na {}: publicatie {} blijft ({} ms)", reason, now.version(), millis);
                return;
            }
            published = store.published(
                    new PublicationStore.Build(reason, last, millis, lastImport, threshold, tables.size(), cellCount),
                    digest,
                    cells);
            latest = published;
            latestDigest = digest;
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
                        lastImport,
                        threshold,
                        "een technische fout (zie het logbestand).");
            } catch (RuntimeException again) {
                log.error("Ook het vastleggen van de mislukte publicatie is mislukt", again);
            }
        } finally {
            generations.finishBuilding(generation, published);
        }
    }

    /** One table of a build: its audit, and its cells as published. */
    private record Built(DisclosureAuditService.TableReport report, String cells) {}

    /**
     * Protects, audits and writes out every table, on as many threads as the machine has cores (each
     * table asks the solver alone, for seconds); every worker reads the generation being built.
     */
    private List<Built> protectAndAudit(Map<String, Supplier<ProtectionPattern>> tables, long generation) {
        ExecutorService workers =
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
                    Thread worker = new Thread(runnable, "publication-worker");
                    worker.setDaemon(true);
                    return worker;
                });
        try {
            List<Future<Built>> futures = new ArrayList<>();
            tables.forEach((name, table) -> futures.add(workers.submit(() -> {
                try (AutoCloseable pinned = generations.pin(generation)) {
                    ProtectionPattern pattern = table.get();
                    return new Built(audit.audit(name, pattern), cells(pattern));
                }
            })));
            List<Built> built = new ArrayList<>();
            for (Future<Built> future : futures) {
                built.add(future.get());
            }
            return built;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Publication interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /** A table's cells as shown: a number, or the mark; never the value of a hidden cell. */
    private String cells(ProtectionPattern pattern) {
        ObjectNode node = json.createObjectNode();
        for (int cell = 0; cell < pattern.table().size(); cell++) {
            String key = pattern.table().key(cell);
            switch (pattern.mark(cell)) {
                case SHOWN -> node.put(key, pattern.table().value(cell));
                case PRIMARY -> node.put(key, "<" + pattern.threshold());
                case SECONDARY -> node.put(key, "x");
            }
        }
        return node.toString();
    }

    private static String digest(Map<String, String> cells, int threshold, YearMonth last) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((threshold + "|" + last + "\n").getBytes(StandardCharsets.UTF_8));
            cells.forEach(
                    (name, content) -> sha.update((name + "\n" + content + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- lifecycle: the first build before the web server opens

    @Override
    public void start() {
        store.latestPublished((publication, digest) -> {
            latest = publication;
            latestDigest = digest;
        });
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
