package nl.regiomonitor.publication;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored builds (tables publication and publication_table): writing one with its tables in one transaction,
 * and reading them back. Apart from {@link PublicationService}, which decides when to build and what is current.
 */
final class PublicationStore {

    /** What every build records: why it ran, the data it covered, how long it took, and its size. */
    record Build(
            String reason, YearMonth dataThrough, long millis, long lastImport, int threshold, int tables, int cells) {

        /** A build that got no tables, so covered no data. */
        static Build empty(String reason, long millis, long lastImport, int threshold) {
            return new Build(reason, null, millis, lastImport, threshold, 0, 0);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    PublicationStore(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    /** Every build, newest first. */
    List<Publication> all() {
        return jdbc.query("select * from publication order by version desc", (rs, n) -> publication(rs));
    }

    Optional<Publication> find(long version) {
        return jdbc.query("select * from publication where version = ?", (rs, n) -> publication(rs), version).stream()
                .findFirst();
    }

    /** The names of the tables of a published version, in the order they were built. */
    List<String> tableNames(long version) {
        return jdbc.queryForList(
                "select name from publication_table where version = ? order by ctid", String.class, version);
    }

    /** The cells of one stored table as published: key to number or mark. */
    Optional<Map<String, Object>> table(long version, String name) {
        return jdbc
                .queryForList(
                        "select cells::text from publication_table where version = ? and name = ?",
                        String.class,
                        version,
                        name)
                .stream()
                .findFirst()
                .map(this::read);
    }

    /** A stored build with what it covered: the newest import it read, and the digest of its cells when published. */
    record Stored(Publication publication, long lastImport, String digest) {}

    /** The newest published build, by whichever instance. */
    Optional<Stored> latestPublished() {
        return newest("where status = 'PUBLISHED'");
    }

    /** The newest build of any status, by whichever instance. */
    Optional<Stored> newest() {
        return newest("");
    }

    private Optional<Stored> newest(String condition) {
        return jdbc
                .query(
                        "select * from publication " + condition + " order by version desc limit 1",
                        (rs, n) -> new Stored(publication(rs), rs.getLong("last_import"), rs.getString("digest")))
                .stream()
                .findFirst();
    }

    /** Stores a build that became current, with its tables. */
    Publication published(Build build, String digest, Map<String, String> content) {
        return store(Publication.Status.PUBLISHED, build, digest, null, content);
    }

    /** Stores a build the audit refused, without its tables. */
    Publication rejected(Build build, String problem) {
        return store(Publication.Status.REJECTED, build, null, problem, Map.of());
    }

    /** Stores a build that failed: it covered nothing. */
    Publication failed(String reason, long millis, long lastImport, int threshold, String problem) {
        return store(
                Publication.Status.FAILED, Build.empty(reason, millis, lastImport, threshold), null, problem, Map.of());
    }

    private Publication store(
            Publication.Status status, Build build, String digest, String problem, Map<String, String> content) {
        OffsetDateTime builtAt = OffsetDateTime.now(ZoneOffset.UTC);
        YearMonth last = build.dataThrough();
        return transaction.execute(tx -> {
            long version = jdbc.queryForObject("select nextval('publication_version')", Long.class);
            jdbc.update(
                    """
                    insert into publication (version, status, reason, data_through, built_at, build_ms, last_import,
                                             threshold, tables, cells, digest, problem)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    version,
                    status.name(),
                    build.reason(),
                    last == null ? null : Date.valueOf(last.atDay(1)),
                    Timestamp.from(builtAt.toInstant()),
                    build.millis(),
                    build.lastImport(),
                    build.threshold(),
                    build.tables(),
                    build.cells(),
                    digest,
                    problem);
            List<Object[]> rows = new ArrayList<>();
            content.forEach((name, cellsJson) -> rows.add(new Object[] {version, name, cellsJson}));
            jdbc.batchUpdate("insert into publication_table (version, name, cells) values (?, ?, ?::jsonb)", rows);
            return new Publication(
                    version,
                    status,
                    build.reason(),
                    last,
                    builtAt,
                    build.millis(),
                    build.tables(),
                    build.cells(),
                    problem);
        });
    }

    private static Publication publication(ResultSet rs) throws SQLException {
        Date through = rs.getDate("data_through");
        return new Publication(
                rs.getLong("version"),
                Publication.Status.valueOf(rs.getString("status")),
                rs.getString("reason"),
                through == null ? null : YearMonth.from(through.toLocalDate()),
                rs.getObject("built_at", OffsetDateTime.class),
                rs.getLong("build_ms"),
                rs.getInt("tables"),
                rs.getInt("cells"),
                rs.getString("problem"));
    }

    private Map<String, Object> read(String cells) {
        try {
            return json.readValue(cells, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored cells unreadable", e);
        }
    }
}
