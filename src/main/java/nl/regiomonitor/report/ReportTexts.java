package nl.regiomonitor.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.regiomonitor.security.AuditAction;
import nl.regiomonitor.security.AuditService;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.web.RichText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The texts of a region's regioperspectief per year: written, changed and removed with the audit trail. */
@Service
public class ReportTexts {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 20_000;

    private final JdbcTemplate jdbc;
    private final AuditService audit;

    ReportTexts(JdbcTemplate jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A text as stored: {@code body} in the light markup the care office writes. */
    public record Text(long id, String region, int year, TextKind kind, String title, String body, int position, int version) {

        /** The body as safe HTML. */
        public String html() {
            return RichText.toHtml(body);
        }
    }

    /** A refused change, with a Dutch message for the field it concerns. */
    public static class Refused extends RuntimeException {
        private final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public List<Text> list(String region, int year) {
        return jdbc.query("select id, region_code, year, kind, title, body, position, version from report_text "
                + "where region_code = ? and year = ? order by kind, position, id", (rs, n) -> new Text(rs.getLong(1), rs.getString(2),
                rs.getInt(3), TextKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8)), region, year);
    }

    public Optional<Text> find(String region, int year, long id) {
        return list(region, year).stream().filter(t -> t.id() == id).findFirst();
    }

    /**
     * Writes a text: a new one when {@code id} is null (for a single kind, the one there is is
     * changed instead), else the one with that id, when nobody changed it since {@code version}.
     */
    @Transactional
    public Text save(String region, int year, Long id, TextKind kind, String title, String body, int version) {
        String cleanTitle = title == null || title.isBlank() ? null : title.strip();
        if (kind == TextKind.REGIONAL_TASK && cleanTitle == null) {
            throw new Refused("title", "Geef de regionale opgave een titel.");
        }
        if (cleanTitle != null && cleanTitle.length() > MAX_TITLE) {
            throw new Refused("title", "Een titel is hoogstens " + MAX_TITLE + " tekens.");
        }
        // PostgreSQL cannot store a NUL character in text
        if (cleanTitle != null && cleanTitle.indexOf('\0') >= 0) {
            throw new Refused("title", "De titel bevat een onzichtbaar teken (NUL) dat niet kan worden opgeslagen; verwijder het.");
        }
        if (body != null && body.indexOf('\0') >= 0) {
            throw new Refused("body", "De tekst bevat een onzichtbaar teken (NUL) dat niet kan worden opgeslagen; verwijder het.");
        }
        if (body == null || body.isBlank()) {
            throw new Refused("body", "Schrijf de tekst; een lege tekst verwijdert u met de knop Verwijderen.");
        }
        if (body.length() > MAX_BODY) {
            throw new Refused("body", "Een tekst is hoogstens " + MAX_BODY + " tekens.");
        }
        Optional<Text> existing = id != null ? find(region, year, id)
                : kind.single() ? list(region, year).stream().filter(t -> t.kind() == kind).findFirst() : Optional.empty();
        if (id != null && existing.isEmpty()) {
            throw new Refused("body", "Deze tekst bestaat niet (meer).");
        }
        if (existing.isPresent()) {
            Text before = existing.get();
            int changed = jdbc.update("update report_text set title = ?, body = ?, version = version + 1, changed_at = now(), changed_by = ? "
                    + "where id = ? and version = ?", cleanTitle, body, CurrentUser.name(), before.id(), version);
            if (changed == 0) {
                throw new Refused("body", "Iemand anders heeft deze tekst intussen gewijzigd. Uw tekst staat hieronder nog; "
                        + "kopieer hem, laad de pagina opnieuw en voeg hem weer in.");
            }
            Text after = find(region, year, before.id()).orElseThrow();
            audit.record(AuditAction.CHANGE, "regioperspectieftekst", after.id(), region,
                    kind.dutch() + " van het regioperspectief " + year + " gewijzigd", snapshot(before), snapshot(after));
            return after;
        }
        int position = jdbc.queryForObject("select coalesce(max(position), 0) + 1 from report_text where region_code = ? and year = ? and kind = ?",
                Integer.class, region, year, kind.name());
        long newId = jdbc.queryForObject("insert into report_text (region_code, year, kind, title, body, position, changed_by) "
                + "values (?, ?, ?, ?, ?, ?, ?) returning id", Long.class, region, year, kind.name(), cleanTitle, body, position, CurrentUser.name());
        Text created = find(region, year, newId).orElseThrow();
        audit.record(AuditAction.CREATE, "regioperspectieftekst", newId, region,
                kind.dutch() + " van het regioperspectief " + year + " geschreven", null, snapshot(created));
        return created;
    }

    @Transactional
    public void delete(String region, int year, long id) {
        Text before = find(region, year, id).orElseThrow(() -> new Refused("body", "Deze tekst bestaat niet (meer)."));
        jdbc.update("delete from report_text where id = ?", id);
        audit.record(AuditAction.DELETE, "regioperspectieftekst", id, region,
                before.kind().dutch() + " van het regioperspectief " + year + " verwijderd", snapshot(before), null);
    }

    private static Map<String, Object> snapshot(Text text) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("soort", text.kind().dutch());
        values.put("titel", text.title());
        values.put("tekst", text.body());
        return values;
    }
}
