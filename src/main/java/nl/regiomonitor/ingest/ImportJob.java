package nl.regiomonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.region.CodeList;
import nl.regiomonitor.region.ReferenceCodes;
import org.apache.commons.io.input.CountingInputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One import of one file, inside one database transaction: read and check every row, stream the
 * good rows to COPY, and only when no row is bad and the file is new, remove what it replaces and
 * commit. Anything else rolls back, so the database is as it was.
 */
final class ImportJob {

    static final int MAX_LISTED_ERRORS = 10_000;

    /** What the job found, before it is recorded. */
    record Outcome(ImportStatus status, ImportFormat format, String sha256, long rows, long errorCount,
                   List<ImportError> errors, String message) {
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

    private final List<ImportError> errors = new ArrayList<>();
    private long errorCount;

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

    ImportJob(long id, Path file, String sourceName, String region, String requestedType, Map<String, ImportFormat> formats,
              ReferenceCodes referenceCodes, Progress progress) {
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
     * when the outcome is {@link ImportStatus#LOADED}.
     */
    Outcome run(Connection connection) throws IOException, SQLException {
        progress.totalBytes = Files.size(file);
        MessageDigest digest = sha256();
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
            lockType(connection, format);
            PreviousRun previous = currentRunOfSource(connection, format);
            Loaded loaded = load(connection, format, table, columns, previous);
            in.transferTo(OutputStream.nullOutputStream()); // the digest covers the whole file
            String sha = HexFormat.of().formatHex(digest.digest());
            return decide(connection, format, sha, loaded, previous);
        } catch (ImportRejected rejected) {
            errors.add(rejected.error());
            errorCount++;
            ImportFormat format = requestedType == null ? null : formats.get(requestedType);
            return new Outcome(ImportStatus.REJECTED, format, sha256Of(file), progress.rows, errorCount, errors,
                    rejected.error().message() + " Er is niets veranderd.");
        }
    }

    private Outcome decide(Connection connection, ImportFormat format, String sha, Loaded loaded, PreviousRun previous)
            throws SQLException {
        long rows = loaded.rows();
        if (previous != null && previous.sha256().equals(sha)) {
            return new Outcome(ImportStatus.UNCHANGED, format, sha, rows, 0, List.of(),
                    "Dit bestand is al geïmporteerd (import " + previous.id() + ") en is niet veranderd. Er is niets veranderd.");
        }
        String sameElsewhere = currentSourceWithSha(connection, format, sha);
        if (sameElsewhere != null) {
            return new Outcome(ImportStatus.UNCHANGED, format, sha, rows, 0, List.of(),
                    "Precies dit bestand is al geïmporteerd onder de naam '" + sameElsewhere + "'. Er is niets veranderd.");
        }
        if (errorCount > 0) {
            return new Outcome(ImportStatus.REJECTED, format, sha, rows, errorCount, errors, rejectionMessage());
        }
        if (rows == 0) {
            errors.add(ImportError.ofFile("Het bestand bevat alleen een kopregel en geen gegevens."));
            return new Outcome(ImportStatus.REJECTED, format, sha, rows, 1, errors,
                    "Het bestand bevat alleen een kopregel en geen gegevens. Er is niets veranderd.");
        }
        long replacedRows = removeReplacedRows(connection, format, loaded.replacedValues());
        NumberFormat dutch = NumberFormat.getIntegerInstance(Dutch.LOCALE);
        String message = dutch.format(rows) + " regels geladen."
                + (replacedRows > 0 ? " Ze vervangen " + dutch.format(replacedRows) + " regels van een eerdere versie." : "");
        return new Outcome(ImportStatus.LOADED, format, sha, rows, 0, List.of(), message);
    }

    private String rejectionMessage() {
        boolean bsn = errors.stream().anyMatch(e -> e.message().startsWith(BSN_REASON_START));
        String start = bsn
                ? "Het bestand is geweigerd: het bevat iets dat op een BSN lijkt. Cliëntgegevens moeten gepseudonimiseerd zijn. "
                : "Het bestand is geweigerd. ";
        return start + errorCount + (errorCount == 1 ? " fout gevonden" : " fouten gevonden")
                + (errorCount > MAX_LISTED_ERRORS ? " (de eerste " + MAX_LISTED_ERRORS + " staan hieronder)" : "")
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
                .orElseThrow(() -> new ImportRejected(1, "Aan de kopregel is niet te zien wat voor bestand dit is. "
                        + "Kies de soort bestand, of gebruik de kolomnamen uit de handleiding: " + expectedHeaders()));
    }

    private String expectedHeaders() {
        return formats.values().stream()
                .map(f -> f.label() + ": " + f.fields().stream().map(Field::name).collect(Collectors.joining(";")))
                .collect(Collectors.joining(" — "));
    }

    /** For each field of the format, its position in the file's header. */
    private static int[] columnsOf(ImportFormat format, List<String> header) throws ImportRejected {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            if (positions.put(name, i) != null && !name.isEmpty()) {
                throw new ImportRejected(new ImportError(1, header.get(i), null,
                        "De kolom '" + header.get(i) + "' staat twee keer in de kopregel."));
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
            throw new ImportRejected(new ImportError(1, null, String.join(";", header),
                    (missing.size() == 1 ? "De kolom " : "De kolommen ") + String.join(", ", missing)
                            + (missing.size() == 1 ? " ontbreekt" : " ontbreken") + " in de kopregel. Een bestand met "
                            + format.label().toLowerCase(Locale.ROOT) + " heeft de kolommen "
                            + format.fields().stream().map(Field::name).collect(Collectors.joining(";")) + "."));
        }
        return columns;
    }

    private static void lockType(Connection connection, ImportFormat format) throws SQLException {
        // imports of one type wait for each other, so duplicate checks against other files hold
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "regiomonitor-import:" + format.type());
            lock.execute();
        }
    }

    private record PreviousRun(long id, String sha256) {
    }

    private PreviousRun currentRunOfSource(Connection connection, ImportFormat format) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select id, sha256 from import_run
                where import_type = ? and source_name = ? and region_code is not distinct from ?
                  and status = 'LOADED' and replaced_by is null
                order by id desc limit 1""")) {
            query.setString(1, format.type());
            query.setString(2, sourceName);
            query.setString(3, region);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? new PreviousRun(rs.getLong(1), rs.getString(2)) : null;
            }
        }
    }

    private String currentSourceWithSha(Connection connection, ImportFormat format, String sha) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select source_name from import_run
                where import_type = ? and sha256 = ? and region_code is not distinct from ?
                  and status = 'LOADED' and replaced_by is null
                order by id desc limit 1""")) {
            query.setString(1, format.type());
            query.setString(2, sha);
            query.setString(3, region);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private record Loaded(long rows, Set<Object> replacedValues) {
    }

    private Loaded load(Connection connection, ImportFormat format, TabularFile table, int[] columns, PreviousRun previous)
            throws IOException, SQLException, ImportRejected {
        List<Field> fields = format.fields();
        Map<String, Long> keys = new HashMap<>(); // the file's own keys, with their line
        int[] keyPositions = format.keyFields().stream().mapToInt(name -> indexOf(fields, name)).toArray();
        List<RowRule> rules = format.rowRules();
        int[][] rulePositions = rules.stream()
                .map(r -> new int[] {indexOf(fields, r.field()), indexOf(fields, r.other())}).toArray(int[][]::new);
        int replacementField = format.replacement() instanceof ImportFormat.FieldReplacement byField
                ? indexOf(fields, byField.field()) : -1;
        Set<Object> replacedValues = new HashSet<>();
        Set<String>[] codeLists = codeListsOf(fields);
        int regionField = fields.stream().map(Field::name).toList().indexOf("region_code");
        if (region != null && (regionField < 0 || format.national())) {
            throw new ImportRejected(null, "Een bestand van de soort '" + format.label() + "' geldt voor het hele land "
                    + "en wordt door de beheerder geïmporteerd, niet voor één regio.");
        }

        String copySql = "copy " + format.table() + " (" + fields.stream().map(Field::name).collect(Collectors.joining(", "))
                + ", import_id) from stdin (format binary)";
        // a cancelled COPY aborts the transaction; the savepoint keeps it usable for the checks after
        Savepoint beforeCopy = connection.setSavepoint();
        PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1 << 16);
        BinaryCopyWriter writer = new BinaryCopyWriter(copy, fields, id);
        int width = table.header().size();
        Object[] values = new Object[fields.size()];
        StringBuilder key = new StringBuilder(64);
        long rows = 0;
        TabularFile.Row row;
        boolean readToEnd = false;
        try {
            while ((row = table.next()) != null) {
                rows++;
                if ((rows & 0xFFF) == 0) {
                    progress.rows = rows;
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("import " + id + " interrupted"); // by the watchdog
                    }
                }
                long before = errorCount;
                String[] raw = row.values();
                boolean[] hidden = hideBsns(row, table.header());
                if (raw.length != width) {
                    error(row.line(), null, null, "Deze regel heeft " + raw.length + (raw.length == 1 ? " kolom" : " kolommen")
                            + ", de kopregel " + width + ". Staat er een ander scheidingsteken of een puntkomma of komma "
                            + "in een waarde zonder aanhalingstekens?");
                    continue;
                }
                for (int i = 0; i < values.length; i++) {
                    values[i] = hidden[columns[i]] ? null : parseField(row.line(), fields.get(i), codeLists[i], raw[columns[i]].trim());
                }
                if (region != null && errorCount == before && !region.equals(values[regionField])) {
                    error(row.line(), "region_code", String.valueOf(values[regionField]), "Deze regel hoort bij een andere "
                            + "regio; u importeert voor regio " + region + ". Een bestand voor een regio bevat alleen die regio.");
                }
                if (errorCount == before) {
                    for (int r = 0; r < rules.size(); r++) {
                        checkRule(row.line(), rules.get(r), values[rulePositions[r][0]], values[rulePositions[r][1]]);
                    }
                    checkKey(row.line(), format, keyPositions, raw, columns, keys, key);
                }
                if (errorCount == 0) {
                    writer.write(values);
                    if (replacementField >= 0) {
                        replacedValues.add(values[replacementField]);
                    }
                } else if (before == 0 && copy.isActive()) {
                    copy.cancelCopy(); // nothing of this file will be kept; stop sending, keep checking
                }
            }
            readToEnd = true;
        } finally {
            // a file refused while being read (an unclosed quote) leaves the COPY open; the connection
            // would wait for it forever before it could roll back, and the import would never end
            if (!readToEnd && copy.isActive()) {
                copy.cancelCopy();
            }
        }
        progress.rows = rows;
        if (errorCount == 0) {
            writer.finish();
            copy.endCopy();
            checkKeysOfOtherFiles(connection, format, previous, keys); // after the COPY: one statement at a time
        } else if (copy.isActive()) {
            copy.cancelCopy();
        }
        if (errorCount > 0) {
            connection.rollback(beforeCopy);
        }
        return new Loaded(rows, replacedValues);
    }

    private static final String BSN_REASON_START = "Hier staat een nummer dat op een BSN lijkt";

    /** Records an error for every column that looks like a BSN, without repeating the number. */
    private boolean[] hideBsns(TabularFile.Row row, List<String> header) {
        String[] raw = row.values();
        boolean[] hidden = new boolean[Math.max(raw.length, header.size())];
        for (int i = 0; i < raw.length; i++) {
            if (BsnCheck.containsBsn(raw[i])) {
                hidden[i] = true;
                error(row.line(), i < header.size() ? header.get(i) : "kolom " + (i + 1), null,
                        BSN_REASON_START + " (9 cijfers die de elfproef doorstaan). Het nummer wordt niet getoond "
                                + "en het bestand is in zijn geheel geweigerd.");
            }
        }
        return hidden;
    }

    private Object parseField(long line, Field field, Set<String> codes, String raw) {
        if (raw.isEmpty()) {
            if (!field.optional()) {
                error(line, field.name(), raw, "Deze kolom mag niet leeg zijn.");
            }
            return null;
        }
        if (raw.chars().anyMatch(Character::isISOControl)) {
            error(line, field.name(), raw, "De waarde bevat een onzichtbaar stuurteken (bijvoorbeeld een nulteken). "
                    + "Is het bestand als tekst (CSV UTF-8) opgeslagen?");
            return null;
        }
        try {
            Object value = field.kind().parse(raw);
            if (codes != null && !codes.contains(raw)) {
                error(line, field.name(), raw, "Onbekende " + field.codeList().dutchName() + ". Geldig zijn: "
                        + codes.stream().sorted().collect(Collectors.joining(", ")) + ".");
                return null;
            }
            return value;
        } catch (FieldKind.InvalidValue e) {
            error(line, field.name(), raw, "De waarde " + e.getMessage() + ".");
            return null;
        }
    }

    private void checkRule(long line, RowRule rule, Object value, Object other) {
        if (value != null && other != null && !rule.holds(value, other)) {
            error(line, rule.field(), String.valueOf(value), "Onmogelijke combinatie: " + rule.reason(value, other) + ".");
        }
    }

    private void checkKey(long line, ImportFormat format, int[] keyPositions, String[] raw, int[] columns,
                          Map<String, Long> keys, StringBuilder key) {
        key.setLength(0);
        for (int position : keyPositions) {
            key.append(raw[columns[position]].trim()).append('\u0001');
        }
        Long earlier = keys.putIfAbsent(key.toString(), line);
        if (earlier != null) {
            error(line, null, keyText(key.toString()), "Dubbele sleutel: dezelfde combinatie van "
                    + String.join(", ", format.keyFields()) + " staat ook op regel " + earlier + ".");
        }
    }

    private static String keyText(String key) {
        return key.replace('\u0001', ';').replaceAll(";$", "");
    }

    /**
     * Refuses the rows whose key other sources of the same type already hold. Checked once, at the
     * end and only for a file without other errors: a refused file then costs no pass over the
     * stored rows.
     */
    private void checkKeysOfOtherFiles(Connection connection, ImportFormat format, PreviousRun previous,
                                       Map<String, Long> keys) throws SQLException {
        if (!(format.replacement() instanceof ImportFormat.SourceReplacement) || keys.isEmpty()) {
            return; // a replacement by field value removes every row it could clash with
        }
        String keySql = format.keyFields().stream()
                .map(name -> format.fields().get(indexOf(format.fields(), name)).kind().keyExpression(name)
                        + " || chr(1)")
                .collect(Collectors.joining(" || "));
        List<ImportError> clashes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select " + keySql + ", import_id from " + format.table() + " where import_id <> ? and import_id <> ?")) {
            query.setLong(1, previous == null ? -1 : previous.id());
            query.setLong(2, id); // the rows this import has just copied
            query.setFetchSize(10_000);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Long line = keys.remove(rs.getString(1));
                    if (line != null) {
                        clashes.add(new ImportError(line.intValue(), null, keyText(rs.getString(1)),
                                "Dubbele sleutel: dezelfde combinatie van " + String.join(", ", format.keyFields())
                                        + " is al geladen met import " + rs.getLong(2)
                                        + " (een ander bestand). Haal de regel uit een van beide bestanden."));
                    }
                }
            }
        }
        clashes.sort(Comparator.comparing(ImportError::line));
        clashes.forEach(c -> error(c.line(), c.column(), c.value(), c.message()));
    }

    /** Removes the rows the new file replaces and marks the imports that no longer hold any row as replaced. */
    private long removeReplacedRows(Connection connection, ImportFormat format, Set<Object> replacedValues)
            throws SQLException {
        long removed;
        if (format.replacement() instanceof ImportFormat.FieldReplacement byField) {
            // an import for a region never touches rows of another region
            try (PreparedStatement delete = connection.prepareStatement("delete from " + format.table() + " where "
                    + byField.field() + " = any(?) and import_id is distinct from ?"
                    + (region == null ? "" : " and region_code = ?"))) {
                delete.setArray(1, connection.createArrayOf("integer", replacedValues.toArray()));
                delete.setLong(2, id);
                if (region != null) {
                    delete.setString(3, region);
                }
                removed = delete.executeUpdate();
            }
        } else {
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from %s where import_id in (
                        select id from import_run where import_type = ? and source_name = ?
                        and region_code is not distinct from ? and status = 'LOADED' and replaced_by is null)"""
                    .formatted(format.table()))) {
                delete.setString(1, format.type());
                delete.setString(2, sourceName);
                delete.setString(3, region);
                removed = delete.executeUpdate();
            }
        }
        try (PreparedStatement mark = connection.prepareStatement("""
                update import_run r set replaced_by = ?
                where import_type = ? and status = 'LOADED' and replaced_by is null
                  and not exists (select 1 from %s t where t.import_id = r.id)""".formatted(format.table()))) {
            mark.setLong(1, id);
            mark.setString(2, format.type());
            mark.executeUpdate();
        }
        return removed;
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

    private void error(long line, String column, String value, String message) {
        errorCount++;
        if (errors.size() < MAX_LISTED_ERRORS) {
            errors.add(new ImportError((int) line, column, value, message));
        }
    }

    private static int indexOf(List<Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unknown field " + name);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Of(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
