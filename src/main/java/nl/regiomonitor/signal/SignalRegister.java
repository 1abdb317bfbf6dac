package nl.regiomonitor.signal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.regiomonitor.ingest.ImportError;
import nl.regiomonitor.ingest.ImportRejected;
import nl.regiomonitor.ingest.TabularFile;
import nl.regiomonitor.security.AuditAction;
import nl.regiomonitor.security.AuditService;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.web.Problem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of qualitative input per region: entries are checked here (with Dutch reasons),
 * and every create, change, delete and import is written to the audit trail in the same
 * transaction, with the values before and after.
 */
@Service
public class SignalRegister {

    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_NAME = 200;
    static final int FIRST_YEAR = 2000;
    /** The columns of an import file, in the order the README gives them. */
    static final List<String> COLUMNS = List.of("kind", "date", "category", "name", "location_kind", "description");
    private static final int MAX_IMPORT_ROWS = 10_000;
    private static final int MAX_IMPORT_ERRORS = 1_000;

    private static final String SELECT = """
            select e.*, c.name as category_name from register_entry e
            left join signal_category c on c.code = e.category_code""";

    private final JdbcTemplate jdbc;
    private final AuditService audit;

    public SignalRegister(JdbcTemplate jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A checked entry, ready to store. */
    private record Checked(RegisterKind kind, LocalDate date, SignalCategory category, String name,
                           LocationKind locationKind, String description) {
    }

    public List<SignalCategory> categories() {
        return jdbc.query("select code, name from signal_category order by sort_order",
                (rs, i) -> new SignalCategory(rs.getString("code"), rs.getString("name")));
    }

    /** The entries of a region in a year, by date. */
    public List<RegisterEntry> list(String region, int year) {
        return jdbc.query(SELECT + " where e.region_code = ? and e.year = ? order by e.entry_date, e.id", this::map, region, year);
    }

    /** An entry of {@code region}; empty when there is none with this id or it belongs to another region. */
    public Optional<RegisterEntry> find(String region, long id) {
        return jdbc.query(SELECT + " where e.region_code = ? and e.id = ?", this::map, region, id).stream().findFirst();
    }

    /** The latest year with entries for the region, if any. */
    public Optional<Integer> latestYear(String region) {
        return Optional.ofNullable(jdbc.queryForObject("select max(year) from register_entry where region_code = ?",
                Integer.class, region));
    }

    public boolean isEmpty() {
        return Boolean.FALSE.equals(jdbc.queryForObject("select exists(select 1 from register_entry)", Boolean.class));
    }

    @Transactional
    public RegisterEntry create(String region, EntryInput input) {
        requireRegion(region);
        Checked entry = checked(input);
        long id = insert(region, entry);
        RegisterEntry created = find(region, id).orElseThrow();
        audit.record(AuditAction.CREATE, "registratie", id, region,
                created.label() + " toegevoegd", null, snapshot(created));
        return created;
    }

    /**
     * Changes an entry of {@code region}; {@code version} is the one the form showed, so a change made
     * in between by someone else is not silently overwritten.
     */
    @Transactional
    public RegisterEntry update(String region, long id, int version, EntryInput input) {
        RegisterEntry before = lockedForChange(region, id, version);
        Checked entry = checked(input);
        jdbc.update("""
                update register_entry set kind = ?, entry_date = ?, category_code = ?, name = ?, location_kind = ?,
                    description = ?, changed_by = ?, changed_at = now(), version = version + 1
                where id = ?""", entry.kind().name(), entry.date(), entry.category() == null ? null : entry.category().code(),
                entry.name(), entry.locationKind() == null ? null : entry.locationKind().name(), entry.description(),
                CurrentUser.name(), id);
        RegisterEntry after = find(region, id).orElseThrow();
        audit.record(AuditAction.CHANGE, "registratie", id, region,
                after.label() + " gewijzigd", snapshot(before), snapshot(after));
        return after;
    }

    @Transactional
    public void delete(String region, long id, int version) {
        RegisterEntry before = lockedForChange(region, id, version);
        jdbc.update("delete from register_entry where id = ?", id);
        audit.record(AuditAction.DELETE, "registratie", id, region,
                before.label() + " verwijderd", snapshot(before), null);
    }

    /**
     * Adds every row of a CSV or XLSX file with the columns {@link #COLUMNS}, all or nothing: one bad
     * row and nothing is added, and the {@link InvalidEntry} names every bad row as the indications import does
     * ({@link ImportError}: line, column, reason).
     *
     * @return the number of entries added
     */
    @Transactional
    public int importFile(String region, String sourceName, Path file) throws IOException {
        requireRegion(region);
        List<Checked> rows = new ArrayList<>();
        List<ImportError> errors = new ArrayList<>();
        List<SignalCategory> categories = categories();
        int read = 0;
        try (InputStream in = Files.newInputStream(file); TabularFile table = TabularFile.open(file, in)) {
            Map<String, Integer> columns = columnsOf(table.header());
            for (TabularFile.Row row = table.next(); row != null && errors.size() < MAX_IMPORT_ERRORS; row = table.next()) {
                if (++read > MAX_IMPORT_ROWS) {
                    throw InvalidEntry.general("Het bestand heeft meer dan " + MAX_IMPORT_ROWS + " regels; splits het op.");
                }
                String[] v = row.values();
                EntryInput input = new EntryInput(cell(v, columns, "kind"), cell(v, columns, "date"),
                        cell(v, columns, "category"), cell(v, columns, "name"), cell(v, columns, "location_kind"),
                        cell(v, columns, "description"));
                List<Problem> rowProblems = new ArrayList<>();
                Optional<Checked> checked = check(input, categories, rowProblems);
                checked.ifPresent(rows::add);
                int line = (int) row.line();
                rowProblems.forEach(p -> errors.add(ImportError.inColumn(line, column(p.field()), p.message())));
            }
        } catch (ImportRejected e) {
            throw InvalidEntry.general(e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw InvalidEntry.ofImport(errors);
        }
        if (rows.isEmpty()) {
            throw InvalidEntry.general("Het bestand heeft alleen een kopregel en geen registraties.");
        }
        Map<String, Integer> perKind = new LinkedHashMap<>();
        for (Checked row : rows) {
            insert(region, row);
            perKind.merge(row.kind().plural(), 1, Integer::sum);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("bestand", sourceName);
        after.put("aantal", rows.size());
        after.put("per soort", perKind);
        audit.record(AuditAction.IMPORT, "registratie", null, region,
                rows.size() + " registraties geïmporteerd uit " + sourceName, null, after);
        return rows.size();
    }

    /** Entries per kind and signals per category of a region in a year; kinds and categories without entries count 0. */
    public RegisterSummary summary(String region, int year) {
        Map<RegisterKind, Integer> perKind = new EnumMap<>(RegisterKind.class);
        for (RegisterKind kind : RegisterKind.values()) {
            perKind.put(kind, 0);
        }
        jdbc.query("select kind, count(*) as n from register_entry where region_code = ? and year = ? group by kind",
                rs -> {
                    perKind.put(RegisterKind.valueOf(rs.getString("kind")), rs.getInt("n"));
                }, region, year);
        List<RegisterSummary.CategoryCount> signals = jdbc.query("""
                select c.code, c.name,
                       count(e.id) filter (where e.kind = 'CLIENT_SIGNAL') as client,
                       count(e.id) filter (where e.kind = 'OCO_SIGNAL') as oco
                from signal_category c
                left join register_entry e on e.category_code = c.code and e.region_code = ? and e.year = ?
                group by c.code, c.name, c.sort_order order by c.sort_order""",
                (rs, i) -> new RegisterSummary.CategoryCount(new SignalCategory(rs.getString("code"), rs.getString("name")),
                        rs.getInt("client"), rs.getInt("oco")), region, year);
        return new RegisterSummary(region, year, perKind, signals);
    }

    /** The entry when every field is right; else an {@link InvalidEntry} with a reason per wrong field. */
    private Checked checked(EntryInput input) {
        List<Problem> problems = new ArrayList<>();
        Optional<Checked> checked = check(input, categories(), problems);
        if (checked.isEmpty()) {
            throw new InvalidEntry(problems);
        }
        return checked.get();
    }

    /** Checks every field, adding a Dutch reason per wrong field to {@code problems}; the entry when all is well. */
    private static Optional<Checked> check(EntryInput input, List<SignalCategory> categories, List<Problem> problems) {
        RegisterKind kind = code(RegisterKind.class, input.kind(), "kind", "Kies wat u registreert.", "soort registratie", problems);
        LocalDate date = date(input.date(), problems);
        SignalCategory category = null;
        LocationKind locationKind = null;
        String name = blankToNull(input.name());
        String description = blankToNull(input.description());
        if (kind != null && kind.signal()) {
            category = category(input.category(), categories, problems);
        } else if (blankToNull(input.category()) != null && kind != null) {
            problems.add(new Problem("category", "Alleen een klantsignaal of OCO-signaal heeft een categorie."));
        }
        if (kind != null && kind.needsLocationKind()) {
            locationKind = code(LocationKind.class, input.locationKind(), "locationKind", "Kies de soort locatie die u bezocht.",
                    "soort locatie", problems);
        } else if (blankToNull(input.locationKind()) != null && kind != null) {
            problems.add(new Problem("locationKind", "Alleen een locatiebezoek heeft een soort locatie."));
        }
        if (name != null && name.length() > MAX_NAME) {
            problems.add(new Problem("name", "De naam is langer dan " + MAX_NAME + " tekens."));
        } else if (name == null && kind != null && kind.requiredName() != null) {
            problems.add(new Problem("name", "Vul de naam in: " + kind.requiredName().toLowerCase(Locale.ROOT)
                    + " (bij een " + kind.dutch().toLowerCase(Locale.ROOT) + " verplicht)."));
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add(new Problem("description", "De omschrijving is " + description.length()
                    + " tekens; dat mogen er hoogstens " + MAX_DESCRIPTION + " zijn."));
        } else if (description == null && kind != null && kind.needsDescription()) {
            problems.add(new Problem("description", "Geef een korte omschrijving van het project."));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Checked(kind, date, category, name, locationKind, description));
    }

    /** A code of {@code type}, in any case; a missing or unknown code adds a reason for {@code field}. */
    private static <E extends Enum<E>> E code(Class<E> type, String raw, String field, String missing, String what,
                                              List<Problem> problems) {
        String code = blankToNull(raw);
        if (code == null) {
            problems.add(new Problem(field, missing));
            return null;
        }
        try {
            return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(field, "'" + code + "' is geen " + what + "; kies uit "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + "."));
            return null;
        }
    }

    private static LocalDate date(String raw, List<Problem> problems) {
        String text = blankToNull(raw);
        if (text == null) {
            problems.add(new Problem("date", "Vul de datum in."));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new Problem("date", "'" + text + "' is geen bestaande datum in de vorm jjjj-mm-dd."));
            return null;
        }
        int lastYear = LocalDate.now().getYear() + 1;
        if (date.getYear() < FIRST_YEAR || date.getYear() > lastYear) {
            problems.add(new Problem("date", "De datum moet liggen in de jaren " + FIRST_YEAR + " tot en met " + lastYear + "."));
            return null;
        }
        return date;
    }

    /** A category by its code or its name, as a spreadsheet user would type it. */
    private static SignalCategory category(String raw, List<SignalCategory> all, List<Problem> problems) {
        String text = blankToNull(raw);
        if (text == null) {
            problems.add(new Problem("category", "Kies de categorie van het signaal."));
            return null;
        }
        return all.stream().filter(c -> c.code().equalsIgnoreCase(text) || c.name().equalsIgnoreCase(text)).findFirst()
                .orElseGet(() -> {
                    problems.add(new Problem("category", "'" + text + "' is geen categorie; kies uit "
                            + String.join(", ", all.stream().map(SignalCategory::code).toList()) + "."));
                    return null;
                });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void requireRegion(String region) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from region where code = ?)", Boolean.class, region))) {
            throw InvalidEntry.general("Regio '" + region + "' bestaat niet.");
        }
    }

    private RegisterEntry lockedForChange(String region, long id, int version) {
        RegisterEntry entry = jdbc.query(SELECT + " where e.region_code = ? and e.id = ? for update of e", this::map, region, id)
                .stream().findFirst()
                .orElseThrow(() -> InvalidEntry.general("Deze registratie bestaat niet (meer)."));
        if (entry.version() != version) {
            throw InvalidEntry.general("Iemand anders heeft deze registratie intussen gewijzigd. Hieronder staat de "
                    + "nieuwe versie; breng uw wijziging opnieuw aan.");
        }
        return entry;
    }

    private long insert(String region, Checked e) {
        return jdbc.queryForObject("""
                insert into register_entry (region_code, kind, entry_date, category_code, name, location_kind, description, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, region, e.kind().name(), e.date(),
                e.category() == null ? null : e.category().code(), e.name(),
                e.locationKind() == null ? null : e.locationKind().name(), e.description(), CurrentUser.name());
    }

    /** The header's columns by name; a missing or unknown column refuses the file. */
    private static Map<String, Integer> columnsOf(List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<ImportError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                errors.add(ImportError.atLine(1, "De kolom '" + header.get(i) + "' is onbekend; de kolommen zijn "
                        + String.join(";", COLUMNS) + "."));
            }
            columns.put(name, i);
        }
        COLUMNS.stream().filter(c -> !columns.containsKey(c)).forEach(c -> errors.add(ImportError.atLine(1,
                "De kolom '" + c + "' ontbreekt; de kolommen zijn " + String.join(";", COLUMNS) + ".")));
        if (!errors.isEmpty()) {
            throw InvalidEntry.ofImport(errors);
        }
        return columns;
    }

    private static String cell(String[] values, Map<String, Integer> columns, String column) {
        int i = columns.get(column);
        return i < values.length ? values[i] : "";
    }

    /** The import column of a form field. */
    private static String column(String field) {
        return switch (field) {
            case "locationKind" -> "location_kind";
            default -> field;
        };
    }

    /** The values the audit trail keeps of an entry, with Dutch names. */
    static Map<String, Object> snapshot(RegisterEntry e) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("soort", e.kind().dutch());
        values.put("datum", e.date().toString());
        values.put("categorie", e.category() == null ? null : e.category().name());
        values.put("naam", e.name());
        values.put("soort locatie", e.locationKind() == null ? null : e.locationKind().dutch());
        values.put("omschrijving", e.description());
        values.put("versie", e.version());
        return values;
    }

    private RegisterEntry map(ResultSet rs, int row) throws SQLException {
        String category = rs.getString("category_code");
        String location = rs.getString("location_kind");
        return new RegisterEntry(rs.getLong("id"), rs.getString("region_code"), RegisterKind.valueOf(rs.getString("kind")),
                rs.getObject("entry_date", LocalDate.class), rs.getInt("year"),
                category == null ? null : new SignalCategory(category, rs.getString("category_name")),
                rs.getString("name"), location == null ? null : LocationKind.valueOf(location), rs.getString("description"),
                rs.getInt("version"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class));
    }
}
