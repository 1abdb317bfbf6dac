package nl.regiomonitor.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;
import jakarta.annotation.PreDestroy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.region.CodeList;
import nl.regiomonitor.region.ReferenceCodes;
import nl.regiomonitor.security.AuditService;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.web.Refusal;

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
    private static final List<String> FOLDER_ORDER =
            List.of("population", "indications", "allocations", "waitlist", "costs");

    private final ImportRuns runs;
    private final ReferenceCodes referenceCodes;
    private final Map<String, ImportFormat> formats = new LinkedHashMap<>();
    private final ImportWatchdog watchdog;
    private final ImportLoader loader;
    private final ImportQueue queue;
    /** Longer than any import reads its copy of the upload: the watchdog stops it at the maximum duration. */
    private final Duration uploadsStaleAfter;

    public ImportService(
            DataSource dataSource,
            ReferenceCodes referenceCodes,
            ObjectMapper json,
            AuditService audit,
            List<ImportFormat> formats,
            ObjectProvider<LoadListener> listeners,
            ApplicationEventPublisher events,
            @Value("${regiomonitor.import.max-duration:15m}") Duration maxDuration,
            @Value("${regiomonitor.import.lease:30s}") Duration lease) {
        this.watchdog = new ImportWatchdog(maxDuration);
        this.uploadsStaleAfter = maxDuration.multipliedBy(2);
        this.runs = new ImportRuns(dataSource, json, audit);
        this.referenceCodes = referenceCodes;
        formats.stream()
                .sorted(Comparator.comparingInt(f -> folderPosition(f.type())))
                .forEach(f -> this.formats.put(f.type(), f));
        this.loader = new ImportLoader(
                dataSource,
                runs,
                referenceCodes,
                this.formats,
                listeners.orderedStream().toList(),
                events,
                watchdog);
        this.queue = new ImportQueue(
                dataSource,
                runs,
                (job, file, progress) -> loader.execute(
                        job.id(), file, job.name(), job.type(), job.region(), job.actor(), job.started(), progress),
                lease);
    }

    /** The formats, in the order a folder of files is best imported. */
    public List<ImportFormat> formats() {
        return List.copyOf(formats.values());
    }

    /** Whether {@code type} names a format; null means "recognise it from the header". */
    public void checkType(String type) {
        if (type != null && !formats.containsKey(type)) {
            throw new InvalidImportRequest(
                    "Onbekende soort bestand '" + type + "'. Kies uit: " + String.join(", ", formats.keySet()) + ".");
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
            throw new InvalidImportRequest(
                    "Een bestand van de soort '" + formats.get(type).label()
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
        long id = runs.nextId();
        String name = Uploads.cleanName(sourceName);
        String actor = CurrentUser.name();
        OffsetDateTime started = OffsetDateTime.now(Dutch.ZONE);
        runs.begin(id, name, type, region, actor, started);
        return loader.execute(id, file, name, type, region, actor, started, new ImportJob.Progress());
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
                    .filter(f ->
                            f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(csv|xlsx)"))
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
     * Queues a file for import in the background, by this or another instance (see {@link ImportQueue}), and
     * returns its id at once; {@link #find(long)} tells how far it is. The file is deleted: its bytes are queued.
     */
    public long submit(Path file, String sourceName, String type, String region) throws IOException {
        try {
            checkRequest(type, region);
            long id = runs.nextId();
            queue.enqueue(
                    new ImportQueue.Job(
                            id,
                            Uploads.cleanName(sourceName),
                            type,
                            region,
                            CurrentUser.name(),
                            OffsetDateTime.now(Dutch.ZONE)),
                    file);
            return id;
        } finally {
            ImportQueue.deleteQuietly(file);
        }
    }

    /** The import as recorded; while it runs, with the progress its importing instance last wrote. */
    public Optional<ImportResult> find(long id) {
        return runs.find(id);
    }

    /** An import, if it is one of {@code region} (or any import when region is null). */
    public Optional<ImportResult> find(long id, String region) {
        return find(id).filter(r -> region == null || region.equals(r.region()));
    }

    /** The most recent imports, newest first, without their error lists: of one region, or all when region is null. */
    public List<ImportResult> history(int limit, String region) {
        return runs.history(limit, region);
    }

    /**
     * At the start of the web application: an import recorded as running that no process is
     * loading any more (the application was killed) is marked aborted, with a line in the audit
     * trail, and its upload file is removed. Returns how many there were. Copies of uploads that an instance killed
     * while importing left in the temporary folder go too, once no import can still read them. Queued jobs are left
     * to the queue, which this instance now starts serving; the command line serves none.
     */
    @EventListener
    void abortUnfinished(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext) {
            abortUnfinished();
            int stale = Uploads.removeStale(
                    Path.of(System.getProperty("java.io.tmpdir")), Instant.now().minus(uploadsStaleAfter));
            if (stale > 0) {
                log.info("{} achtergebleven kopieën van uploads verwijderd", stale);
            }
            queue.start();
        }
    }

    int abortUnfinished() {
        int aborted = 0;
        for (ImportRuns.Unfinished run : runs.unfinished()) {
            if (!markAborted(run)) {
                continue; // still being imported by another process
            }
            aborted++;
            log.warn("Import {} ({}) was niet afgemaakt en is als afgebroken vastgelegd", run.id(), run.source());
            if (run.upload() != null) {
                ImportQueue.deleteQuietly(Path.of(run.upload()));
            }
        }
        return aborted;
    }

    private boolean markAborted(ImportRuns.Unfinished run) {
        try {
            return runs.markAborted(
                    run,
                    run.actor() == null ? CurrentUser.name() : run.actor(),
                    "De import is afgebroken: de toepassing stopte voordat hij klaar was. "
                            + "Er is niets veranderd. Importeer het bestand opnieuw.");
        } catch (SQLException | RuntimeException e) {
            log.error("Import {} kon niet als afgebroken worden vastgelegd", run.id(), e);
            return false;
        }
    }

    /** Ends the running imports at once; the queued ones go back to the queue for another instance or the restart. */
    @PreDestroy
    void stop() {
        watchdog.stopAll();
        queue.close();
        watchdog.close();
    }

    /** A request that cannot be carried out as asked (unknown type, no file); its message is for people. */
    public static class InvalidImportRequest extends Refusal {
        public InvalidImportRequest(String message) {
            super(Kind.INVALID, message);
        }
    }
}
