package nl.regiomonitor.security;

import static nl.regiomonitor.security.SecurityFixtures.PASSWORD;
import static nl.regiomonitor.security.SecurityFixtures.trailOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.regiomonitor.IntegrationTest;
import nl.regiomonitor.WebSession;
import nl.regiomonitor.WebSession.Response;

/** Failed logins: wrong guesses slow the attacker down but never keep the owner out, and every failure gets the same answer. */
class FailedLoginTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    AuditService audit;

    /** The delay after the free attempts; it doubles with every failure after them. */
    @Value("${regiomonitor.login.first-delay}")
    Duration firstDelay;

    /**
     * Seven wrong guesses for {@code name} from {@code address}, each counted (the sixth and seventh after the
     * delay before them): the next attempt is then held back for four first delays (2 seconds in the tests),
     * long enough for a slow machine.
     */
    private void guessSevenTimes(String name, String address) throws InterruptedException {
        WebSession attacker = WebSession.anonymous(port).from(address);
        for (int attempt = 1; attempt <= 7; attempt++) {
            if (attempt == 6) {
                pause(1);
            } else if (attempt == 7) {
                pause(2);
            }
            assertThat(attacker.login(name, "fout-wachtwoord-" + attempt).location())
                    .as("poging " + attempt)
                    .endsWith("/login?fout");
        }
    }

    /** Waits out {@code times} first delays, and a little more. */
    private void pause(int times) throws InterruptedException {
        Thread.sleep(firstDelay.multipliedBy(times).plusMillis(100).toMillis());
    }

    @Test
    void wrongGuessesSlowTheAttackerDownButNeverKeepTheOwnerOut() throws Exception {
        users.create("slot.test", "Slot Test", null, PASSWORD, List.of(new Grant(Role.GEMEENTE, "ZK10")));
        guessSevenTimes("slot.test", "203.0.113.10");
        // right after the guesses even the right password is not heard, and gets the answer of a wrong one
        assertThat(WebSession.anonymous(port)
                        .from("198.51.100.20")
                        .login("slot.test", PASSWORD)
                        .location())
                .endsWith("/login?fout");
        assertThat(WebSession.basic(port, "slot.test", PASSWORD)
                        .from("198.51.100.21")
                        .getJson("/api/v1/plans")
                        .status())
                .isEqualTo(401);
        // once the delay has passed the owner gets in: no lock to wait out, however long the guessing went on
        pause(4);
        assertThat(WebSession.anonymous(port)
                        .from("198.51.100.20")
                        .login("slot.test", PASSWORD)
                        .location())
                .doesNotContain("/login");
        // the old lockout: one wrong guess now and then kept the
        // account locked for good; now the owner is never kept out
        WebSession attacker = WebSession.anonymous(port).from("203.0.113.10");
        for (int round = 0; round < 3; round++) {
            assertThat(attacker.login("slot.test", "af-en-toe-" + round).location())
                    .endsWith("/login?fout");
            assertThat(WebSession.anonymous(port)
                            .from("198.51.100.20")
                            .login("slot.test", PASSWORD)
                            .location())
                    .as("ronde " + round)
                    .doesNotContain("/login");
        }
        assertThat(trailOf(audit, "slot.test"))
                .filteredOn(e -> e.action() == AuditAction.LOGIN_FAILED)
                .anySatisfy(e -> assertThat(e.summary()).contains("te snel na eerdere mislukte pogingen"))
                .anySatisfy(e -> assertThat(e.summary()).contains("onjuist wachtwoord"));
    }

    @Test
    void everyFailedLoginGetsOneAndTheSameAnswer() throws Exception {
        users.create("uit.test", "Uit Test", null, PASSWORD, List.of(new Grant(Role.GEMEENTE, "ZK10")));
        users.setEnabled(users.find("uit.test").orElseThrow().id(), false);
        users.create("traag.test", "Traag Test", null, PASSWORD, List.of(new Grant(Role.GEMEENTE, "ZK10")));
        users.create("fout.test", "Fout Test", null, PASSWORD, List.of(new Grant(Role.GEMEENTE, "ZK10")));
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("vertraagd", new String[] {"traag.test", PASSWORD}); // first, while the delay lasts
        cases.put("onbekend", new String[] {"niemand.bekend", PASSWORD});
        cases.put("onjuist", new String[] {"fout.test", "fout-wachtwoord-123"});
        cases.put("uitgeschakeld", new String[] {"uit.test", PASSWORD});
        guessSevenTimes("traag.test", "203.0.113.30");
        Set<String> pageAnswers = new HashSet<>();
        Set<String> apiAnswers = new HashSet<>();
        int n = 0;
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            String address = "198.51.100." + (100 + n++);
            WebSession visitor = WebSession.anonymous(port).from(address);
            Response form = visitor.login(c.getValue()[0], c.getValue()[1]);
            Response api = WebSession.basic(port, c.getValue()[0], c.getValue()[1])
                    .from(address)
                    .getJson("/api/v1/plans");
            assertThat(form.location()).as(c.getKey()).endsWith("/login?fout");
            pageAnswers.add(form.status() + " " + form.location() + " "
                    + visitor.get(form.location().replaceFirst("^https?://[^/]+", ""))
                            .body()
                            .replaceAll("content=\"[^\"]*\"", "")
                            .replaceAll("value=\"[^\"]*\"", ""));
            apiAnswers.add(api.status() + " "
                    + api.headers().firstValue("WWW-Authenticate").orElse("") + " " + api.body());
        }
        assertThat(pageAnswers).hasSize(1);
        assertThat(apiAnswers).hasSize(1);
        assertThat(apiAnswers.iterator().next()).startsWith("401");
        assertThat(pageAnswers.iterator().next())
                .contains("Inloggen is niet gelukt")
                .doesNotContain("uitgeschakeld")
                .doesNotContain("geblokkeerd");
        // the trail says why
        assertThat(trailOf(audit, "uit.test"))
                .anySatisfy(e -> assertThat(e.summary()).contains("account uitgeschakeld"));
        assertThat(trailOf(audit, "traag.test"))
                .anySatisfy(e -> assertThat(e.summary()).contains("te snel"));
    }
}
