package nl.regiomonitor.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.regiomonitor.web.Problem;
import nl.regiomonitor.web.Refusal;

/**
 * The user store: users and their roles per region. Every change is written to the audit trail in
 * the same transaction. Guessing passwords is slowed down by {@link LoginThrottle}, not by locking.
 */
@Service
public class UserService implements UserDetailsService {

    public static final int MIN_PASSWORD_LENGTH = PasswordRules.MIN_LENGTH;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final AuditService audit;

    public UserService(JdbcTemplate jdbc, PasswordEncoder passwords, AuditService audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Override
    public AppUser loadUserByUsername(String username) {
        return find(normalise(username)).orElseThrow(() -> new UsernameNotFoundException("Onbekende gebruiker"));
    }

    public Optional<AppUser> find(String username) {
        return jdbc.query("select * from app_user where username = ?", this::map, normalise(username)).stream()
                .findFirst();
    }

    public Optional<AppUser> find(long id) {
        return jdbc.query("select * from app_user where id = ?", this::map, id).stream()
                .findFirst();
    }

    public List<AppUser> list() {
        return jdbc.query("select * from app_user order by username", this::map);
    }

    /**
     * The organisations of a region: those of the users holding a role there, sorted, each once however its
     * users typed its capitals (as {@link AppUser#worksFor} compares). Action owners are chosen from these,
     * since an owner that has users can also report on its actions.
     */
    public List<String> organisations(String region) {
        return jdbc.queryForList("""
                select min(u.organisation) from app_user u join user_role r on r.user_id = u.id
                where r.region_code = ? and u.organisation is not null group by lower(u.organisation) order by 1""", String.class, region);
    }

    public boolean isEmpty() {
        return Boolean.FALSE.equals(jdbc.queryForObject("select exists(select 1 from app_user)", Boolean.class));
    }

    /**
     * Adds a user; {@code organisation} may be empty. The message of an {@link InvalidUserChange} says in
     * Dutch what is wrong.
     */
    @Transactional
    public AppUser create(
            String username, String displayName, String organisation, String password, List<Grant> grants) {
        String name = normalise(username);
        if (!name.matches("[a-z0-9._@-]{3,64}")) {
            throw new InvalidUserChange(
                    "username",
                    "Een gebruikersnaam heeft 3 tot 64 tekens: letters, cijfers, punt, "
                            + "streepje, liggend streepje of @.");
        }
        checkName(displayName);
        checkOrganisation(organisation);
        checkPassword(password, name);
        checkGrants(grants);
        long id;
        try {
            id = jdbc.queryForObject(
                    "insert into app_user (username, display_name, organisation, password_hash) values (?, ?, ?, ?) "
                            + "returning id",
                    Long.class,
                    name,
                    displayName.trim(),
                    blankToNull(organisation),
                    passwords.encode(password));
        } catch (DuplicateKeyException e) {
            throw new InvalidUserChange("username", "De gebruikersnaam '" + name + "' bestaat al.");
        }
        insertGrants(id, grants);
        AppUser user = find(id).orElseThrow();
        audit.record(
                AuditAction.CREATE, "gebruiker", name, null, "Gebruiker " + name + " aangemaakt", null, snapshot(user));
        return user;
    }

    /** Changes name, organisation, roles and whether the user may log in. */
    @Transactional
    public AppUser change(long id, String displayName, String organisation, boolean enabled, List<Grant> grants) {
        AppUser before = lockedForChange(id);
        checkName(displayName);
        checkOrganisation(organisation);
        checkGrants(grants);
        if (before.username().equals(CurrentUser.name())
                && before.holds(Role.BEHEERDER, null)
                && (!enabled || !grants.contains(Grant.national(Role.BEHEERDER)))) {
            // otherwise the last administrator could lock everyone out of user management
            throw new InvalidUserChange(
                    "grants",
                    "U kunt uw eigen beheerdersrol niet weghalen en uzelf niet uitschakelen; "
                            + "vraag dat aan een andere beheerder.");
        }
        jdbc.update(
                "update app_user set display_name = ?, organisation = ?, enabled = ? where id = ?",
                displayName.trim(),
                blankToNull(organisation),
                enabled,
                id);
        jdbc.update("delete from user_role where user_id = ?", id);
        insertGrants(id, grants);
        AppUser after = find(id).orElseThrow();
        audit.record(
                AuditAction.CHANGE,
                "gebruiker",
                before.username(),
                null,
                "Gebruiker " + before.username() + " gewijzigd",
                snapshot(before),
                snapshot(after));
        return after;
    }

    @Transactional
    public AppUser setEnabled(long id, boolean enabled) {
        AppUser user = lockedForChange(id);
        return change(id, user.displayName(), user.organisation(), enabled, user.grants());
    }

    /** Sets a new password. The trail says that it changed, never what it is. */
    @Transactional
    public void setPassword(long id, String password) {
        AppUser user = lockedForChange(id);
        checkPassword(password, user.username());
        jdbc.update("update app_user set password_hash = ? where id = ?", passwords.encode(password), id);
        audit.record(
                AuditAction.CHANGE,
                "gebruiker",
                user.username(),
                null,
                "Wachtwoord van " + user.username() + " opnieuw ingesteld",
                Map.of("wachtwoord", "(oud)"),
                Map.of("wachtwoord", "(nieuw)"));
    }

    @Transactional
    public void delete(long id) {
        AppUser user = lockedForChange(id);
        if (user.username().equals(CurrentUser.name())) {
            throw new InvalidUserChange("username", "U kunt uzelf niet verwijderen.");
        }
        jdbc.update("delete from app_user where id = ?", id);
        audit.record(
                AuditAction.DELETE,
                "gebruiker",
                user.username(),
                null,
                "Gebruiker " + user.username() + " verwijderd",
                snapshot(user),
                null);
    }

    /** Writes a failed login to the trail, with the reason the user is not told. */
    @Transactional
    public void recordFailedLogin(String username, String reason) {
        String typed = normalise(username);
        String name = typed.length() > 64 ? typed.substring(0, 64) : typed;
        audit.recordAs(
                name.isEmpty() ? "(leeg)" : name,
                AuditAction.LOGIN_FAILED,
                "inloggen",
                null,
                null,
                "Inloggen mislukt: " + reason,
                null,
                null);
    }

    /** Writes a login on the login page to the trail. */
    @Transactional
    public void recordSuccessfulLogin(String username) {
        audit.recordAs(normalise(username), AuditAction.LOGIN, "inloggen", null, null, "Ingelogd", null, null);
    }

    /** The values the audit trail keeps of a user: never the password hash. */
    static Map<String, Object> snapshot(AppUser user) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("gebruikersnaam", user.username());
        values.put("naam", user.displayName());
        values.put("organisatie", user.organisation());
        values.put("actief", user.enabled());
        values.put("rollen", user.grants().stream().map(Grant::label).toList());
        return values;
    }

    private AppUser lockedForChange(long id) {
        return jdbc.query("select * from app_user where id = ? for update", this::map, id).stream()
                .findFirst()
                .orElseThrow(() -> new InvalidUserChange(null, "Deze gebruiker bestaat niet (meer)."));
    }

    private void insertGrants(long id, List<Grant> grants) {
        for (Grant g : grants.stream().distinct().toList()) {
            jdbc.update(
                    "insert into user_role (user_id, role, region_code) values (?, ?, ?)",
                    id,
                    g.role().name(),
                    g.region());
        }
    }

    private static void checkName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new InvalidUserChange("displayName", "Vul een naam in (hoogstens 200 tekens).");
        }
    }

    private static void checkOrganisation(String organisation) {
        if (organisation != null && organisation.strip().length() > 200) {
            throw new InvalidUserChange("organisation", "De naam van de organisatie is hoogstens 200 tekens.");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void checkPassword(String password, String username) {
        String problem = PasswordRules.problem(password, username);
        if (problem != null) {
            throw new InvalidUserChange("password", problem);
        }
    }

    private void checkGrants(List<Grant> grants) {
        if (grants.isEmpty()) {
            throw new InvalidUserChange("grants", "Geef de gebruiker minstens één rol.");
        }
        for (Grant g : grants) {
            if (g.region() != null
                    && !Boolean.TRUE.equals(jdbc.queryForObject(
                            "select exists(select 1 from region where code = ?)", Boolean.class, g.region()))) {
                throw new InvalidUserChange("grants", "Onbekende regio '" + g.region() + "'.");
            }
        }
    }

    /** Control characters cannot be part of a name; dropping them also keeps typed NULs away from the database. */
    static String normalise(String username) {
        return username == null
                ? ""
                : username.replaceAll("\\p{Cntrl}", "").trim().toLowerCase(Locale.ROOT);
    }

    private AppUser map(ResultSet rs, int rowNum) throws SQLException {
        long id = rs.getLong("id");
        List<Grant> grants = new ArrayList<>(jdbc.query(
                "select role, region_code from user_role where user_id = ? order by role, region_code",
                (r, n) -> new Grant(Role.valueOf(r.getString(1)), r.getString(2)),
                id));
        return new AppUser(
                id,
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("organisation"),
                rs.getString("password_hash"),
                rs.getBoolean("enabled"),
                List.copyOf(grants));
    }

    /** A change that cannot be made as asked: one problem, at the form field it names ({@code null}: none). */
    public static class InvalidUserChange extends Refusal {

        public InvalidUserChange(String field, String message) {
            super(Kind.INVALID, message, List.of(new Problem(field, message)));
        }

        /** The one problem, for the page that shows it at its field. */
        public Problem problem() {
            return problems().get(0);
        }
    }
}
