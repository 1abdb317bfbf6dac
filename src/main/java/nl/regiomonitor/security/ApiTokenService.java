package nl.regiomonitor.security;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.regiomonitor.common.Sha256;

/**
 * Personal API keys: a program calls the API with {@code Authorization: Bearer <key>} instead of
 * sending a password (and paying for bcrypt) on every call. A key is 256 random bits, shown once;
 * only its SHA-256 is kept, which is enough for a key nobody can guess (unlike a password, it needs
 * no slow hash). A key acts as its user, with the user's roles as they are at the moment of the
 * call, and stops working when the user is disabled or deleted, or the key is revoked.
 */
@Service
public class ApiTokenService {

    /** Keys one user may have at a time. */
    static final int MAX_PER_USER = 20;

    static final String PREFIX = "rm_";
    /** How stale "last used" may be: saves a write on every call of a busy client. */
    private static final String LAST_USED_GRANULARITY = "1 minute";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as its owner sees it in the list: never the key itself. */
    public record ApiToken(long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {}

    /** A key just made: the only time the key itself is known. */
    public record NewApiToken(long id, String name, String token, OffsetDateTime createdAt) {}

    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final UserService users;

    ApiTokenService(JdbcTemplate jdbc, AuditService audit, UserService users) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
    }

    /** The keys of {@code user}, oldest first. */
    public List<ApiToken> list(AppUser user) {
        return jdbc.query(
                "select id, name, created_at, last_used_at from api_token where user_id = ? order by created_at, id",
                (rs, n) -> new ApiToken(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class)),
                user.id());
    }

    /** Makes a key for {@code user}; the message of an {@link UserService.InvalidUserChange} says in Dutch what is wrong. */
    @Transactional
    public NewApiToken create(AppUser user, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100 || label.chars().anyMatch(Character::isISOControl)) {
            throw new UserService.InvalidUserChange(
                    "name",
                    "Geef de sleutel een naam van 1 tot 100 tekens, zodat u later "
                            + "weet waarvoor hij is (bijvoorbeeld 'rapportagescript').");
        }
        // the row lock makes two requests at once count each other
        jdbc.queryForObject("select id from app_user where id = ? for update", Long.class, user.id());
        Integer held =
                jdbc.queryForObject("select count(*) from api_token where user_id = ?", Integer.class, user.id());
        if (held != null && held >= MAX_PER_USER) {
            throw new UserService.InvalidUserChange(
                    "name",
                    "U heeft al " + MAX_PER_USER + " API-sleutels. Trek er eerst een in "
                            + "die u niet meer gebruikt.");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        NewApiToken made = jdbc.queryForObject(
                "insert into api_token (user_id, name, token_hash) values (?, ?, ?) " + "returning id, created_at",
                (rs, n) -> new NewApiToken(rs.getLong(1), label, token, rs.getObject(2, OffsetDateTime.class)),
                user.id(),
                label,
                hash(token));
        audit.record(
                AuditAction.CREATE,
                "API-sleutel",
                made.id(),
                null,
                "API-sleutel '" + label + "' van " + user.username() + " aangemaakt",
                null,
                Map.of("naam", label, "gebruiker", user.username()));
        return made;
    }

    /** Revokes one of {@code user}'s own keys; false when the user has no key with this id. */
    @Transactional
    public boolean revoke(AppUser user, long id) {
        List<String> names = jdbc.queryForList(
                "delete from api_token where id = ? and user_id = ? returning name", String.class, id, user.id());
        if (names.isEmpty()) {
            return false;
        }
        audit.record(
                AuditAction.DELETE,
                "API-sleutel",
                id,
                null,
                "API-sleutel '" + names.get(0) + "' van " + user.username() + " ingetrokken",
                Map.of("naam", names.get(0), "gebruiker", user.username()),
                null);
        return true;
    }

    /** The active user a key belongs to, if it is a key at all; notes that the key was used. */
    public Optional<AppUser> userOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        record Owner(long userId, boolean stale) {}
        Optional<Owner> owner = jdbc
                .query(
                        "select user_id, coalesce(last_used_at < now() - interval '" + LAST_USED_GRANULARITY
                                + "', true) from api_token where token_hash = ?",
                        (rs, n) -> new Owner(rs.getLong(1), rs.getBoolean(2)),
                        hash)
                .stream()
                .findFirst();
        if (owner.isPresent() && owner.get().stale()) {
            jdbc.update("update api_token set last_used_at = now() where token_hash = ?", hash);
        }
        return owner.map(Owner::userId).flatMap(users::find).filter(AppUser::enabled);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
