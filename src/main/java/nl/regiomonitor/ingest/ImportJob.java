package nl.regiomonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.io.input.CountingInputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.common.Sha256;
import nl.regiomonitor.region.CodeList;
import nl.regiomonitor.region.ReferenceCodes;

/**
 * One import of one file, inside one database transaction: read and check every row, stream the
 * good rows to COPY, and only when no row is bad and the file is new, remove what it replaces and
 * commit. Anything else rolls back, so the database is as it was.
 */
final class ImportJob {

    /** What the job found, before it is recorded. */
    record Outcome(
            ImportStatus status,
            ImportFormat format,
            String sha256,
            long rows,
            long errorCount,
            List<ImportError> errors,
            String message) {

        /** A failure before the file could be read to the end: no digest, no rows, no row errors. */
        static Outcome failed(ImportFormat format, String message) {
            return new Outcome(ImportStatus.FAILED, format, null, 0, 0, List.of(), message);
        }
    }

    private final long id;
    private final Path file;
    private final String sourceName;
    /** The region a care office imports for; null for a national file. */
    private final String region;

    private final String requestedType;
    private final Map<String, ImportFormat> formats;
    private final ReferenceCodes referenceCodes;
    private final Progress progress;

    private final RowChecks checks = new RowChecks();

    /** Progress of a running job, read by other threads. */
    static final class Progress {
        volatile long bytesRead;
        volatile long totalBytes;
        volatile long rows;
        volatile String type;

        double fraction() {
            return totalBytes == 0 ? 0 : Math.min(1.0, (double) bytesRead / totalBytes);
        }
    }

    ImportJob(
            long id,
            Path file,
            String sourceName,
            String region,
            String requestedType,
            Map<String, ImportFormat> formats,
            ReferenceCodes referenceCodes,
            Progress progress) {
        this.id = id;
        this.file = file;
        this.sourceName = sourceName;
        this.region = region;
        this.requestedType = requestedType;
        this.formats = formats;
        this.referenceCodes = referenceCodes;
        this.progress = progress;
    }

    /**
     * Loads the file into the open transaction of {@code connection}. The caller commits only
     * when the outcome is {@link ImportStatus#LOADED}; {@code listeners} have then done their work in it.
     */
    Outcome run(Connection connection, List<LoadListener> listeners) throws IOException, SQLException {
        progress.totalBytes = Files.size(file);
        MessageDigest digest = Sha256.digest();
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file)) {
                    @Override
                    protected synchronized void afterRead(int n) throws IOException {
                        super.afterRead(n);
                        progress.bytesRead = getByteCount();
                    }
                };
                InputStream in = new DigestInputStream(counted, digest);
                TabularFile table = TabularFile.open(file, in)) {
            ImportFormat format = formatFor(table.header());
            progress.type = format.type();
            int[] columns = columnsOf(format, table.header());
            ImportedRows stored = new ImportedRows(connection, id, format, sourceName, region);
            stored.lockType();
            ImportedRows.PreviousRun previous = stored.currentRunOfSource();
            Loaded loaded = load(connection, stored, format, table, columns, previous, listeners);
            in.transferTo(OutputStream.nullOutputStream()); // the digest covers the whole file
            String sha = Sha256.hex(digest);
            return decide(stored, format, sha, loaded, previous);
        } catch (ImportRejected rejected) {
            checks.add(rejected.error());
            ImportFormat format = requestedType == null ? null : formats.get(requestedType);
            return new Outcome(
                    ImportStatus.REJECTED,
                    format,
                    Sha256.of(file),
                    progress.rows,
                    checks.count(),
                    checks.errors(),
                    rejected.error().message() + " Er is niets veranderd.");
        }
    }

    private Outcome decide(
            ImportedRows stored, ImportFormat format, String sha, Loaded loaded, ImportedRows.PreviousRun previous)
            throws SQLException {
        long rows = loaded.rows();
        if (previous != null && previous.sha256().equals(sha)) {
            return new Outcome(
                    ImportStatus.UNCHANGED,
                    format,
                    sha,
                    rows,
                    0,
                    List.of(),
                    "Dit bestand is al geïmporteerd (import " + previous.id()
                            + ") en is niet veranderd. Er is niets veranderd.");
        }
        String sameElsewhere = stored.currentSourceWithSha(sha);
        if (sameElsewhere != null) {
            return new Outcome(
                    ImportStatus.UNCHANGED,
                    format,
                    sha,
                    rows,
                    0,
                    List.of(),
                    "Precies dit bestand is al geïmporteerd onder de naam '" + sameElsewhere
                            + "'. Er is niets veranderd.");
        }
        if (checks.count() > 0) {
            return new Outcome(
                    ImportStatus.REJECTED, format, sha, rows, checks.count(), checks.errors(), rejectionMessage());
        }
        if (rows == 0) {
            checks.add(ImportError.ofFile("Het bestand bevat alleen een kopregel en geen gegevens."));
            return new Outcome(
                    ImportStatus.REJECTED,
                    format,
                    sha,
                    rows,
                    1,
                    checks.errors(),
                    "Het bestand bevat alleen een kopregel en geen gegevens. Er is niets veranderd.");
        }
        long replacedRows = stored.removeReplacedRows(loaded.replacedValues(), previous, loaded.loads());
        NumberFormat dutch = NumberFormat.getIntegerInstance(Dutch.LOCALE);
        String message = dutch.format(rows) + " regels geladen."
                + (replacedRows > 0
                        ? " Ze vervangen " + dutch.format(replacedRows) + " regels van een eerdere versie."
                        : "");
        return new Outcome(ImportStatus.LOADED, format, sha, rows, 0, List.of(), message);
    }

    private String rejectionMessage() {
        long errorCount = checks.count();
        String start = checks.bsnFound()
                ? "Het bestand is geweigerd: het bevat iets dat op een BSN lijkt. "
                        + "Cliëntgegevens moeten gepseudonimiseerd zijn. "
                : "Het bestand is geweigerd. ";
        return start + errorCount + (errorCount == 1 ? " fout gevonden" : " fouten gevonden")
                + (errorCount > RowChecks.MAX_LISTED_ERRORS
                        ? " (de eerste " + RowChecks.MAX_LISTED_ERRORS + " staan hieronder)"
                        : "")
                + ". Er is niets veranderd: verbeter het bestand en importeer het opnieuw.";
    }

    private ImportFormat formatFor(List<String> header) throws ImportRejected {
        if (requestedType != null) {
            return formats.get(requestedType);
        }
        Set<String> names = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return formats.values().stream()
                .filter(f -> f.fields().stream().allMatch(field -> names.contains(field.name())))
                .findFirst()
                .orElseThrow(() -> new ImportRejected(
                        1,
                        "Aan de kopregel is niet te zien wat voor bestand dit is. "
                                + "Kies de soort bestand, of gebruik de kolomnamen uit de handleiding: "
                                + expectedHeaders()));
    }

    private String expectedHeaders() {
        return formats.values().stream()
                .map(f ->
                        f.label() + ": " + f.fields().stream().map(Field::name).collect(Collectors.joining(";")))
                .collect(Collectors.joining(" — "));
    }

    /** For each field of the format, its position in the file's header. */
    private static int[] columnsOf(ImportFormat format, List<String> header) throws ImportRejected {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            if (positions.put(name, i) != null && !name.isEmpty()) {
                throw new ImportRejected(ImportError.inColumn(
                        1, header.get(i), "De kolom '" + header.get(i) + "' staat twee keer in de kopregel."));
            }
        }
        List<String> missing = new ArrayList<>();
        int[] columns = new int[format.fields().size()];
        for (int i = 0; i < columns.length; i++) {
            Integer position = positions.get(format.fields().get(i).name());
            if (position == null) {
                missing.add(format.fields().get(i).name());
            } else {
                columns[i] = position;
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportRejected(ImportError.withValue(
                    1,
                    String.join(";", header),
                    (missing.size() == 1 ? "De kolom " : "De kolommen ") + String.join(", ", missing)
                            + (missing.size() == 1 ? " ontbreekt" : " ontbreken") + " in de kopregel. Een bestand met "
                            + format.label().toLowerCase(Locale.ROOT) + " heeft de kolommen "
                            + format.fields().stream().map(Field::name).collect(Collectors.joining(";")) + "."));
        }
        return columns;
    }

    private record Loaded(long rows, Set<Object> replacedValues, List<LoadListener.Load> loads) {}

    private Loaded load(
            Connection connection,
            ImportedRows stored,
            ImportFormat format,
            TabularFile table,
            int[] columns,
            ImportedRows.PreviousRun previous,
            List<LoadListener> listeners)
            throws IOException, SQLException, ImportRejected {
        List<Field> fields = format.fields();
        List<LoadListener.Load> loads =
                listeners.stream().flatMap(l -> l.start(format).stream()).toList();
        FileKeys keys = new FileKeys(); // the file's own keys, with their line
        int[] keyPositions = format.keyFields().stream()
                .mapToInt(name -> ImportedRows.indexOf(fields, name))
                .toArray();
        List<RowRule> rules = format.rowRules();
        int[][] rulePositions = rules.stream()
                .map(r -> new int[] {ImportedRows.indexOf(fields, r.field()), ImportedRows.indexOf(fields, r.other())})
                .toArray(int[][]::new);
        int replacementField = format.replacement() instanceof ImportFormat.FieldReplacement byField
                ? ImportedRows.indexOf(fields, byField.field())
                : -1;
        Set<Object> replacedValues = new HashSet<>();
        Set<String>[] codeLists = codeListsOf(fields);
        int regionField = fields.stream().map(Field::name).toList().indexOf("region_code");
        if (region != null && (regionField < 0 || format.national())) {
            throw ImportRejected.ofFile("Een bestand van de soort '" + format.label() + "' geldt voor het hele land "
                    + "en wordt door de beheerder geïmporteerd, niet voor één regio.");
        }

        String copySql = "copy " + format.table() + " ("
                + fields.stream().map(Field::name).collect(Collectors.joining(", "))
                + ", import_id) from stdin (format binary)";
        // a cancelled COPY aborts the transaction; the savepoint keeps it usable for the checks after
        Savepoint beforeCopy = connection.setSavepoint();
        PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1 << 16);
        int width = table.header().size();
        long rows = 0;
        TabularFile.Row row;
        boolean readToEnd = false;
        CopyPipe pipe = new CopyPipe(id, new BinaryCopyWriter(copy, fields, id), loads);
        try (pipe) {
            while ((row = table.next()) != null) {
                rows++;
                if ((rows & 0xFFF) == 0) {
                    progress.rows = rows;
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("import " + id + " interrupted"); // by the watchdog
                    }
                }
                long before = checks.count();
                String[] raw = row.values();
                boolean[] hidden = checks.hideBsns(row, table.header());
                if (raw.length != width) {
                    checks.add(ImportError.atLine(
                            (int) row.line(),
                            "Deze regel heeft " + raw.length
                                    + (raw.length == 1 ? " kolom" : " kolommen") + ", de kopregel " + width
                                    + ". Staat er een ander scheidingsteken of een puntkomma of komma "
                                    + "in een waarde zonder aanhalingstekens?"));
                    continue;
                }
                Object[] values = new Object[fields.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = hidden != null && hidden[columns[i]]
                            ? null
                            : checks.parseField(row.line(), fields.get(i), codeLists[i], raw[columns[i]].trim());
                }
                if (region != null && checks.count() == before && !region.equals(values[regionField])) {
                    checks.error(
                            row.line(),
                            "region_code",
                            String.valueOf(values[regionField]),
                            "Deze regel hoort bij een andere regio; u importeert voor regio " + region
                                    + ". Een bestand voor een regio bevat alleen die regio.");
                }
                if (checks.count() == before) {
                    for (int r = 0; r < rules.size(); r++) {
                        checks.checkRule(
                                row.line(), rules.get(r), values[rulePositions[r][0]], values[rulePositions[r][1]]);
                    }
                    checks.noteKey(row.line(), keyPositions, raw, columns, keys);
                }
                if (checks.count() == 0) {
                    pipe.add(values);
                    if (replacementField >= 0) {
                        replacedValues.add(values[replacementField]);
                    }
                } else if (before == 0 && copy.isActive()) {
                    pipe.close();
                    copy.cancelCopy(); // nothing of this file will be kept; stop sending, keep checking
                }
            }
            readToEnd = true;
            checks.checkKeys(format.keyFields(), keys);
            if (checks.count() == 0) {
                pipe.finish();
            }
        } catch (ImportRejected rejected) {
            checks.checkKeys(format.keyFields(), keys); // the lines before the refused one, as they were checked
            throw rejected;
        } finally {
            // a file refused while being read (an unclosed quote) leaves the COPY open; the connection
            // would wait for it forever before it could roll back, and the import would never end
            if (!readToEnd && copy.isActive()) {
                copy.cancelCopy();
            }
        }
        progress.rows = rows;
        if (checks.count() == 0) {
            copy.endCopy();
            // after the COPY: one statement at a time
            stored.keysOfOtherFiles(previous, keys).forEach(checks::add);
        } else if (copy.isActive()) {
            copy.cancelCopy();
        }
        if (checks.count() > 0) {
            connection.rollback(beforeCopy);
        }
        return new Loaded(rows, replacedValues, loads);
    }

    @SuppressWarnings("unchecked")
    private Set<String>[] codeListsOf(List<Field> fields) {
        Set<String>[] lists = new Set[fields.size()];
        for (int i = 0; i < lists.length; i++) {
            CodeList list = fields.get(i).codeList();
            lists[i] = list == null ? null : referenceCodes.codes(list);
        }
        return lists;
    }
}
