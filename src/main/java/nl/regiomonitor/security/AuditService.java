package nl.regiomonitor.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import nl.regiomonitor.common.Dutch;

/**
 * The audit trail. Every package records its creates, changes, deletes, imports and submissions
 * here, in the transaction of the change itself, so a change is never without its line. The
 * table refuses updates and deletes (a trigger), and this service offers none.
 */
@Service
public class AuditService {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String INSERT = """
            insert into audit_event (actor, action, subject, subject_id, region_code, summary, before, after)
            values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AuditService(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records an event done by the user of the current request (or the system). */
    public void record(
            AuditAction action,
            String subject,
            Object subjectId,
            String region,
            String summary,
            Map<String, ?> before,
            Map<String, ?> after) {
        recordAs(CurrentUser.name(), action, subject, subjectId, region, summary, before, after);
    }

    /** Records an event done by {@code actor}, for work that runs outside the request that asked for it. */
    public void recordAs(
            String actor,
            AuditAction action,
            String subject,
            Object subjectId,
            String region,
            String summary,
            Map<String, ?> before,
            Map<String, ?> after) {
        jdbc.update(INSERT, values(actor, action, subject, subjectId, region, summary, before, after));
    }

    /**
     * Records an event done by {@code actor} in the transaction open on {@code connection}: work that holds its
     * own connection (an import) commits its line with itself, or rolls both back.
     */
    public void recordAs(
            Connection connection,
            String actor,
            AuditAction action,
            String subject,
            Object subjectId,
            String region,
            String summary,
            Map<String, ?> before,
            Map<String, ?> after)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            new ArgumentPreparedStatementSetter(
                            values(actor, action, subject, subjectId, region, summary, before, after))
                    .setValues(insert);
            insert.executeUpdate();
        }
    }

    private Object[] values(
            String actor,
            AuditAction action,
            String subject,
            Object subjectId,
            String region,
            String summary,
            Map<String, ?> before,
            Map<String, ?> after) {
        return new Object[] {
            actor,
            action.name(),
            subject,
            subjectId == null ? null : subjectId.toString(),
            region,
            summary,
            toJson(before),
            toJson(after)
        };
    }

    /** The events matching {@code filter}, newest first, at most {@code limit}. */
    public List<AuditEvent> search(AuditFilter filter, int limit) {
        return search(filter, limit, 0);
    }

    /** One page of the events matching {@code filter}, newest first: {@code limit} of them after skipping {@code offset}. */
    public List<AuditEvent> search(AuditFilter filter, int limit, long offset) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query(
                "select * from audit_event" + where + " order by id desc limit ? offset ?", this::map, args.toArray());
    }

    /** How many events match {@code filter}. */
    public long count(AuditFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        Long n = jdbc.queryForObject("select count(*) from audit_event" + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** Writes the events matching {@code filter} as CSV (semicolons, for Dutch spreadsheets), oldest first. */
    public void writeCsv(AuditFilter filter, Writer out) throws IOException {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setHeader(
                        "nummer",
                        "tijdstip",
                        "wie",
                        "actie",
                        "onderwerp",
                        "onderwerp_id",
                        "regio",
                        "omschrijving",
                        "voor",
                        "na")
                .get();
        // not closed here: closing the printer would close the caller's stream (the HTTP answer) under its feet
        CSVPrinter csv = new CSVPrinter(out, format);
        jdbc.query(
                "select * from audit_event" + where + " order by id",
                rs -> {
                    AuditEvent e = map(rs, 0);
                    try {
                        csv.printRecord(
                                e.id(),
                                CSV_TIME.format(e.at()),
                                cell(e.actor()),
                                e.action().dutch(),
                                cell(e.subject()),
                                cell(e.subjectId()),
                                e.region(),
                                cell(e.summary()),
                                e.before() == null ? "" : cell(e.before().toString()),
                                e.after() == null ? "" : cell(e.after().toString()));
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                },
                args.toArray());
        csv.flush();
    }

    /** Text a spreadsheet would run as a formula (a typed user name like "=HYPERLINK(…)") is kept as text. */
    private static String cell(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String where(AuditFilter f, List<Object> args) {
        List<String> parts = new ArrayList<>();
        if (f.region() != null) {
            parts.add("region_code = ?");
            args.add(f.region());
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            parts.add("actor = ?");
            args.add(f.actor().trim().toLowerCase(Locale.ROOT));
        }
        if (f.action() != null) {
            parts.add("action = ?");
            args.add(f.action().name());
        }
        if (f.from() != null) {
            parts.add("at >= ?");
            args.add(f.from().atStartOfDay(Dutch.ZONE).toOffsetDateTime());
        }
        if (f.to() != null) {
            parts.add("at < ?");
            args.add(f.to().plusDays(1).atStartOfDay(Dutch.ZONE).toOffsetDateTime());
        }
        if (f.text() != null && !f.text().isBlank()) {
            parts.add("(summary ilike ? or subject ilike ? or coalesce(subject_id, '') ilike ?)");
            String like = "%"
                    + f.text().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(like);
            args.add(like);
            args.add(like);
        }
        return parts.isEmpty() ? "" : " where " + String.join(" and ", parts);
    }

    private AuditEvent map(ResultSet rs, int rowNum) throws SQLException {
        return new AuditEvent(
                rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class)
                        .atZoneSameInstant(Dutch.ZONE)
                        .toOffsetDateTime(),
                rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")),
                rs.getString("subject"),
                rs.getString("subject_id"),
                rs.getString("region_code"),
                rs.getString("summary"),
                readJson(rs.getString("before")),
                readJson(rs.getString("after")));
    }

    private String toJson(Map<String, ?> values) {
        if (values == null) {
            return null;
        }
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
