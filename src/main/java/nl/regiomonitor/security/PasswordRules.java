package nl.regiomonitor.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password may not be (NIST SP 800-63B, 5.1.1.2): shorter than
 * {@value #MIN_LENGTH} characters; only spaces; one character, or a short run, repeated; a run
 * along the keyboard or the alphabet or the digits; a well-known password or word
 * ({@code security/common-passwords.txt}) with some digits or punctuation around it; or the
 * user name. No rules about kinds of characters: a long phrase is better than a short jumble.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;

    private static final Set<String> COMMON = load();
    private static final String[] RUNS = {
        "abcdefghijklmnopqrstuvwxyz",
        "0123456789",
        "qwertyuiopasdfghjklzxcvbnm",
        "azertyuiopqsdfghjklmwxcvbn",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
        "qazwsxedcrfvtgbyhnujmikolp"
    };

    private PasswordRules() {}

    /** Why {@code password} may not be used by {@code username}, in Dutch; null when it may. */
    static String problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "Een wachtwoord heeft minstens " + MIN_LENGTH + " tekens.";
        }
        if (password.length() > 200) {
            return "Een wachtwoord heeft hoogstens 200 tekens.";
        }
        if (password.isBlank()) {
            return "Een wachtwoord mag niet alleen uit spaties bestaan.";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (repeats(lower)) {
            return "Dit wachtwoord is één teken of een kort stukje dat steeds herhaald wordt; dat is snel te raden. "
                    + "Kies bijvoorbeeld een zin van een paar woorden.";
        }
        String compact = lower.replaceAll("\\s+", "");
        if (isRun(compact)) {
            return "Dit wachtwoord is een reeks op het toetsenbord of in het alfabet; dat is snel te raden. "
                    + "Kies bijvoorbeeld een zin van een paar woorden.";
        }
        String user = username == null ? "" : username.toLowerCase(Locale.ROOT).strip();
        String plainUser = user.replaceAll("[^\\p{L}\\p{N}]", "");
        if (user.length() >= 3
                && (compact.contains(user)
                        || plainUser.length() >= 3
                                && compact.replaceAll("[^\\p{L}\\p{N}]", "").contains(plainUser))) {
            return "Een wachtwoord mag de gebruikersnaam niet bevatten.";
        }
        String core = core(compact);
        if (COMMON.contains(core) || repeatsWordFrom(core)) {
            return "Dit wachtwoord staat in lijsten van veelgebruikte of gelekte wachtwoorden en is daardoor snel te raden. "
                    + "Kies bijvoorbeeld een zin van een paar woorden.";
        }
        return null;
    }

    /** Without digits and punctuation at the ends, and with the usual digits for letters read as letters. */
    private static String core(String compact) {
        String stripped = compact.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        return stripped.replace('0', 'o')
                .replace('1', 'i')
                .replace('3', 'e')
                .replace('4', 'a')
                .replace('5', 's')
                .replace('7', 't')
                .replace('@', 'a')
                .replace('$', 's')
                .replace("!", "i");
    }

    /** One character or a run of at most four repeated, such as "aaaaaaaaaaaa" or "abcabcabcabc". */
    private static boolean repeats(String s) {
        for (int unit = 1; unit <= 4 && unit < s.length(); unit++) {
            if (s.length() % unit == 0 && s.equals(s.substring(0, unit).repeat(s.length() / unit))) {
                return true;
            }
        }
        return false;
    }

    /** A piece of one row of keys, the alphabet or the digits, forwards or backwards (possibly around again). */
    private static boolean isRun(String s) {
        for (String run : RUNS) {
            String around = run.repeat(1 + s.length() / run.length() + 1);
            String backwards = new StringBuilder(around).reverse().toString();
            if (around.contains(s) || backwards.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** A common word said more than once: "welkomwelkom", "passwordpassword". */
    private static boolean repeatsWordFrom(String core) {
        for (int times = 2; times <= 6; times++) {
            if (core.length() % times == 0) {
                String unit = core.substring(0, core.length() / times);
                if (COMMON.contains(unit) && core.equals(unit.repeat(times))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> load() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(PasswordRules.class.getResourceAsStream("/security/common-passwords.txt")),
                StandardCharsets.UTF_8))) {
            return in.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
