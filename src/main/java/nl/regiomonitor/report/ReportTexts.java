package nl.regiomonitor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.regiomonitor.security.AuditAction;
import nl.regiomonitor.security.AuditService;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.web.Problem;
import nl.regiomonitor.web.Refusal;
import nl.regiomonitor.web.RichText;

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
    public record Text(
            long id, String region, int year, TextKind kind, String title, String body, int position, int version) {

        /** The body as safe HTML. */
        public String html() {
            return RichText.toHtml(body);
        }
    }

    public List<Text> list(String region, int year) {
        return jdbc.query(
                "select id, region_code, year, kind, title, body, position, version from report_text "
                        + "where region_code = ? and year = ? order by kind, position, id",
                (rs, n) -> new Text(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        TextKind.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getInt(8)),
                region,
                year);
    }

    public Optional<Text> find(String region, int year, long id) {
        return list(region, year).stream().filter(t -> t.id() == id).findFirst();
    }

    /**
     * One text as the editor sends it: a single kind (id not needed), an existing task ({@code id} set) or a new
     * task ({@code id} null), with the version the editor read; {@code delete} removes a task.
     */
    public record Edit(TextKind kind, Long id, String title, String body, int version, boolean delete) {

        /** The text of a single kind (introduction, look-back, …), which has no id or title of its own. */
        public static Edit single(TextKind kind, String body, int version) {
            return new Edit(kind, null, null, body, version, false);
        }

        /** A new regional task, written on an empty form. */
        public static Edit newTask(String title, String body) {
            return new Edit(TextKind.REGIONAL_TASK, null, title, body, 0, false);
        }

        /** A regional task: an existing one ({@code id} set) or the form's slot for a new one ({@code id} null). */
        public static Edit task(Long id, String title, String body, int version, boolean delete) {
            return new Edit(TextKind.REGIONAL_TASK, id, title, body, version, delete);
        }
    }

    /** A problem of one edit of {@link #saveAll}: the edit's index in the list and the problem, at "title" or "body". */
    public record EditProblem(int edit, Problem problem) {

        static EditProblem at(int edit, String field, String message) {
            return new EditProblem(edit, new Problem(field, message));
        }
    }

    /** {@link #saveAll} wrote nothing because of these problems; {@link #perEdit} says which edit each is about. */
    public static class RefusedAll extends Refusal {
        private final transient List<EditProblem> perEdit;

        RefusedAll(List<EditProblem> perEdit) {
            super(
                    Kind.UNACCEPTABLE,
                    perEdit.get(0).problem().message(),
                    perEdit.stream().map(EditProblem::problem).toList());
            this.perEdit = List.copyOf(perEdit);
        }

        public List<EditProblem> perEdit() {
            return perEdit;
        }
    }

    /**
     * Saves every text of the editor at once, in one transaction: only what changed is written and audited, an
     * emptied single text is removed, a new task only when its title or text is filled in. Every edit is checked
     * first, and every changed text against the version the editor read; one problem and nothing is written, so
     * the editor can show all problems with what the user typed. Returns what was done, in Dutch, per text.
     */
    @Transactional
    public List<String> saveAll(String region, int year, List<Edit> edits) {
        // one save of a report at a time (also when both would add a text that does not exist yet), so no other save
        // slips in between the version check and the writes
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {}, "report_text " + region + " " + year);
        Map<Long, Text> stored = new LinkedHashMap<>();
        list(region, year).forEach(t -> stored.put(t.id(), t));
        List<EditProblem> problems = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            Edit edit = edits.get(i);
            String body = edit.body() == null ? "" : edit.body().replace("\r\n", "\n");
            String title = edit.title() == null || edit.title().isBlank()
                    ? null
                    : edit.title().strip();
            Optional<Text> before = edit.kind().single()
                    ? stored.values().stream()
                            .filter(t -> t.kind() == edit.kind())
                            .findFirst()
                    : Optional.ofNullable(edit.id()).map(stored::get);
            if (!edit.kind().single() && edit.id() != null && before.isEmpty()) {
                problems.add(EditProblem.at(
                        i, "title", "Deze opgave bestaat niet meer: iemand anders heeft haar verwijderd."));
                continue;
            }
            boolean remove = edit.delete()
                    || (edit.kind().single() && body.isBlank())
                    || (!edit.kind().single() && title == null && body.isBlank());
            if (remove) {
                if (before.isEmpty() || edit.version() < 0) {
                    continue; // nothing stored or nothing seen, and nothing typed: no text to remove
                }
                if (before.get().version() != edit.version()) {
                    problems.add(conflict(i, edit.kind()));
                    continue;
                }
                Text gone = before.get();
                writes.add(() -> remove(region, year, gone));
                done.add(label(gone) + " verwijderd");
                continue;
            }
            int problemsBefore = problems.size();
            check(i, edit.kind(), title, body, problems);
            if (problems.size() > problemsBefore) {
                continue;
            }
            if (before.isPresent()) {
                Text old = before.get();
                if (old.body().replace("\r\n", "\n").equals(body) && Objects.equals(old.title(), title)) {
                    continue; // unchanged: no write, no audit row, no version check
                }
                if (old.version() != edit.version()) {
                    problems.add(conflict(i, edit.kind()));
                    continue;
                }
                writes.add(() -> change(region, year, old, title, body));
                done.add(label(old) + " gewijzigd");
            } else {
                writes.add(() -> create(region, year, edit.kind(), title, body));
                done.add(
                        edit.kind().single()
                                ? edit.kind().dutch() + " geschreven"
                                : "Regionale opgave ‘" + title + "’ toegevoegd");
            }
        }
        if (!problems.isEmpty()) {
            throw new RefusedAll(problems);
        }
        writes.forEach(Runnable::run);
        return done;
    }

    private static String label(Text text) {
        return text.kind().single() ? text.kind().dutch() : "Regionale opgave ‘" + text.title() + "’";
    }

    private static EditProblem conflict(int edit, TextKind kind) {
        return EditProblem.at(
                edit,
                "body",
                "Iemand anders heeft " + (kind.single() ? "deze tekst" : "deze opgave")
                        + " intussen gewijzigd; er is niets opgeslagen. Uw tekst staat er nog: kopieer hem, laad de pagina opnieuw "
                        + "en voeg hem weer in.");
    }

    /** The rules every written text follows. */
    private static void check(int edit, TextKind kind, String title, String body, List<EditProblem> problems) {
        if (kind == TextKind.REGIONAL_TASK && title == null) {
            problems.add(EditProblem.at(edit, "title", "Geef de regionale opgave een titel."));
        }
        if (title != null && title.length() > MAX_TITLE) {
            problems.add(EditProblem.at(edit, "title", "Een titel is hoogstens " + MAX_TITLE + " tekens."));
        }
        // PostgreSQL cannot store a NUL character in text
        if (title != null && title.indexOf('\0') >= 0) {
            problems.add(EditProblem.at(
                    edit,
                    "title",
                    "De titel bevat een onzichtbaar teken (NUL) dat niet kan worden opgeslagen; verwijder het."));
        }
        if (body.indexOf('\0') >= 0) {
            problems.add(EditProblem.at(
                    edit,
                    "body",
                    "De tekst bevat een onzichtbaar teken (NUL) dat niet kan worden opgeslagen; verwijder het."));
        }
        if (body.isBlank()) {
            problems.add(
                    EditProblem.at(edit, "body", "Schrijf de tekst van de opgave, of kies ‘Deze opgave verwijderen’."));
        }
        if (body.length() > MAX_BODY) {
            problems.add(EditProblem.at(
                    edit,
                    "body",
                    "Een tekst is hoogstens " + MAX_BODY + " tekens; deze heeft er " + body.length() + "."));
        }
    }

    private void change(String region, int year, Text before, String title, String body) {
        jdbc.update(
                "update report_text set title = ?, body = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ?",
                title,
                body,
                CurrentUser.name(),
                before.id());
        Text after = find(region, year, before.id()).orElseThrow();
        audit.record(
                AuditAction.CHANGE,
                "regioperspectieftekst",
                after.id(),
                region,
                before.kind().dutch() + " van het regioperspectief " + year + " gewijzigd",
                snapshot(before),
                snapshot(after));
    }

    private void create(String region, int year, TextKind kind, String title, String body) {
        int position = jdbc.queryForObject(
                "select coalesce(max(position), 0) + 1 from report_text where region_code = ? and year = ? and kind = ?",
                Integer.class,
                region,
                year,
                kind.name());
        long newId = jdbc.queryForObject(
                "insert into report_text (region_code, year, kind, title, body, position, changed_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?) returning id",
                Long.class,
                region,
                year,
                kind.name(),
                title,
                body,
                position,
                CurrentUser.name());
        audit.record(
                AuditAction.CREATE,
                "regioperspectieftekst",
                newId,
                region,
                kind.dutch() + " van het regioperspectief " + year + " geschreven",
                null,
                snapshot(find(region, year, newId).orElseThrow()));
    }

    private void remove(String region, int year, Text before) {
        jdbc.update("delete from report_text where id = ?", before.id());
        audit.record(
                AuditAction.DELETE,
                "regioperspectieftekst",
                before.id(),
                region,
                before.kind().dutch() + " van het regioperspectief " + year + " verwijderd",
                snapshot(before),
                null);
    }

    private static Map<String, Object> snapshot(Text text) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("soort", text.kind().dutch());
        values.put("titel", text.title());
        values.put("tekst", text.body());
        return values;
    }
}
