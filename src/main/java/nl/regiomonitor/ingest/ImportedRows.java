package nl.regiomonitor.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one import asks of the rows and runs already stored, on the import's own connection: which
 * earlier version it replaces, whether the same bytes are loaded already, which keys other files
 * hold, and removing what it replaces. Kept apart from {@link ImportJob}, which reads and checks
 * the file.
 */
final class ImportedRows {

    /** The loaded version of the same source that a new import would replace. */
    record PreviousRun(long id, String sha256) {}

    private final Connection connection;
    private final long id;
    private final ImportFormat format;
    private final String sourceName;
    /** The region a care office imports for; null for a national file. */
    private final String region;
    /** Asked once: the import holds the type's lock, so no other import of the type changes it meanwhile. */
    private Boolean othersLoaded;

    ImportedRows(Connection connection, long id, ImportFormat format, String sourceName, String region) {
        this.connection = connection;
        this.id = id;
        this.format = format;
        this.sourceName = sourceName;
        this.region = region;
    }

    /** Imports of one type wait for each other, so duplicate checks against other files hold. */
    void lockType() throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "regiomonitor-import:" + format.type());
            lock.execute();
        }
    }

    /** The current version of this source, or null when it is new. */
    PreviousRun currentRunOfSource() throws SQLException {
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

    /** The name of a current source with exactly these bytes, or null. */
    String currentSourceWithSha(String sha) throws SQLException {
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

    /**
     * Whether the table can hold rows of other imports than this one and {@code previous}. Rows belong to current
     * imports only (loaded, not replaced: a run is marked replaced when it has no rows left), so the runs tell
     * without a pass over the table, whose million rows just copied would all be read to find none.
     */
    private boolean othersLoaded(PreviousRun previous) throws SQLException {
        if (othersLoaded == null) {
            try (PreparedStatement query = connection.prepareStatement("""
                    select exists (select from import_run where import_type = ? and status = 'LOADED'
                                   and replaced_by is null and id <> ?)""")) {
                query.setString(1, format.type());
                query.setLong(2, previous == null ? -1 : previous.id());
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    othersLoaded = rs.getBoolean(1);
                }
            }
        }
        return othersLoaded;
    }

    /**
     * The rows whose key other sources of the same type already hold, by line. Asked once, at the
     * end and only for a file without other errors: a refused file then costs no pass over the
     * stored rows.
     */
    List<ImportError> keysOfOtherFiles(PreviousRun previous, FileKeys keys) throws SQLException {
        if (!(format.replacement() instanceof ImportFormat.SourceReplacement) || keys.isEmpty()) {
            return List.of(); // a replacement by field value removes every row it could clash with
        }
        if (!othersLoaded(previous)) {
            return List.of();
        }
        String keySql = format.keyFields().stream()
                .map(name -> format.fields()
                                .get(indexOf(format.fields(), name))
                                .kind()
                                .keyExpression(name) + " || chr(1)")
                .collect(Collectors.joining(" || "));
        List<ImportError> clashes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select " + keySql + ", import_id from "
                + format.table() + " where import_id <> ? and import_id <> ?")) {
            query.setLong(1, previous == null ? -1 : previous.id());
            query.setLong(2, id); // the rows this import has just copied
            query.setFetchSize(10_000);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    int line = keys.remove(rs.getString(1));
                    if (line >= 0) {
                        clashes.add(ImportError.withValue(
                                line,
                                RowChecks.keyText(rs.getString(1)),
                                "Dubbele sleutel: dezelfde combinatie van " + String.join(", ", format.keyFields())
                                        + " is al geladen met import " + rs.getLong(2)
                                        + " (een ander bestand). Haal de regel uit een van beide bestanden."));
                    }
                }
            }
        }
        clashes.sort(Comparator.comparing(ImportError::line));
        return clashes;
    }

    /**
     * Tells the load listeners, while the rows the new file replaces are still there to compare with, then removes
     * those rows and marks the imports that no longer hold any row as replaced.
     */
    long removeReplacedRows(Set<Object> replacedValues, PreviousRun previous, List<LoadListener.Load> loads)
            throws SQLException {
        OptionalLong replaced = previous == null ? OptionalLong.empty() : OptionalLong.of(previous.id());
        boolean others = !loads.isEmpty() && othersLoaded(previous);
        for (LoadListener.Load load : loads) {
            load.loaded(connection, id, replaced, others);
        }
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
        } else if (previous == null) {
            removed = 0; // no version of this source is loaded: no pass over the table to find its rows
        } else {
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from %s where import_id in (
                        select id from import_run where import_type = ? and source_name = ?
                        and region_code is not distinct from ? and status = 'LOADED' and replaced_by is null)""".formatted(format.table()))) {
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

    static int indexOf(List<Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unknown field " + name);
    }
}
