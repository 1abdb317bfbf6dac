package nl.regiomonitor.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.security.AuditAction;
import nl.regiomonitor.security.AuditService;

/**
 * The history of imports (table import_run) and their lines in the audit trail. Apart from
 * {@link ImportService}, which runs imports: here is only how a run is written and read, and that
 * its outcome and its audit line are written in one transaction, so neither is ever without the other.
 */
final class ImportRuns {

    /** An import recorded as running that may have been left by a killed process. */
    record Unfinished(long id, String type, String source, String region, String actor, String upload) {}

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AuditService audit;

    ImportRuns(DataSource dataSource, ObjectMapper json, AuditService audit) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = json;
        this.audit = audit;
    }

    long nextId() {
        return jdbc.queryForObject("select nextval('import_run_id_seq')", Long.class);
    }

    /**
     * Records the import as running, committed at once (or with its queued job, see {@link ImportQueue}): a
     * process killed mid-import leaves this row, which the next start marks as aborted.
     */
    void begin(long id, String sourceName, String type, String region, String actor, OffsetDateTime started) {
        jdbc.update(
                """
                insert into import_run (id, import_type, source_name, status, started_at, row_count, error_count,
                                        message, region_code, imported_by)
                values (?, ?, ?, 'RUNNING', ?, 0, 0, ?, ?, ?)""",
                id,
                type == null ? "onbekend" : type,
                sourceName,
                Timestamp.from(started.toInstant()),
                "Bezig met controleren en laden…",
                region,
                actor);
    }

    /**
     * Writes the outcome of import {@code id} and its audit line in the transaction open on
     * {@code connection}, and removes its queued job with the upload; the caller commits. A run already
     * finished (another instance took over a stalled import and ended it, or it was marked aborted) is
     * refused, so the transaction rolls back rather than load a file twice or overwrite an outcome.
     */
    void record(
            Connection connection, long id, ImportJob.Outcome outcome, String sourceName, String region, String actor)
            throws SQLException {
        String type = outcome.format() == null ? "onbekend" : outcome.format().type();
        try (PreparedStatement update = connection.prepareStatement("""
                update import_run set import_type = ?, sha256 = ?, status = ?, finished_at = now(), row_count = ?,
                                      error_count = ?, errors = cast(? as jsonb), message = ?, upload_path = null
                where id = ? and status = 'RUNNING'""");
                PreparedStatement job = connection.prepareStatement("delete from import_job where id = ?")) {
            update.setString(1, type);
            update.setString(2, outcome.sha256());
            update.setString(3, outcome.status().name());
            update.setLong(4, outcome.rows());
            update.setLong(5, outcome.errorCount());
            update.setString(6, toJson(outcome.errors()));
            update.setString(7, outcome.message());
            update.setLong(8, id);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("Import " + id + " is al afgesloten");
            }
            job.setLong(1, id);
            job.executeUpdate();
        }
        // a run just recorded is replaced by none, so its status text is its status's
        audit.recordAs(
                connection,
                actor,
                AuditAction.IMPORT,
                "import",
                id,
                region,
                "Import " + id + " (" + type + ", " + sourceName + "): "
                        + outcome.status().dutch(),
                null,
                Map.of(
                        "soort",
                        type,
                        "bestand",
                        sourceName,
                        "status",
                        outcome.status().name(),
                        "regels",
                        outcome.rows(),
                        "fouten",
                        outcome.errorCount()));
    }

    /** Records the outcome on a connection of its own, in one transaction with its audit line. */
    void record(long id, ImportJob.Outcome outcome, String sourceName, String region, String actor)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                record(connection, id, outcome, sourceName, region, actor);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** The import as recorded; while it runs from a queued job, with the progress its importer last wrote. */
    Optional<ImportResult> find(long id) {
        return jdbc.query("""
                        select r.*, j.id as job_id, j.requested_type, j.progress_type, j.progress_rows,
                               j.progress_fraction
                        from import_run r left join import_job j on j.id = r.id where r.id = ?""", this::mapWithErrors, id).stream().findFirst();
    }

    /** The most recent imports, newest first, without their error lists: of one region, or all when region is null. */
    List<ImportResult> history(int limit, String region) {
        RowMapper<ImportResult> withoutErrors = (rs, rowNum) -> map(rs, List.of());
        return region == null
                ? jdbc.query("select * from import_run order by id desc limit ?", withoutErrors, limit)
                : jdbc.query(
                        "select * from import_run where region_code = ? order by id desc limit ?",
                        withoutErrors,
                        region,
                        limit);
    }

    /** Runs recorded as running outside the queue (the queue looks after its own jobs, {@link ImportQueue}). */
    List<Unfinished> unfinished() {
        return jdbc.query("""
                select * from import_run r where status = 'RUNNING'
                and not exists (select 1 from import_job j where j.id = r.id) order by id""", (rs, n) -> unfinished(rs));
    }

    /** An import_run row read as possibly unfinished. */
    static Unfinished unfinished(ResultSet rs) throws SQLException {
        return new Unfinished(
                rs.getLong("id"),
                rs.getString("import_type"),
                rs.getString("source_name"),
                rs.getString("region_code"),
                rs.getString("imported_by"),
                rs.getString("upload_path"));
    }

    /**
     * Marks {@code run} aborted with {@code message}, with its audit line and without its queued job, in one
     * transaction, when no process holds its lock any more. Returns whether it did.
     */
    boolean markAborted(Unfinished run, String actor, String message) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                            "select pg_try_advisory_xact_lock(hashtext('regiomonitor-import-run'), ?)");
                    PreparedStatement update = connection.prepareStatement("""
                         update import_run set status = 'ABORTED', finished_at = now(), upload_path = null, message = ?
                         where id = ? and status = 'RUNNING'""");
                    PreparedStatement job = connection.prepareStatement("delete from import_job where id = ?")) {
                lock.setInt(1, (int) run.id());
                boolean dead;
                try (ResultSet rs = lock.executeQuery()) {
                    dead = rs.next() && rs.getBoolean(1);
                }
                int marked = 0;
                if (dead) {
                    update.setString(1, message);
                    update.setLong(2, run.id());
                    marked = update.executeUpdate();
                }
                if (marked == 1) {
                    job.setLong(1, run.id());
                    job.executeUpdate();
                    audit.recordAs(
                            connection,
                            actor,
                            AuditAction.IMPORT,
                            "import",
                            run.id(),
                            run.region(),
                            "Import " + run.id() + " (" + run.type() + ", " + run.source() + "): "
                                    + ImportStatus.ABORTED.dutch(),
                            null,
                            Map.of(
                                    "soort",
                                    run.type(),
                                    "bestand",
                                    run.source(),
                                    "status",
                                    ImportStatus.ABORTED.name()));
                }
                connection.commit();
                return marked == 1;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
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
            errors = json.readValue(rs.getString("errors"), new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ImportResult recorded = map(rs, errors);
        if (recorded.status() != ImportStatus.RUNNING || rs.getObject("job_id") == null) {
            return recorded;
        }
        String type =
                rs.getString("progress_type") != null ? rs.getString("progress_type") : rs.getString("requested_type");
        return ImportResult.running(recorded, type, rs.getDouble("progress_fraction"), rs.getLong("progress_rows"));
    }

    private static ImportResult map(ResultSet rs, List<ImportError> errors) throws SQLException {
        return new ImportResult(
                rs.getLong("id"),
                rs.getString("import_type"),
                rs.getString("source_name"),
                rs.getString("region_code"),
                rs.getString("imported_by"),
                ImportStatus.valueOf(rs.getString("status")),
                1.0,
                rs.getLong("row_count"),
                rs.getLong("error_count"),
                errors,
                rs.getString("message"),
                rs.getObject("started_at", OffsetDateTime.class)
                        .atZoneSameInstant(Dutch.ZONE)
                        .toOffsetDateTime(),
                Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class))
                        .map(t -> t.atZoneSameInstant(Dutch.ZONE).toOffsetDateTime())
                        .orElse(null),
                rs.getObject("replaced_by", Long.class));
    }
}
