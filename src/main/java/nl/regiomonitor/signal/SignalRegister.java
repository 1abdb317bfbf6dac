package nl.regiomonitor.signal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.regiomonitor.security.AuditAction;
import nl.regiomonitor.security.AuditService;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.signal.EntryCheck.Checked;
import nl.regiomonitor.web.Problem;

/**
 * The register of qualitative input per region: entries are checked by {@link EntryCheck} (with Dutch reasons),
 * and every create, change, delete and import is written to the audit trail in the same
 * transaction, with the values before and after.
 */
@Service
public class SignalRegister {

    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_NAME = 200;

    private static final String SELECT = """
            select e.*, c.name as category_name from register_entry e
            left join signal_category c on c.code = e.category_code""";

    private final JdbcTemplate jdbc;
    private final AuditService audit;

    public SignalRegister(JdbcTemplate jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<SignalCategory> categories() {
        return jdbc.query(
                "select code, name from signal_category order by sort_order",
                (rs, i) -> new SignalCategory(rs.getString("code"), rs.getString("name")));
    }

    /** The entries of a region in a year, by date. */
    public List<RegisterEntry> list(String region, int year) {
        return jdbc.query(
                SELECT + " where e.region_code = ? and e.year = ? order by e.entry_date, e.id",
                this::map,
                region,
                year);
    }

    /** An entry of {@code region}; empty when there is none with this id or it belongs to another region. */
    public Optional<RegisterEntry> find(String region, long id) {
        return jdbc.query(SELECT + " where e.region_code = ? and e.id = ?", this::map, region, id).stream()
                .findFirst();
    }

    /** The latest year with entries for the region, if any. */
    public Optional<Integer> latestYear(String region) {
        return Optional.ofNullable(jdbc.queryForObject(
                "select max(year) from register_entry where region_code = ?", Integer.class, region));
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
        audit.record(
                AuditAction.CREATE,
                "registratie",
                id,
                region,
                created.label() + " toegevoegd",
                null,
                snapshot(created));
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
        jdbc.update(
                """
                update register_entry set kind = ?, entry_date = ?, category_code = ?, name = ?, location_kind = ?,
                    description = ?, changed_by = ?, changed_at = now(), version = version + 1
                where id = ?""",
                entry.kind().name(),
                entry.date(),
                entry.category() == null ? null : entry.category().code(),
                entry.name(),
                entry.locationKind() == null ? null : entry.locationKind().name(),
                entry.description(),
                CurrentUser.name(),
                id);
        RegisterEntry after = find(region, id).orElseThrow();
        audit.record(
                AuditAction.CHANGE,
                "registratie",
                id,
                region,
                after.label() + " gewijzigd",
                snapshot(before),
                snapshot(after));
        return after;
    }

    @Transactional
    public void delete(String region, long id, int version) {
        RegisterEntry before = lockedForChange(region, id, version);
        jdbc.update("delete from register_entry where id = ?", id);
        audit.record(
                AuditAction.DELETE, "registratie", id, region, before.label() + " verwijderd", snapshot(before), null);
    }

    /**
     * Adds every row of a CSV or XLSX file with the columns {@link RegisterFile#COLUMNS}, all or nothing: one bad
     * row and nothing is added, and the {@link InvalidEntry} names every bad row with its line number.
     *
     * @return the number of entries added
     */
    @Transactional
    public int importFile(String region, String sourceName, Path file) throws IOException {
        requireRegion(region);
        List<Checked> rows = RegisterFile.read(file, categories());
        Map<String, Integer> perKind = new LinkedHashMap<>();
        for (Checked row : rows) {
            insert(region, row);
            perKind.merge(row.kind().plural(), 1, Integer::sum);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("bestand", sourceName);
        after.put("aantal", rows.size());
        after.put("per soort", perKind);
        audit.record(
                AuditAction.IMPORT,
                "registratie",
                null,
                region,
                rows.size() + " registraties geïmporteerd uit " + sourceName,
                null,
                after);
        return rows.size();
    }

    /** Entries per kind and signals per category of a region in a year; kinds and categories without entries count 0. */
    public RegisterSummary summary(String region, int year) {
        Map<RegisterKind, Integer> perKind = new EnumMap<>(RegisterKind.class);
        for (RegisterKind kind : RegisterKind.values()) {
            perKind.put(kind, 0);
        }
        jdbc.query(
                "select kind, count(*) as n from register_entry where region_code = ? and year = ? group by kind",
                rs -> {
                    perKind.put(RegisterKind.valueOf(rs.getString("kind")), rs.getInt("n"));
                },
                region,
                year);
        List<RegisterSummary.CategoryCount> signals = jdbc.query(
                """
                select c.code, c.name,
                       count(e.id) filter (where e.kind = 'CLIENT_SIGNAL') as client,
                       count(e.id) filter (where e.kind = 'OCO_SIGNAL') as oco
                from signal_category c
                left join register_entry e on e.category_code = c.code and e.region_code = ? and e.year = ?
                group by c.code, c.name, c.sort_order order by c.sort_order""",
                (rs, i) -> new RegisterSummary.CategoryCount(
                        new SignalCategory(rs.getString("code"), rs.getString("name")),
                        rs.getInt("client"),
                        rs.getInt("oco")),
                region,
                year);
        return new RegisterSummary(region, year, perKind, signals);
    }

    /** The entry when every field is right; else an {@link InvalidEntry} with a reason per wrong field. */
    private Checked checked(EntryInput input) {
        List<Problem> problems = new ArrayList<>();
        Optional<Checked> checked = EntryCheck.check(input, categories(), problems);
        if (checked.isEmpty()) {
            throw new InvalidEntry(problems);
        }
        return checked.get();
    }

    private void requireRegion(String region) {
        if (!Boolean.TRUE.equals(
                jdbc.queryForObject("select exists(select 1 from region where code = ?)", Boolean.class, region))) {
            throw InvalidEntry.general("Regio '" + region + "' bestaat niet.");
        }
    }

    private RegisterEntry lockedForChange(String region, long id, int version) {
        RegisterEntry entry =
                jdbc
                        .query(SELECT + " where e.region_code = ? and e.id = ? for update of e", this::map, region, id)
                        .stream()
                        .findFirst()
                        .orElseThrow(() -> InvalidEntry.general("Deze registratie bestaat niet (meer)."));
        if (entry.version() != version) {
            throw InvalidEntry.general("Iemand anders heeft deze registratie intussen gewijzigd. Hieronder staat de "
                    + "nieuwe versie; breng uw wijziging opnieuw aan.");
        }
        return entry;
    }

    private long insert(String region, Checked e) {
        return jdbc.queryForObject(
                """
                insert into register_entry (region_code, kind, entry_date, category_code, name, location_kind, description, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                Long.class,
                region,
                e.kind().name(),
                e.date(),
                e.category() == null ? null : e.category().code(),
                e.name(),
                e.locationKind() == null ? null : e.locationKind().name(),
                e.description(),
                CurrentUser.name());
    }

    /** The values the audit trail keeps of an entry, with Dutch names. */
    static Map<String, Object> snapshot(RegisterEntry e) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("soort", e.kind().dutch());
        values.put("datum", e.date().toString());
        values.put("categorie", e.category() == null ? null : e.category().name());
        values.put("naam", e.name());
        values.put(
                "soort locatie",
                e.locationKind() == null ? null : e.locationKind().dutch());
        values.put("omschrijving", e.description());
        values.put("versie", e.version());
        return values;
    }

    private RegisterEntry map(ResultSet rs, int row) throws SQLException {
        String category = rs.getString("category_code");
        String location = rs.getString("location_kind");
        return new RegisterEntry(
                rs.getLong("id"),
                rs.getString("region_code"),
                RegisterKind.valueOf(rs.getString("kind")),
                rs.getObject("entry_date", LocalDate.class),
                rs.getInt("year"),
                category == null ? null : new SignalCategory(category, rs.getString("category_name")),
                rs.getString("name"),
                location == null ? null : LocationKind.valueOf(location),
                rs.getString("description"),
                rs.getInt("version"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("changed_by"),
                rs.getObject("changed_at", OffsetDateTime.class));
    }
}
