package nl.regiomonitor.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of passwords instead of locking accounts: per typed user name and per
 * client address, the failed logins beyond a free number each double the time before the next
 * attempt is heard (up to a maximum), and one failure is forgotten per quiet period. An attempt
 * that comes too early is refused without looking at the password; it does not count, so an
 * attacker cannot keep the owner out longer than one delay. Nothing sleeps: the client waits.
 * The user name counts whether the account exists or not, so the delays tell nobody who exists.
 * Kept in memory: after a restart everyone starts afresh, which costs an attacker nothing he could
 * not get by waiting.
 */
@Component
public class LoginThrottle {

    /** Keys kept at most; beyond it the forgotten ones go first, then everyone starts afresh. */
    private static final int MAX_KEYS = 100_000;

    private record Failures(int count, Instant last) {}

    /** How failures of one kind of key turn into a delay. */
    record Policy(int freeAttempts, Duration firstDelay, Duration maxDelay, Duration forgetOne) {

        Duration delay(int count) {
            if (count < freeAttempts) {
                return Duration.ZERO;
            }
            int doublings = Math.min(count - freeAttempts, 30);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Policy perAccount;
    private final Policy perAddress;
    private final Clock clock;

    @Autowired
    LoginThrottle(
            @Value("${regiomonitor.login.free-attempts}") int accountFree,
            @Value("${regiomonitor.login.free-attempts-per-address}") int addressFree,
            @Value("${regiomonitor.login.first-delay}") Duration firstDelay,
            @Value("${regiomonitor.login.max-delay}") Duration accountMax,
            @Value("${regiomonitor.login.max-delay-per-address}") Duration addressMax,
            @Value("${regiomonitor.login.forget-one-after}") Duration forgetOne) {
        this(
                new Policy(accountFree, firstDelay, accountMax, forgetOne),
                new Policy(addressFree, firstDelay, addressMax, forgetOne),
                Clock.systemUTC());
    }

    LoginThrottle(Policy perAccount, Policy perAddress, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /** Whether an attempt for this user name from this address must wait longer before it is heard. */
    public boolean holdsBack(String username, String address) {
        Instant now = clock.instant();
        return waiting(accountKey(username), perAccount, now) || waiting(addressKey(address), perAddress, now);
    }

    /** A wrong password, unknown user or disabled account heard for this name and address. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            failures.entrySet().removeIf(e -> current(e.getValue(), perAddress, now) == 0);
            if (failures.size() >= MAX_KEYS) {
                failures.clear();
            }
        }
        failures.compute(accountKey(username), (key, old) -> new Failures(current(old, perAccount, now) + 1, now));
        failures.compute(addressKey(address), (key, old) -> new Failures(current(old, perAddress, now) + 1, now));
    }

    /** The owner got in: his name starts afresh. The address does not, or any account could wash it clean. */
    public void succeeded(String username) {
        failures.remove(accountKey(username));
    }

    private boolean waiting(String key, Policy policy, Instant now) {
        Failures f = failures.get(key);
        return f != null && now.isBefore(f.last().plus(policy.delay(current(f, policy, now))));
    }

    /** The failures still remembered: one less per quiet period since the last. */
    private static int current(Failures f, Policy policy, Instant now) {
        if (f == null) {
            return 0;
        }
        long forgotten = Duration.between(f.last(), now).dividedBy(policy.forgetOne());
        return (int) Math.max(0, f.count() - forgotten);
    }

    private static String accountKey(String username) {
        String name = UserService.normalise(username);
        return "u:" + (name.length() > 64 ? name.substring(0, 64) : name);
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }
}
