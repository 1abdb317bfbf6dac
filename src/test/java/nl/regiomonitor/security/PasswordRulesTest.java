package nl.regiomonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which passwords {@link PasswordRules} refuses (NIST 800-63B) and which long, ordinary ones it lets through. */
class PasswordRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "            ",
                " \t \t \t \t \t \t",
                "aaaaaaaaaaaa",
                "abababababab",
                "abcabcabcabc",
                "121212121212",
                "123456789012",
                "098765432109",
                "qwertyuiopas",
                "QWERTYUIOPASDF",
                "abcdefghijkl",
                "1qaz2wsx3edc",
                "wachtwoord12",
                "Wachtwoord2024!",
                "P@ssw0rd12345",
                "welkomwelkom",
                "passwordpassword",
                "regiomonitor1",
                "zorgkantoor!!",
                "iloveyou1234",
                "kort"
            })
    void refused(String password) {
        assertThat(PasswordRules.problem(password, "jansen"))
                .as("'" + password + "'")
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "paarse olifanten dansen",
                "een-lang-test-wachtwoord",
                "demo-wachtwoord",
                "Koffie om 10:30 graag",
                "correct horse battery staple",
                "zeven ZWANEN zwemmen"
            })
    void accepted(String password) {
        assertThat(PasswordRules.problem(password, "jansen"))
                .as("'" + password + "'")
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jansen-is-de-beste", "Mijn naam is Jansen"})
    void theUserNameIsRefused(String password) {
        assertThat(PasswordRules.problem(password, "jansen")).contains("gebruikersnaam");
        assertThat(PasswordRules.problem(password, "p.devries")).isNull();
    }
}
