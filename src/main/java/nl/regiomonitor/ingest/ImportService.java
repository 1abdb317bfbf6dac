package nl.regiomonitor.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.util.Comparator;
import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.region.CodeList;
import nl.regiomonitor.region.ReferenceCodes;
import nl.regiomonitor.web.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import nl.regiomonitor.security.AuditAction;
import nl.regiomonitor.security.AuditService;
import nl.regiomonitor.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Imports files of the formats of SPEC.md §3, each in one transaction (see {@link ImportJob}),
 * and keeps their history. A file is national (imported by the administrator) or for one region
 * (by its care office; every row must be of that region). Its identity is its type, region and
 * name: a new version with the same name replaces the rows of the earlier one; the same bytes
 * again change nothing. Every import is written to the audit trail.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    /** Population first, so regions have inhabitants before client data arrive. */
    private static final List<String> FOLDER_ORDER = List.of("population", "indications", "allocations", "waitlist", "costs");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ReferenceCodes referenceCodes;
    private final ObjectMapper json;
    private final AuditService audit;
    private final List<LoadListener> listeners;
    private final ApplicationEventPublisher events;
    private final Map<String, ImportFormat> formats = new LinkedHashMap<>();
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final ImportWatchdog watchdog;
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "import");
        thread.setDaemon(true);
        return thread;
    });

    private record Running(String type, String source, String region, String actor, OffsetDateTime startedAt,
                           ImportJob.Progress progress) {
    }

    public ImportService(DataSource dataSource, ReferenceCodes referenceCodes, ObjectMapper json, AuditService audit,
                         List<ImportFormat> formats, ObjectProvider<LoadListener> listeners,
                         ApplicationEventPublisher events,
                         @Value("${regiomonitor.import.max-duration:15m}") Duration maxDuration) {
        this.audit = audit;
        this.events = events;
        this.watchdog = new ImportWatchdog(maxDuration);
        this.listeners = listeners.orderedStream().toList();
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.referenceCodes = referenceCodes;
        this.json = json;
        formats.stream()
                .sorted(Comparator.comparingInt(f -> folderPosition(f.type())))
                .forEach(f -> this.formats.put(f.type(), f));
    }

    /** The formats, in the order a folder of files is best imported. */
    public List<ImportFormat> formats() {
        return List.copyOf(formats.values());
    }

    /** Whether {@code type} names a format; null means "recognise it from the header". */
    public void checkType(String type) {
        if (type != null && !formats.containsKey(type)) {
            throw new InvalidImportRequest("Onbekende soort bestand '" + type + "'. Kies uit: "
                    + String.join(", ", formats.keySet()) + ".");
        }
    }

    /**
     * Whether {@code type} and {@code region} may go together: a national format (population)
     * is never imported for one region. Checked before the upload is read.
     */
    public void checkRequest(String type, String region) {
        checkType(type);
        checkRegion(region);
        if (type != null && region != null && formats.get(type).national()) {
            throw new InvalidImportRequest("Een bestand van de soort '" + formats.get(type).label()
                    + "' geldt voor het hele land en wordt alleen door de beheerder geïmporteerd, niet voor één regio.");
        }
    }

    /** Whether {@code region} is null (a national file) or a known region code. */
    public void checkRegion(String region) {
        if (region != null && !referenceCodes.codes(CodeList.REGION).contains(region)) {
            throw new InvalidImportRequest("Onbekende regio '" + region + "'.");
        }
    }

    /** Imports a national file now, as the system or the current user, and returns the outcome. */
    public ImportResult importFile(Path file, String sourceName, String type) {
        return importFile(file, sourceName, type, null);
    }

    /** Imports a file now for {@code region} (null: national) and returns the outcome. */
    public ImportResult importFile(Path file, String sourceName, String type, String region) {
        checkRequest(type, region);
        long id = nextId();
        String name = Uploads.cleanName(sourceName);
        String actor = CurrentUser.name();
        OffsetDateTime started = OffsetDateTime.now(Dutch.ZONE);
        begin(id, name, type, region, actor, started, null);
        return execute(id, file, name, type, region, actor, started, new ImportJob.Progress());
    }

    /**
     * Imports every .csv and .xlsx file of a folder, one transaction each. A file named after a
     * type ({@code indications.csv}) is of that type, others are recognised by their header;
     * population goes first, so regions have inhabitants before client data arrive.
     */
    public List<ImportResult> importFolder(Path folder, String namePrefix) throws IOException {
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(csv|xlsx)"))
                    .sorted(Comparator.comparingInt((Path f) -> folderPosition(typeOfName(f)))
                            .thenComparing(Path::getFileName))
                    .toList();
        }
        if (files.isEmpty()) {
            throw new InvalidImportRequest("In de map " + folder + " staan geen .csv- of .xlsx-bestanden.");
        }
        return files.stream()
                .map(f -> importFile(f, namePrefix + f.getFileName(), typeOfName(f)))
                .toList();
    }

    /** The type a file's name announces ({@code costs.csv} → costs), or null. */
    private String typeOfName(Path file) {
        String name = file.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return formats.containsKey(stem) ? stem : null;
    }

    private static int folderPosition(String type) {
        int position = FOLDER_ORDER.indexOf(type);
        return position < 0 ? FOLDER_ORDER.size() : position;
    }

    /**
     * Starts importing a file in the background and returns its id at once; {@link #find(long)}
     * tells how far it is. The file is deleted afterwards.
     */
    public long submit(Path file, String sourceName, String type, String region) {
        checkRequest(type, region);
        long id = nextId();
        String name = Uploads.cleanName(sourceName);
        String actor = CurrentUser.name();
        ImportJob.Progress progress = new ImportJob.Progress();
        progress.type = type;
        OffsetDateTime started = OffsetDateTime.now(Dutch.ZONE);
        begin(id, name, type, region, actor, started, file);
        running.put(id, new Running(type, name, region, actor, started, progress));
        background.submit(() -> {
            try {
                execute(id, file, name, type, region, actor, started, progress);
            } finally {
                running.remove(id);
                deleteQuietly(file);
            }
        });
        return id;
    }

    public Optional<ImportResult> find(long id) {
        Running now = running.get(id);
        if (now != null) {
            ImportJob.Progress p = now.progress();
            return Optional.of(new ImportResult(id, p.type, now.source(), now.region(), now.actor(), ImportStatus.RUNNING, p.fraction(), p.rows, 0,
                    List.of(), "Bezig met controleren en laden…", now.startedAt(), null, null));
        }
        return jdbc.query("select * from import_run where id = ?", this::mapWithErrors, id).stream().findFirst();
    }

    /** An import, if it is one of {@code region} (or any import when region is null). */
    public Optional<ImportResult> find(long id, String region) {
        return find(id).filter(r -> region == null || region.equals(r.region()));
    }

    /** The most recent imports, newest first, without their error lists: of one region, or all when region is null. */
    public List<ImportResult> history(int limit, String region) {
        return region == null
                ? jdbc.query("select * from import_run order by id desc limit ?", withoutErrors(), limit)
                : jdbc.query("select * from import_run where region_code = ? order by id desc limit ?", withoutErrors(),
                region, limit);
    }

    private ImportResult execute(long id, Path file, String sourceName, String type, String region, String actor,
                                 OffsetDateTime started, ImportJob.Progress progress) {
        ImportResult result;
        try (ImportWatchdog.Guard guard = watchdog.watch(id)) {
            result = load(id, file, sourceName, type, region, actor, started, progress, guard);
        }
        try {
            audit.recordAs(actor, AuditAction.IMPORT, "import", id, region,
                    "Import " + id + " (" + result.type() + ", " + sourceName + "): " + result.statusText(), null,
                    Map.of("soort", String.valueOf(result.type()), "bestand", sourceName, "status", result.status().name(),
                            "regels", result.rowCount(), "fouten", result.errorCount()));
        } catch (RuntimeException e) {
            log.error("Import {} kon niet in het audittrail worden geschreven", id, e);
        }
        return result;
    }

    private ImportResult load(long id, Path file, String sourceName, String type, String region, String actor,
                              OffsetDateTime started, ImportJob.Progress progress, ImportWatchdog.Guard guard) {
        ImportJob job = new ImportJob(id, file, sourceName, region, type, formats, referenceCodes, progress);
        ImportJob.Outcome outcome;
        try (Connection connection = dataSource.getConnection()) {
            guard.watch(connection);
            connection.setAutoCommit(false);
            try {
                holdRunLock(connection, id);
                outcome = job.run(connection);
                if (outcome.status() == ImportStatus.LOADED) {
                    for (LoadListener listener : listeners) {
                        listener.loaded(connection, outcome.format().type());
                    }
                    record(connection, id, outcome);
                    connection.commit();
                    log.info("Import {} ({}, {}): {}", id, outcome.format().type(), sourceName, outcome.message());
                    events.publishEvent(new DataLoaded(id, outcome.format().type()));
                    return stored(id);
                }
                connection.rollback();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            record(connection, id, outcome);
            log.info("Import {} ({}): {}", id, sourceName, outcome.message());
        } catch (IOException | SQLException | RuntimeException e) {
            String message;
            if (guard.fired()) {
                Thread.interrupted(); // the watchdog's interrupt; recording the failure needs a connection
                log.warn("Import {} van {} is na {} afgebroken", id, sourceName, watchdog.limit(), e);
                message = "Het importeren duurde langer dan " + minutes(watchdog.limit()) + " en is afgebroken; "
                        + "er is niets veranderd. Probeer het later opnieuw of meld het bij de beheerder (import " + id + ").";
            } else {
                log.error("Import {} van {} is mislukt", id, sourceName, e);
                message = "Het importeren is mislukt door een technische fout; er is niets veranderd. "
                        + "Probeer het later opnieuw of meld het bij de beheerder (import " + id + ").";
            }
            outcome = new ImportJob.Outcome(ImportStatus.FAILED, type == null ? null : formats.get(type), null, 0, 0,
                    List.of(), message);
            try (Connection connection = dataSource.getConnection()) {
                record(connection, id, outcome);
            } catch (SQLException | RuntimeException again) {
                log.error("Ook het vastleggen van import {} is mislukt", id, again);
                return new ImportResult(id, type, sourceName, region, actor, ImportStatus.FAILED, 1, 0, 0, List.of(), outcome.message(),
                        started, OffsetDateTime.now(Dutch.ZONE), null);
            }
        }
        return stored(id);
    }

    /** The import as recorded, also while it still counts as running for {@link #find(long)}. */
    private ImportResult stored(long id) {
        return jdbc.query("select * from import_run where id = ?", this::mapWithErrors, id).get(0);
    }

    /**
     * Records the import as running, committed at once: a process killed mid-import leaves this
     * row (and the path of its upload), which the next start marks as aborted.
     */
    private void begin(long id, String sourceName, String type, String region, String actor, OffsetDateTime started,
                       Path upload) {
        jdbc.update("""
                insert into import_run (id, import_type, source_name, status, started_at, row_count, error_count,
                                        message, region_code, imported_by, upload_path)
                values (?, ?, ?, 'RUNNING', ?, 0, 0, ?, ?, ?, ?)""",
                id, type == null ? "onbekend" : type, sourceName, Timestamp.from(started.toInstant()),
                "Bezig met controleren en laden…", region, actor, upload == null ? null : upload.toString());
    }

    /** Held by the import's transaction: while it is held, the run is alive, in whichever process. */
    private static void holdRunLock(Connection connection, long id) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "select pg_advisory_xact_lock(hashtext('regiomonitor-import-run'), ?)")) {
            lock.setInt(1, (int) id);
            lock.execute();
        }
    }

    private void record(Connection connection, long id, ImportJob.Outcome outcome) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update import_run set import_type = ?, sha256 = ?, status = ?, finished_at = now(), row_count = ?,
                                      error_count = ?, errors = cast(? as jsonb), message = ?, upload_path = null
                where id = ?""")) {
            update.setString(1, outcome.format() == null ? "onbekend" : outcome.format().type());
            update.setString(2, outcome.sha256());
            update.setString(3, outcome.status().name());
            update.setLong(4, outcome.rows());
            update.setLong(5, outcome.errorCount());
            update.setString(6, toJson(outcome.errors()));
            update.setString(7, outcome.message());
            update.setLong(8, id);
            update.executeUpdate();
        }
    }

    /**
     * At the start of the web application: an import recorded as running that no process is
     * loading any more (the application was killed) is marked aborted, with a line in the audit
     * trail, and its upload file is removed. Returns how many there were.
     */
    @EventListener
    void abortUnfinished(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext) {
            abortUnfinished();
        }
    }

    int abortUnfinished() {
        record Unfinished(long id, String type, String source, String region, String actor, String upload) {
        }
        List<Unfinished> unfinished = jdbc.query("select * from import_run where status = 'RUNNING' order by id",
                (rs, n) -> new Unfinished(rs.getLong("id"), rs.getString("import_type"), rs.getString("source_name"),
                        rs.getString("region_code"), rs.getString("imported_by"), rs.getString("upload_path")));
        int aborted = 0;
        for (Unfinished run : unfinished) {
            if (running.containsKey(run.id()) || !markAborted(run.id())) {
                continue; // still being imported, here or by another process
            }
            aborted++;
            log.warn("Import {} ({}) was niet afgemaakt en is als afgebroken vastgelegd", run.id(), run.source());
            audit.recordAs(run.actor() == null ? CurrentUser.name() : run.actor(), AuditAction.IMPORT, "import", run.id(), run.region(),
                    "Import " + run.id() + " (" + run.type() + ", " + run.source() + "): " + ImportStatus.ABORTED.dutch(), null,
                    Map.of("soort", run.type(), "bestand", run.source(), "status", ImportStatus.ABORTED.name()));
            if (run.upload() != null) {
                deleteQuietly(Path.of(run.upload()));
            }
        }
        return aborted;
    }

    private boolean markAborted(long id) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "select pg_try_advisory_xact_lock(hashtext('regiomonitor-import-run'), ?)");
                 PreparedStatement update = connection.prepareStatement("""
                         update import_run set status = 'ABORTED', finished_at = now(), upload_path = null, message = ?
                         where id = ? and status = 'RUNNING'""")) {
                lock.setInt(1, (int) id);
                boolean dead;
                try (ResultSet rs = lock.executeQuery()) {
                    dead = rs.next() && rs.getBoolean(1);
                }
                int marked = 0;
                if (dead) {
                    update.setString(1, "De import is afgebroken: de toepassing stopte voordat hij klaar was. "
                            + "Er is niets veranderd. Importeer het bestand opnieuw.");
                    update.setLong(2, id);
                    marked = update.executeUpdate();
                }
                connection.commit();
                return marked == 1;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            log.error("Import {} kon niet als afgebroken worden vastgelegd", id, e);
            return false;
        }
    }

    private static String minutes(Duration limit) {
        long minutes = limit.toMinutes();
        return minutes >= 1 ? minutes + (minutes == 1 ? " minuut" : " minuten")
                : limit.toSeconds() + (limit.toSeconds() == 1 ? " seconde" : " seconden");
    }

    private long nextId() {
        return jdbc.queryForObject("select nextval('import_run_id_seq')", Long.class);
    }

    private String toJson(List<ImportError> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportResult mapWithErrors(ResultSet rs, int rowNum) throws SQLException {
        List<ImportError> errors;
        try {
            errors = json.readValue(rs.getString("errors"), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return map(rs, errors);
    }

    private RowMapper<ImportResult> withoutErrors() {
        return (rs, rowNum) -> map(rs, List.of());
    }

    private static ImportResult map(ResultSet rs, List<ImportError> errors) throws SQLException {
        return new ImportResult(rs.getLong("id"), rs.getString("import_type"), rs.getString("source_name"),
                rs.getString("region_code"), rs.getString("imported_by"),
                ImportStatus.valueOf(rs.getString("status")), 1.0, rs.getLong("row_count"), rs.getLong("error_count"),
                errors, rs.getString("message"),
                rs.getObject("started_at", OffsetDateTime.class).atZoneSameInstant(Dutch.ZONE).toOffsetDateTime(),
                Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class))
                        .map(t -> t.atZoneSameInstant(Dutch.ZONE).toOffsetDateTime()).orElse(null),
                rs.getObject("replaced_by", Long.class));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Tijdelijk bestand {} kon niet worden verwijderd", file, e);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
        watchdog.close();
    }

    /** A request that cannot be carried out as asked (unknown type, no file); its message is for people. */
    public static class InvalidImportRequest extends Refusal {
        public InvalidImportRequest(String message) {
            super(Kind.INVALID, message);
        }
    }
}
